// src/cel/lib/errors.ts
var CelLibraryError = class extends Error {
};
function libError(message) {
  return new CelLibraryError(message);
}

// src/cel/lib/semver.ts
var Semver = class {
  constructor(major, minor, patch, pre) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.pre = pre;
  }
  major;
  minor;
  patch;
  pre;
};
var NUM = /^(0|[1-9][0-9]*)$/;
var IDENT = /^[0-9A-Za-z-]+$/;
function parseSemver(s) {
  if (s.length === 0) return { error: "Version string empty" };
  const parts = s.split(".", 3);
  const rest = s.split(".");
  if (rest.length < 3) return { error: "No Major.Minor.Patch elements found" };
  const major = parts[0];
  const minor = parts[1];
  const tail = s.slice(major.length + minor.length + 2);
  if (!/^[0-9]+$/.test(major)) return { error: `Invalid character(s) found in major number ${JSON.stringify(major)}` };
  if (major.length > 1 && major[0] === "0") return { error: `Major number must not contain leading zeroes ${JSON.stringify(major)}` };
  if (!/^[0-9]+$/.test(minor)) return { error: `Invalid character(s) found in minor number ${JSON.stringify(minor)}` };
  if (minor.length > 1 && minor[0] === "0") return { error: `Minor number must not contain leading zeroes ${JSON.stringify(minor)}` };
  const m = /^([0-9A-Za-z]*)(?:-([^+]*))?(?:\+(.*))?$/.exec(tail);
  const patchText = /^[0-9]*/.exec(tail)[0];
  const afterPatch = tail.slice(patchText.length);
  if (!m || patchText === "" || afterPatch !== "" && afterPatch[0] !== "-" && afterPatch[0] !== "+") {
    return { error: `Invalid character(s) found in patch number ${JSON.stringify(patchText || tail)}` };
  }
  if (patchText.length > 1 && patchText[0] === "0") return { error: `Patch number must not contain leading zeroes ${JSON.stringify(patchText)}` };
  const preMatch = /^-([^+]*)/.exec(afterPatch);
  const buildMatch = /\+(.*)$/.exec(afterPatch);
  const pre = preMatch ? preMatch[1].split(".") : [];
  for (const p of pre) {
    if (p === "") return { error: "Prerelease is empty" };
    if (!IDENT.test(p)) return { error: `Invalid character(s) found in prerelease ${JSON.stringify(p)}` };
    if (/^[0-9]+$/.test(p) && !NUM.test(p)) return { error: `Prerelease numeric part must not contain leading zeroes ${JSON.stringify(p)}` };
  }
  if (buildMatch) {
    for (const b of buildMatch[1].split(".")) {
      if (b === "") return { error: "Build meta data is empty" };
      if (!IDENT.test(b)) return { error: `Invalid character(s) found in build meta data ${JSON.stringify(b)}` };
    }
  }
  return new Semver(BigInt(major), BigInt(minor), BigInt(patchText), pre);
}
function normalizeAndParse(s) {
  const parts = (s.startsWith("v") ? s.slice(1) : s).split(".");
  const three = parts.length > 3 ? [parts[0], parts[1], parts.slice(2).join(".")] : parts;
  const cleaned = three.map((p) => {
    if (p.length <= 1) return p;
    const t = p.replace(/^0+/, "");
    return t.length === 0 || !/[0-9]/.test(t[0]) ? `0${t}` : t;
  });
  if (cleaned.length < 3) {
    if (/[+-]/.test(cleaned[cleaned.length - 1])) return { error: "short version cannot contain PreRelease/Build meta data" };
    while (cleaned.length < 3) cleaned.push("0");
  }
  return parseSemver(cleaned.join("."));
}
function comparePre(a, b) {
  if (a.length === 0 && b.length === 0) return 0;
  if (a.length === 0) return 1;
  if (b.length === 0) return -1;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    const xn = NUM.test(x);
    const yn = NUM.test(y);
    if (xn && yn) return BigInt(x) < BigInt(y) ? -1 : 1;
    if (xn) return -1;
    if (yn) return 1;
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
function compareSemver(a, b) {
  for (const k of ["major", "minor", "patch"]) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  return comparePre(a.pre, b.pre);
}
function parse(s, normalize) {
  const r = normalize ? normalizeAndParse(s) : parseSemver(s);
  if ("error" in r) throw libError(r.error);
  return r;
}
function registerSemver(env) {
  env.registerType("kubernetes.Semver", Semver);
  env.registerFunction("semver(string): kubernetes.Semver", (s) => parse(s, false));
  env.registerFunction("semver(string, bool): kubernetes.Semver", (s, n) => parse(s, n));
  env.registerFunction("isSemver(string): bool", (s) => !("error" in parseSemver(s)));
  env.registerFunction("isSemver(string, bool): bool", (s, n) => !("error" in (n ? normalizeAndParse(s) : parseSemver(s))));
  env.registerFunction("kubernetes.Semver.major(): int", (v) => v.major);
  env.registerFunction("kubernetes.Semver.minor(): int", (v) => v.minor);
  env.registerFunction("kubernetes.Semver.patch(): int", (v) => v.patch);
  env.registerFunction("kubernetes.Semver.isGreaterThan(kubernetes.Semver): bool", (a, b) => compareSemver(a, b) === 1);
  env.registerFunction("kubernetes.Semver.isLessThan(kubernetes.Semver): bool", (a, b) => compareSemver(a, b) === -1);
  env.registerFunction("kubernetes.Semver.compareTo(kubernetes.Semver): int", (a, b) => BigInt(compareSemver(a, b)));
}

export {
  CelLibraryError,
  libError,
  Semver,
  parseSemver,
  compareSemver,
  registerSemver
};
//# sourceMappingURL=chunk-GOXPIZBT.mjs.map
