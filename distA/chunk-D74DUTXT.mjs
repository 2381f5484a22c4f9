// src/cli/native-validation.ts
var FLAG = "--enable-k8s-native-validation";
var TRUE = ["1", "t", "T", "TRUE", "true", "True"];
var FALSE = ["0", "f", "F", "FALSE", "false", "False"];
function takeNativeValidationFlag(argv) {
  let enabled = true;
  const rest = [];
  for (const [i, a] of argv.entries()) {
    if (a === "--") {
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

export {
  takeNativeValidationFlag
};
//# sourceMappingURL=chunk-D74DUTXT.mjs.map
