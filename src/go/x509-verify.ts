// Go's (*x509.Certificate).Verify as OPA's verifyX509CertificateChain calls it: the first certificate is the only
// root, the last the leaf, the others intermediates. Chain building (candidate order by key id, signature check
// limit, already-in-chain test), validity periods, CA and path length rules, critical extensions, the DNS name
// and the extended key usages, with Go's checks in Go's order. Signatures are checked with node:crypto. Policy
// constraints are refused when the certificates are parsed (src/go/x509.ts) and chains holding name constraints
// here, so Go's constraint and policy checks, which always pass without them, are not needed.
import { isIPv6 } from 'node:net';
import { verify as cryptoVerify } from 'node:crypto';
import { SIG_ALG_INFO, unsupported, type Certificate } from './x509.ts';

export interface VerifyOptions {
  dnsName: string;
  /** Nanoseconds since the epoch. */
  currentTime: bigint;
  /** Go ExtKeyUsage values; empty means server authentication. */
  keyUsages: number[];
}

export class VerifyError extends Error {}

const MAX_SIGNATURE_CHECKS = 100;
const LEAF = 0;
const INTERMEDIATE = 1;
const ROOT = 2;

function sameBytes(a: Buffer | undefined, b: Buffer | undefined): boolean {
  return (a ?? Buffer.alloc(0)).equals(b ?? Buffer.alloc(0));
}

/** isValid: a Go error as a string, or undefined. */
function isValid(c: Certificate, certType: number, chain: Certificate[], opts: VerifyOptions): string | undefined {
  if (c.unhandledCritical.length > 0) return 'x509: unhandled critical extension';
  if (chain.length > 0 && !chain[chain.length - 1]!.rawIssuer.equals(c.rawSubject)) return 'x509: issuer name does not match subject';
  if (opts.currentTime < c.notBefore.ns || opts.currentTime > c.notAfter.ns) return 'x509: certificate has expired or is not yet valid';
  if (certType === INTERMEDIATE && (!c.basicConstraintsValid || !c.isCA)) return 'x509: certificate is not authorized to sign other certificates';
  if (c.basicConstraintsValid && c.maxPathLen >= 0 && chain.length - 1 > c.maxPathLen) return 'x509: too many intermediates for path length constraint';
  return undefined;
}

/** checkSignature: true when `child` is signed by `parent`'s key with the child's algorithm. */
function signatureValid(child: Certificate, parent: Certificate): boolean {
  const info = SIG_ALG_INFO[child.signatureAlgorithm];
  if (!info || info.key === 'dsa') return false;
  if (info.hash === 'md5' || info.hash === 'sha1') return false; // InsecureAlgorithmError
  const pub = parent.publicKey;
  const keyKind = pub.alg === 1 ? 'rsa' : pub.alg === 3 ? 'ecdsa' : pub.alg === 4 ? 'ed25519' : '';
  if (keyKind !== info.key) return false;
  const key = { key: pub.spki, format: 'der' as const, type: 'spki' as const };
  if (keyKind === 'rsa') {
    const { n, e } = pub.rsa!;
    const bits = n.toString(2).length;
    if (bits < 1024) return false; // Go refuses RSA keys under 1024 bits
    if (bits > 16384 || e < 3n || e > 0x7fffffffn || (e & 1n) === 0n) unsupported('an RSA key of unusual size or exponent');
    if (child.signature.length !== Math.ceil(bits / 8)) return false;
    const padding = info.pss ? { padding: 6, saltLength: info.pss } : { padding: 1 };
    return cryptoVerify(info.hash, child.rawTbs, { ...key, ...padding }, child.signature);
  }
  if (keyKind === 'ecdsa') return cryptoVerify(info.hash, child.rawTbs, { ...key, dsaEncoding: 'der' }, child.signature);
  return child.signature.length === 64 && cryptoVerify(null, child.rawTbs, key, child.signature);
}

/** CheckSignatureFrom. */
function checkSignatureFrom(child: Certificate, parent: Certificate): boolean {
  if ((parent.version === 3 && !parent.basicConstraintsValid) || (parent.basicConstraintsValid && !parent.isCA)) return false;
  if (parent.keyUsage !== 0 && (parent.keyUsage & 32) === 0) return false;
  if (parent.publicKey.alg === 0) return false;
  return signatureValid(child, parent);
}

