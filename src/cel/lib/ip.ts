// Kubernetes' ip and cidr libraries (apiserver pkg/cel/library/ip.go, cidr.go over Go's net/netip):
// ip(), isIP(), ip.isCanonical(), family(), isUnspecified(), isLoopback(), isLinkLocalMulticast(),
// isLinkLocalUnicast(), isGlobalUnicast(), string(ip); cidr(), isCIDR(), containsIP(), containsCIDR(),
// ip(), prefixLength(), masked(), string(cidr). Zones and IPv4-mapped IPv6 addresses are refused, as there.
import type { Environment } from '@marcbachmann/cel-js';
import { libError } from './errors.ts';

class IP {
  constructor(readonly bytes: Uint8Array) {}
  get family(): 4 | 6 {
    return this.bytes.length === 4 ? 4 : 6;
  }
  toString(): string {
    return formatAddr(this.bytes);
  }
}

class CIDR {
  constructor(
    readonly addr: IP,
    readonly bits: number,
  ) {}
  toString(): string {
    return `${this.addr.toString()}/${this.bits}`;
  }
}

function parseIPv4(s: string): Uint8Array | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out = new Uint8Array(4);
  for (const [i, p] of parts.entries()) {
    if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out[i] = n;
  }
  return out;
}

function parseIPv6(s: string): Uint8Array | undefined {
  let tail: Uint8Array | undefined;
  let text = s;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    tail = parseIPv4(text.slice(lastColon + 1));
    if (!tail) return undefined;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !rest) return undefined;
  let all: number[];
  if (halves.length === 2) {
    const missing = 8 - head.length - rest.length;
    if (missing < 1) return undefined;
    all = [...head, ...new Array<number>(missing).fill(0), ...rest];
  } else {
    if (head.length !== 8) return undefined;
    all = head;
  }
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    out[2 * i] = g >> 8;
    out[2 * i + 1] = g & 0xff;
  });
  if (tail) out.set(tail, 12);
  return out;
}

function isV4InV6(b: Uint8Array): boolean {
  return b.length === 16 && b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
}

/** netip.Addr.String(): dotted IPv4; RFC 5952 IPv6 (longest run of two or more zero groups shortened). */
function formatAddr(b: Uint8Array): string {
  if (b.length === 4) return [...b].join('.');
  const groups = Array.from({ length: 8 }, (_, i) => (b[2 * i]! << 8) | b[2 * i + 1]!);
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (g: number) => g.toString(16);
  if (bestStart < 0) return groups.map(hex).join(':');
  return `${groups.slice(0, bestStart).map(hex).join(':')}::${groups.slice(bestStart + bestLen).map(hex).join(':')}`;
}

function parseAddr(raw: string): IP | { error: string } {
  if (raw.includes('%')) {
    const b = parseIPv6(raw.slice(0, raw.indexOf('%')));
    if (b && raw.indexOf('%') < raw.length - 1) return { error: `IP address ${JSON.stringify(raw)} with zone value is not allowed` };
  }
  const bytes = raw.includes(':') ? parseIPv6(raw) : parseIPv4(raw);
  if (!bytes) {
    return { error: `IP Address ${JSON.stringify(raw)} parse error during conversion from string: ParseAddr(${JSON.stringify(raw)}): unable to parse IP` };
  }
  if (isV4InV6(bytes)) return { error: `IPv4-mapped IPv6 address ${JSON.stringify(raw)} is not allowed` };
  return new IP(bytes);
}

function parseCIDR(raw: string): CIDR | { error: string } {
  const slash = raw.lastIndexOf('/');
  const fail = { error: `network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(raw)}): no '/'` };
  if (slash < 0) return fail;
  const addrText = raw.slice(0, slash);
  const bitsText = raw.slice(slash + 1);
  if (addrText.includes('%')) return { error: `network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(raw)}): IPv6 zones cannot be present in a prefix` };
  const bytes = addrText.includes(':') ? parseIPv6(addrText) : parseIPv4(addrText);
  if (!bytes) return { error: `network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(raw)}): ParseAddr(${JSON.stringify(addrText)}): unable to parse IP` };
  const max = bytes.length * 8;
  if (!/^(0|[1-9][0-9]*)$/.test(bitsText) || Number(bitsText) > max) {
    return { error: `network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(raw)}): bad bits after slash: ${JSON.stringify(bitsText)}` };
  }
  if (isV4InV6(bytes)) return { error: `IPv4-mapped IPv6 address ${JSON.stringify(raw)} is not allowed` };
  return new CIDR(new IP(bytes), Number(bitsText));
}

function masked(c: CIDR): CIDR {
  const b = new Uint8Array(c.addr.bytes);
  for (let i = 0; i < b.length * 8; i++) if (i >= c.bits) b[i >> 3]! &= ~(0x80 >> (i & 7));
  return new CIDR(new IP(b), c.bits);
}

