// Go's encoding/base64.

/** Go's base64.StdEncoding.DecodeString: padding required, `\r` and `\n` ignored, nothing else. */
export function goBase64Std(s: string): Buffer | undefined {
  const t = s.replace(/[\r\n]/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(t)) return undefined;
  return Buffer.from(t, 'base64');
}