function sanValue(c: Certificate): Buffer | undefined {
  return c.extensions.find((e) => e.id.join('.') === '2.5.29.17')?.value;
}

function alreadyInChain(candidate: Certificate, chain: Certificate[]): boolean {
  const candidateSan = sanValue(candidate);
  for (const c of chain) {
    if (!candidate.rawSubject.equals(c.rawSubject) || !candidate.rawSpki.equals(c.rawSpki)) continue;
    const san = sanValue(c);
    if (!candidateSan && !san) return true;
    if (!candidateSan || !san) return false;
    if (candidateSan.equals(san)) return true;
  }
  return false;
}

/** A CertPool: certificates deduplicated by content, looked up by subject. */
class Pool {
  private certs: Certificate[] = [];
  add(c: Certificate): void {
    if (!this.contains(c)) this.certs.push(c);
  }
  contains(c: Certificate): boolean {
    return this.certs.some((x) => x.raw.equals(c.raw));
  }
  potentialParents(c: Certificate): Certificate[] {
    const matching: Certificate[] = [];
    const one: Certificate[] = [];
    const mismatch: Certificate[] = [];
    for (const p of this.certs) {
      if (!p.rawSubject.equals(c.rawIssuer)) continue;
      const pk = p.subjectKeyId?.length ?? 0;
      const ak = c.authorityKeyId?.length ?? 0;
      if (sameBytes(p.subjectKeyId, c.authorityKeyId)) matching.push(p);
      else if ((pk === 0 && ak > 0) || (pk > 0 && ak === 0)) one.push(p);
      else mismatch.push(p);
    }
    return [...matching, ...one, ...mismatch];
  }
}

interface Search {
  checks: number;
  limit: boolean;
}

/** buildChains: chains from `c` up to the root, depth first, roots before intermediates at each step. */
function buildChains(c: Certificate, chain: Certificate[], search: Search, roots: Pool, inters: Pool, opts: VerifyOptions): Certificate[][] {
  const chains: Certificate[][] = [];
  for (const [certType, parents] of [[ROOT, roots.potentialParents(c)], [INTERMEDIATE, inters.potentialParents(c)]] as const) {
    for (const p of parents) {
      // past the limit Go stops looking everywhere, keeping the chains found so far
      if (++search.checks > MAX_SIGNATURE_CHECKS) search.limit = true;
      if (search.limit) return chains;
      if (p.publicKey.alg === 0 || alreadyInChain(p, chain)) continue;
      if (!checkSignatureFrom(c, p)) continue;
      if (isValid(p, certType, chain, opts) !== undefined) continue;
      if (certType === ROOT) chains.push([...chain, p]);
      else chains.push(...buildChains(p, [...chain, p], search, roots, inters, opts));
    }
  }
  return chains;
}

// ---------------------------------------------------------------------------------------------
// Host names and IP addresses

function parseIPv4(s: string): Buffer | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out = Buffer.alloc(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p[0] === '0') || Number(p) > 255) return undefined;
    out[i] = Number(p);
  }
  return out;
}

/** net.ParseIP as 16 bytes, or undefined. */
function parseIP(s: string): Buffer | undefined {
  const v4 = parseIPv4(s);
  if (v4) return Buffer.concat([Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]), v4]);
  if (!s.includes(':') || s.includes('%') || !isIPv6(s)) return undefined;
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const words = (part: string | undefined): number[] => {
    if (!part) return [];
    const out: number[] = [];
    for (const w of part.split(':')) {
      if (w.includes('.')) {
        const b = parseIPv4(w);
        if (!b) throw new Error('bad');
        out.push((b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!);
      } else out.push(parseInt(w, 16));
    }
    return out;
  };
  try {
    const h = words(head);
    const t = words(tail);
    if (tail === undefined && h.length !== 8) return undefined;
    const all = tail === undefined ? h : [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
    if (all.length !== 8) return undefined;
    const out = Buffer.alloc(16);
    all.forEach((w, i) => out.writeUInt16BE(w, i * 2));
    return out;
  } catch {
    return undefined;
  }
}

function to16(ip: Buffer): Buffer {
  return ip.length === 4 ? Buffer.concat([Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]), ip]) : ip;
}