function contains(c: CIDR, ip: IP): boolean {
  if (ip.bytes.length !== c.addr.bytes.length) return false;
  for (let i = 0; i < c.bits; i++) {
    const bit = 0x80 >> (i & 7);
    if ((c.addr.bytes[i >> 3]! & bit) !== (ip.bytes[i >> 3]! & bit)) return false;
  }
  return true;
}

function must<T>(r: T | { error: string }): T {
  if (typeof r === 'object' && r !== null && 'error' in r) throw libError((r as { error: string }).error);
  return r as T;
}

const isV4 = (b: Uint8Array, first: number, mask: number, value: number): boolean => b.length === 4 && (b[first]! & mask) === value;

function isLoopback(b: Uint8Array): boolean {
  return b.length === 4 ? b[0] === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1;
}
function isUnspecified(b: Uint8Array): boolean {
  return b.every((x) => x === 0);
}
function isLinkLocalMulticast(b: Uint8Array): boolean {
  return b.length === 4 ? b[0] === 224 && b[1] === 0 && b[2] === 0 : b[0] === 0xff && (b[1]! & 0x0f) === 0x02;
}
function isLinkLocalUnicast(b: Uint8Array): boolean {
  return b.length === 4 ? b[0] === 169 && b[1] === 254 : b[0] === 0xfe && (b[1]! & 0xc0) === 0x80;
}
function isMulticast(b: Uint8Array): boolean {
  return b.length === 4 ? isV4(b, 0, 0xf0, 0xe0) : b[0] === 0xff;
}
function isGlobalUnicast(b: Uint8Array): boolean {
  if (b.length === 4 && b.every((x) => x === 255)) return false;
  return !isUnspecified(b) && !isLoopback(b) && !isMulticast(b) && !isLinkLocalUnicast(b);
}

export function registerIP(env: Environment): void {
  env.registerType('net.IP', IP);
  env.registerType('net.CIDR', CIDR);
  env.registerFunction('ip(string): net.IP', (s: string) => must(parseAddr(s)));
  env.registerFunction('isIP(string): bool', (s: string) => !('error' in parseAddr(s)));
  env.registerFunction('net.IP.family(): int', (ip: IP) => BigInt(ip.family));
  env.registerFunction('net.IP.isUnspecified(): bool', (ip: IP) => isUnspecified(ip.bytes));
  env.registerFunction('net.IP.isLoopback(): bool', (ip: IP) => isLoopback(ip.bytes));
  env.registerFunction('net.IP.isLinkLocalMulticast(): bool', (ip: IP) => isLinkLocalMulticast(ip.bytes));
  env.registerFunction('net.IP.isLinkLocalUnicast(): bool', (ip: IP) => isLinkLocalUnicast(ip.bytes));
  env.registerFunction('net.IP.isGlobalUnicast(): bool', (ip: IP) => isGlobalUnicast(ip.bytes));
  env.registerFunction('string(net.IP): string', (ip: IP) => ip.toString());

  env.registerFunction('cidr(string): net.CIDR', (s: string) => must(parseCIDR(s)));
  env.registerFunction('isCIDR(string): bool', (s: string) => !('error' in parseCIDR(s)));
  env.registerFunction('net.CIDR.containsIP(string): bool', (c: CIDR, s: string) => contains(c, must(parseAddr(s))));
  env.registerFunction('net.CIDR.containsIP(net.IP): bool', (c: CIDR, ip: IP) => contains(c, ip));
  env.registerFunction('net.CIDR.containsCIDR(string): bool', (c: CIDR, s: string) => {
    const o = must(parseCIDR(s));
    return contains(c, o.addr) && c.bits <= o.bits;
  });
  env.registerFunction('net.CIDR.containsCIDR(net.CIDR): bool', (c: CIDR, o: CIDR) => contains(c, o.addr) && c.bits <= o.bits);
  env.registerFunction('net.CIDR.ip(): net.IP', (c: CIDR) => c.addr);
  env.registerFunction('net.CIDR.prefixLength(): int', (c: CIDR) => BigInt(c.bits));
  env.registerFunction('net.CIDR.masked(): net.CIDR', (c: CIDR) => masked(c));
  env.registerFunction('string(net.CIDR): string', (c: CIDR) => c.toString());

  // ip.isCanonical("…"): `ip` is also a function name, so the namespace is a constant of its own type.
  class IPNamespace {}
  env.registerType('IPNamespace', IPNamespace);
  env.registerConstant('ip', 'IPNamespace', new IPNamespace());
  env.registerFunction('IPNamespace.isCanonical(string): bool', (_ns: unknown, s: string) => must(parseAddr(s)).toString() === s);
}
