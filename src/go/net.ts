// Go's net package as preadmit needs it: IP addresses parsed (net.ParseIP) and printed (net.IP.String), used by the
// net.cidr_* builtins, JSON-schema formats and x509 certificates alike.

/** Go's net.ParseIP: 16 bytes (IPv4 as ::ffff:a.b.c.d), or undefined. */
export function goParseIP(s: string): number[] | undefined {
  const v4 = goParseIPv4(s);
  if (v4) return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4];
  return goParseIPv6(s);
}

export function goParseIPv4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

export function goParseIPv6(s: string): number[] | undefined {
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (text: string): number[] | undefined => {
    if (text === '') return [];
    const out: number[] = [];
    const parts = text.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = goParseIPv4(p);
        if (!v4) return undefined;
        out.push(...v4);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return undefined;
        const n = parseInt(p, 16);
        out.push(n >> 8, n & 0xff);
      }
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 16 ? head : undefined;
  if (head.length + tail.length > 14) return undefined;
  return [...head, ...Array<number>(16 - head.length - tail.length).fill(0), ...tail];
}

export function isV4Mapped(ip: number[]): boolean {
  return ip.length === 16 && ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff;
}

export function to4(ip: number[]): number[] | undefined {
  if (ip.length === 4) return ip;
  return isV4Mapped(ip) ? ip.slice(12) : undefined;
}

/** Go's net.IP.String: dotted quad for IPv4 (and IPv4-mapped IPv6), else RFC 5952 hex groups. */
export function goIPString(bytes: ArrayLike<number>): string {
  const ip = Array.from(bytes);
  const v4 = to4(ip);
  if (v4) return v4.join('.');
  const groups = Array.from({ length: 8 }, (_, i) => (ip[2 * i]! << 8) | ip[2 * i + 1]!);
  // The longest run of at least two zero groups (the first of equal runs) becomes "::".
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = (g: number[]): string => g.map((x) => x.toString(16)).join(':');
  return best < 0 ? hex(groups) : `${hex(groups.slice(0, best))}::${hex(groups.slice(best + bestLen))}`;
}
