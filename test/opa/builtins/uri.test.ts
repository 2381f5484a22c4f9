// uri.parse / uri.is_valid on preadmit's host (src/go/uri.ts: Go's net/url.Parse) against the real topdown
// `opa eval` of Gatekeeper's OPA, byte for byte, undefined results (url.Parse's errors) included.
import { describe, expect, it } from 'vitest';
import { mismatches } from './wasm-oracle.ts';

const URIS = [
  'https://example.com', 'https://example.com/', 'HTTPS://Example.COM:8443/a/b?x=1&y=2#frag', 'http://user:pass@host:80/p',
  'http://user@host', 'http://u%41:p%zz@host', 'http://u@@host/', 'http://a b@host', 'http://[::1]:8080/x', 'http://[::1]', 'http://[fe80::1%25en0]:1/',
  'http://[fe80::1%en0]/', 'http://[1.2.3.4]/', 'http://[::ffff:1.2.3.4]/', 'http://[::1', 'http://x[::1]', 'http://[::1]x', 'http://[::1]:x',
  'http://[::1%25]/', 'http://[1:2:3:4:5:6:7:8]/', 'http://[1:2:3:4:5:6:7:8:9]/', 'http://[1::2::3]/', 'http://[12345::]/', 'http://[::01.2.3.4]/',
  'http://host:port', 'http://host:', 'http://host:123:456', 'postgres://a:1,b:2/db', 'http://a:1:2/', 'http://h%C3%A9/', 'http://h%41/', 'http://h%25/',
  'http://h^t/', 'http://h<t>/', 'http://h"t/', 'http://h!$&\'()*+,;=t/', 'http://h@t@u/',
  'mailto:someone@example.com', 'urn:isbn:0451450523', 'scheme:opaque?q#f', 'file:///etc/passwd', 'file://localhost/etc', '///x', '//host/path', '//host',
  '/a/b/c', 'a/b', 'a:b/c', './a:b', 'a/b:c', '', '*', '?', '?q', 'x?', 'x?a?', '#', '#f', '#%zz', '#%41', 'http://h/#a#b',
  '/a%2Fb', '/a%2fb', '/a%zz', '/a%', '/a%4', '/a b', '/é', '/a%C3%A9', '/a%FF', '/a%E2%82', '/!$&\'()*+,;=:@', '/a?b=%zz', '/[x]',
  '1http://x', '+x:y', 'x+y.z-w:opaque', ':x', 'h\u0001ttp://x', 'http://x/\u007f', 'http://x/\ttab', 'HTTP://X', 'ht%74p://x',
  'http:', 'http:/', 'http://', 'http:///', 'http:////x', 'http:x', 'http:?q', 'http://?q', 'http://#f', 'http://h?', 'http://h?a=1?',
  'http://[::1]:80%32/', 'http://user:p%40ss@h/', 'http://us%zzer@h/', 'http://a:b:c@h/', 'https://h/%7e', 'https://h/~a', 'https://h/a+b',
  'http://[fe80::1%25%41]/', 'http://[fe80::1%25%20]/', 'http://[fe80::1%25%2F]/', 'http://[::1.2.3.4]/', 'http://[1::2:3:4:5:6:1.2.3.4]/',
  'http://[1:2:3:4:5:6:7::]/', 'http://[::]/', 'http://[:::]/', 'http://[0001:2::]/', 'http://[00001::]/', 'http://[1::01.2.3.4]/', 'http://[::%25x]/',
  'http://[1:2:3:4:5:6:1.2.3.4]/', 'http://[1:2:3:4:5:6:7:1.2.3.4]/', 'http://[::1:]/', 'http://[:1::]/', 'http://[1.2.3]/', 'http://[::1.2.3.256]/',
  'x+y.z-w://u@h:8/p', '1a://h', 'http://u%41@h', 'http://h%80/', 'http://[::1]%3A80/', 'http://é.example/é?é#é', 'http://h/%C3', 'http://h/?a=%zz#%C3',
];

/** URIs put together from pieces that stress each component (a fixed seed: the same list every run). */
function generatedUris(count: number): string[] {
  let seed = 20261206;
  const rnd = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return (seed >>> 16) % n;
  };
  const pick = (a: string[]): string => a[rnd(a.length)]!;
  const piece = (atoms: string[], max: number): string => Array.from({ length: rnd(max + 1) }, () => pick(atoms)).join('');
  const chars = ['a', 'Z', '0', '%', '%2', '%25', '%41', '%C3%A9', '%80', '%zz', ':', '@', '[', ']', '.', '-', '~', '!', '$', "'", '(', '+', ',', ';',
    '=', '<', '"', ' ', 'é', '^', '{', '`', '|', '/'];
  const hosts = ['example.com', '[::1]', '[fe80::1%25en0]', '[fe80::1%25%20]', '[::ffff:1.2.3.4]', '[1.2.3.4]', '[::]', '[1::2::3]', '1.2.3.4', 'h%C3%A9', 'h%41'];
  return Array.from({ length: count }, () => {
    const scheme = pick(['', 'http:', 'HTTPS:', 'postgres:', 'x+y.z-w:', '1a:', ':']);
    const auth = rnd(4) === 0 ? '' : '//' + (rnd(3) === 0 ? piece(chars, 3) + '@' : '') + (rnd(2) ? pick(hosts) : piece(chars, 3)) +
      (rnd(3) === 0 ? ':' + piece(['1', '8', ':', 'x'], 3) : '');
    const path = rnd(3) === 0 ? '' : (rnd(4) ? '/' : '') + piece(chars, 5);
    const query = rnd(3) === 0 ? '?' + piece([...chars, '?', '#'], 3) : '';
    return scheme + auth + path + query + (rnd(4) === 0 ? '#' + piece([...chars, '#'], 3) : '');
  });
}

describe('uri.parse / uri.is_valid on the host equal opa eval', () => {
  it('1000 generated URIs through uri.parse', () => {
    expect(mismatches(generatedUris(1000).map((u) => `uri.parse(${JSON.stringify(u)})`))).toEqual([]);
  });
  it(`${URIS.length} URIs through uri.parse`, () => {
    expect(mismatches(URIS.map((u) => `uri.parse(${JSON.stringify(u)})`))).toEqual([]);
  });
  it(`${URIS.length} URIs through uri.is_valid, and non-strings`, () => {
    const exprs = [...URIS.map((u) => `uri.is_valid(${JSON.stringify(u)})`), 'uri.is_valid(json.unmarshal("1"))', 'uri.parse(json.unmarshal("1"))'];
    expect(mismatches(exprs)).toEqual([]);
  });
});
