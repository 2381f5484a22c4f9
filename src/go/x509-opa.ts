// OPA v1.17.1's crypto.x509.* / crypto.parse_private_keys builtins (v1/topdown/crypto.go) over preadmit's Go
// x509 port: operand handling, the input forms OPA accepts, and the values it returns. Go errors are X509Error
// (the host makes the call undefined); what preadmit cannot reproduce is a plain Error (evaluation error).
import type { RegoValue } from '../opa/rego-value.ts';
import { certificateJson, certsFromString, J, X509Error } from './x509.ts';

function operandString(v: RegoValue | undefined, pos: number): string {
  if (!v || v.t !== 'string') throw new X509Error(`operand ${pos} must be string`);
  return v.v;
}

export const X509_BUILTINS: Record<string, (...args: RegoValue[]) => RegoValue> = {
  'crypto.x509.parse_certificates': (a) => J.arr(certsFromString(operandString(a, 1)).map((c) => certificateJson(c, true))),
};