function lowerAscii(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function validHostname(host: string, isPattern: boolean): boolean {
  if (!isPattern && host.endsWith('.')) host = host.slice(0, -1);
  if (host.length === 0 || host === '*') return false;
  const parts = host.split('.');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === '') return false;
    if (isPattern && i === 0 && part === '*') continue;
    let j = 0;
    for (const c of part) {
      const ok = /[a-zA-Z0-9_]/.test(c) || (c === '-' && j !== 0);
      if (!ok) return false;
      j += Buffer.byteLength(c);
    }
  }
  return true;
}

function verifyHostname(c: Certificate, h: string): boolean {
  let candidateIP = h;
  if (h.length >= 3 && h[0] === '[' && h[h.length - 1] === ']') candidateIP = h.slice(1, -1);
  const ip = parseIP(candidateIP);
  if (ip) return (c.ipAddresses ?? []).some((x) => to16(x).equals(ip));
  const name = lowerAscii(h);
  const validName = validHostname(name, false);
  const hostParts = lowerAscii(name.endsWith('.') ? name.slice(0, -1) : name).split('.');
  for (const match of c.dnsNames ?? []) {
    if (validName && validHostname(match, true)) {
      const pattern = lowerAscii(match);
      if (pattern.length === 0) continue;
      const pp = pattern.split('.');
      if (pp.length === hostParts.length && pp.every((p, i) => (i === 0 && p === '*') || p === hostParts[i])) return true;
    } else {
      const bad = (s: string): boolean => s === '' || s === '.';
      if (!bad(match) && !bad(name) && lowerAscii(match) === lowerAscii(name)) return true;
    }
  }
  return false;
}

function chainHasKeyUsage(chain: Certificate[], keyUsages: number[]): boolean {
  const usages = [...keyUsages];
  let remaining = usages.length;
  for (let i = chain.length - 1; i >= 0; i--) {
    const c = chain[i]!;
    const eku = c.extKeyUsage ?? [];
    if (eku.length === 0 && (c.unknownExtKeyUsage ?? []).length === 0) continue;
    if (eku.includes(0)) continue;
    for (let j = 0; j < usages.length; j++) {
      if (usages[j] === -1) continue;
      if (eku.includes(usages[j]!)) continue;
      usages[j] = -1;
      if (--remaining === 0) return false;
    }
  }
  return true;
}

/** verifyX509CertificateChain: the first verified chain (leaf first), or a VerifyError. */
export function verifyChain(certs: Certificate[], opts: VerifyOptions): Certificate[] {
  if (certs.length < 2) throw new VerifyError('must supply at least two certificates to be able to verify');
  if (certs.some((c) => c.nameConstraints)) unsupported('verifying a chain with name constraints');
  const roots = new Pool();
  roots.add(certs[0]!);
  const inters = new Pool();
  for (let i = 1; i < certs.length - 1; i++) inters.add(certs[i]!);
  const leaf = certs[certs.length - 1]!;
  const invalid = isValid(leaf, LEAF, [], opts);
  if (invalid) throw new VerifyError(invalid);
  if (opts.dnsName.length > 0 && !verifyHostname(leaf, opts.dnsName)) throw new VerifyError('x509: certificate is not valid for the host');
  let chains: Certificate[][];
  if (roots.contains(leaf)) chains = [[leaf]];
  else {
    chains = buildChains(leaf, [leaf], { checks: 0, limit: false }, roots, inters, opts);
    if (chains.length === 0) throw new VerifyError('x509: certificate signed by unknown authority');
  }
  const anyUsage = opts.keyUsages.includes(0);
  const usages = opts.keyUsages.length ? opts.keyUsages : [1];
  const ok = chains.filter((ch) => anyUsage || chainHasKeyUsage(ch, usages));
  if (ok.length === 0) throw new VerifyError('x509: certificate specifies an incompatible key usage');
  return ok[0]!;
}
