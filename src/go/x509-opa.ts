// OPA v1.17.1's crypto.x509.* / crypto.parse_private_keys builtins (v1/topdown/crypto.go) over preadmit's Go
// x509 port: operand handling, the input forms OPA accepts, and the values it returns. Go errors are X509Error
// (the host makes the call undefined); what preadmit cannot reproduce is a plain Error (evaluation error).
import type { RegoValue } from '../opa/rego-value.ts';
import { certificateJson, certsFromString, goStdBase64, J, pemDecode, X509Error } from './x509.ts';
import { parseEcPrivateKey, parsePkcs1, parsePkcs8, privateKeyJson, privateKeyJwk, type PrivateKey } from './x509-keys.ts';

function err(message: string): never {
  throw new X509Error(message);
}

function operandString(v: RegoValue | undefined, pos: number): string {
  if (!v || v.t !== 'string') err(`operand ${pos} must be string`);
  return v.v;
}

/** OPA's getPrivateKeysFromPEMData: base64 of PEM or PEM; RSA, PKCS #8 and EC blocks, others skipped. */
function privateKeysFromPemData(data: Buffer): PrivateKey[] {
  let bs: Buffer = goStdBase64(data.toString('latin1')) ?? data;
  const keys: PrivateKey[] = [];
  while (bs.length > 0) {
    const d = pemDecode(bs);
    if (!d) break;
    bs = d.rest;
    if (d.block.type === 'RSA PRIVATE KEY') keys.push(parsePkcs1(d.block.bytes));
    else if (d.block.type === 'PRIVATE KEY') keys.push(parsePkcs8(d.block.bytes));
    else if (d.block.type === 'EC PRIVATE KEY') keys.push(parseEcPrivateKey(d.block.bytes));
  }
  return keys;
}

export const X509_BUILTINS: Record<string, (...args: RegoValue[]) => RegoValue> = {
  'crypto.x509.parse_certificates': (a) => J.arr(certsFromString(operandString(a, 1)).map((c) => certificateJson(c, true))),
  'crypto.parse_private_keys': (a) => {
    const s = operandString(a, 1);
    if (s === '') return J.null;
    return J.arr(privateKeysFromPemData(Buffer.from(s, 'utf8')).map(privateKeyJson));
  },
  'crypto.x509.parse_rsa_private_key': (a) => {
    const s = operandString(a, 1);
    if (s === '') err('input PEM data was empty');
    const data = s.startsWith('-----BEGIN') ? Buffer.from(s, 'utf8') : (goStdBase64(s) ?? err('illegal base64 data'));
    const keys = privateKeysFromPemData(data);
    return keys.length ? privateKeyJwk(keys[0]!) : J.null;
  },
};
