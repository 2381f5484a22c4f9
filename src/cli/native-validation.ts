// gator's `--enable-k8s-native-validation` switch (a Go bool flag, default true): whether the CEL driver
// is registered, so whether templates with a K8sNativeValidation source are evaluated with CEL.
const FLAG = '--enable-k8s-native-validation';
const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/** Takes the flag out of `argv` (bare, or `=value` with Go's strconv.ParseBool spellings). */
export function takeNativeValidationFlag(argv: string[]): { argv: string[]; enabled: boolean } | { error: string } {
  let enabled = true;
  const rest: string[] = [];
  for (const [i, a] of argv.entries()) {
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === FLAG) {
      enabled = true;
    } else if (a.startsWith(`${FLAG}=`)) {
      const v = a.slice(FLAG.length + 1);
      if (TRUE.includes(v)) enabled = true;
      else if (FALSE.includes(v)) enabled = false;
      else return { error: `invalid argument ${JSON.stringify(v)} for "${FLAG}" flag: strconv.ParseBool: parsing ${JSON.stringify(v)}: invalid syntax` };
    } else rest.push(a);
  }
  return { argv: rest, enabled };
}
