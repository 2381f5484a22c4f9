// src/go/path.ts
function goPathJoin(...parts) {
  const joined = parts.filter((p) => p !== "").join("/");
  if (joined === "") return "";
  return goPathClean(joined);
}
function goPathClean(p) {
  const rooted = p.startsWith("/");
  const out = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(part);
  }
  const s = (rooted ? "/" : "") + out.join("/");
  return s === "" ? "." : s;
}
function goPathExt(p) {
  for (let i = p.length - 1; i >= 0 && p[i] !== "/"; i--) if (p[i] === ".") return p.slice(i);
  return "";
}
function goPathDir(p) {
  const i = p.lastIndexOf("/");
  return goPathClean(i < 0 ? "." : p.slice(0, i + 1));
}

export {
  goPathJoin,
  goPathClean,
  goPathExt,
  goPathDir
};
//# sourceMappingURL=chunk-JHNEIQET.mjs.map
