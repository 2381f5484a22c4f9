// The one tar reader: GitHub's repository tarballs (github/source.ts), downloaded chart archives (render/helm/remote.ts
// through `extractTarGz`) and opa's wasm bundles (opa/compile.ts). Archives are untrusted: every header's checksum is
// checked, sizes are read strictly (octal, or base-256) and never past the end, the unpacked size and the number of
// entries are capped, pax and GNU long names and link targets are applied, and every name is given both as stored
// and made safe (`path`: relative, inside, or undefined). What a caller keeps of links, directories and devices is
// its own rule; `extractTarGz` keeps regular files and directories only.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

export interface TarLimits {
  /** Most bytes the regular files may hold together (default: no cap beyond the archive's own size). */
  maxBytes?: number;
  /** Most entries (headers of files, directories, links...; long-name and pax headers not counted). Default: no cap. */
  maxEntries?: number;
}

type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

export interface TarEntry {
  /** The name as stored (a pax `path` or GNU long name applied), unchecked: for messages and for trusted archives. */
  name: string;
  /** `name` made safe: relative, '/'-separated, no `.` or empty segment; undefined when it would leave the directory. */
  path: string | undefined;
  type: TarEntryType;
  /** The header's type flag ('0', '5', '2'...). */
  typeFlag: string;
  /** Permission bits. */
  mode: number;
  /** A regular file's bytes; empty for the other types. */
  bytes: Buffer;
  /** A link's target (pax `linkpath`, GNU long link, or the header's), as stored. */
  linkTarget?: string;
}

/** An archive that cannot be read safely: corrupt, truncated, or beyond a limit. */
export class TarError extends Error {
  override name = 'TarError';
}

/**
 * `name` as a path inside the directory an archive is unpacked in: relative, '/'-separated, `.` and empty segments
 * dropped; undefined for an absolute or drive path, a `..` segment, a backslash or NUL, or nothing left.
 */
export function safeArchivePath(name: string): string | undefined {
  if (name === '' || name.includes('\0') || name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name)) return undefined;
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.some((p) => p === '..')) return undefined;
  return parts.join('/');
}

/** A gzip archive decompressed to at most `maxBytes` (plus room for the tar's headers), or a TarError saying why not. */
export function gunzipArchive(archive: Uint8Array, maxBytes: number): Buffer {
  try {
    return gunzipSync(archive, { maxOutputLength: maxBytes + 64 * BLOCK });
  } catch (e) {
    const tooBig = e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw new TarError(tooBig ? `unpacks to more than ${maxBytes} bytes` : `not a gzip archive (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The entries of a tar archive (ustar, pax, GNU), in order; throws TarError for an archive it cannot read safely. */
export function readTar(tar: Buffer, limits: TarLimits = {}): TarEntry[] {
  const maxBytes = limits.maxBytes ?? Infinity;
  const maxEntries = limits.maxEntries ?? Infinity;
  const out: TarEntry[] = [];
  let pos = 0;
  let total = 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax = new Map<string, string>();
  while (pos + BLOCK <= tar.length) {
    const header = tar.subarray(pos, pos + BLOCK);
    if (header.every((b) => b === 0)) break;
    if (!validChecksum(header)) throw new TarError(`corrupt tar header at byte ${pos}`);
    const size = sizeOf(header);
    if (size === undefined) throw new TarError(`unreadable entry size at byte ${pos}`);
    const typeFlag = String.fromCharCode(header[156] ?? 0);
    const dataStart = pos + BLOCK;
    if (dataStart + size > tar.length) throw new TarError(`truncated tar entry at byte ${pos}`);
    const data = tar.subarray(dataStart, dataStart + size);
    pos = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    // Headers that describe the next entry.
    if (typeFlag === 'L') {
      longName = cString(data);
      continue;
    }
    if (typeFlag === 'K') {
      longLink = cString(data);
      continue;
    }
    if (typeFlag === 'x') {
      pax = paxRecords(data);
      continue;
    }
    if (typeFlag === 'g') continue;
    if (out.length + 1 > maxEntries) throw new TarError(`more than ${maxEntries} entries`);
    const magic = header.subarray(257, 262).toString('latin1');
    const prefix = magic === 'ustar' ? cString(header.subarray(345, 500)) : '';
    const stored = cString(header.subarray(0, 100));
    const name = pax.get('path') ?? longName ?? (prefix !== '' ? `${prefix}/${stored}` : stored);
    const link = pax.get('linkpath') ?? longLink ?? cString(header.subarray(157, 257));
    longName = undefined;
    longLink = undefined;
    pax = new Map();
    const type = typeOf(typeFlag);
    if (type === 'file') {
      total += size;
      if (total > maxBytes) throw new TarError(`unpacks to more than ${maxBytes} bytes`);
    }
    out.push({
      name,
      path: safeArchivePath(name),
      type,
      typeFlag,
      mode: octal(header.subarray(100, 108)) ?? 0,
      bytes: type === 'file' ? Buffer.from(data) : Buffer.alloc(0),
      ...(type === 'symlink' || type === 'hardlink' ? { linkTarget: link } : {}),
    });
  }
  return out;
}

/** `readTar` of a gzipped archive (an uncompressed one is read as it is), the files capped at `limits.maxBytes` (default 1 GiB). */
export function readTarGz(archive: Uint8Array, limits: TarLimits = {}): TarEntry[] {
  const gzipped = archive[0] === 0x1f && archive[1] === 0x8b;
  const tar = gzipped ? gunzipArchive(archive, limits.maxBytes ?? 1024 * 1024 * 1024) : Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  return readTar(tar, limits);
}

function typeOf(flag: string): TarEntryType {
  switch (flag) {
    case '0':
    case '\0':
    case '7': // contiguous file: a regular file
      return 'file';
    case '5':
      return 'dir';
    case '2':
      return 'symlink';
    case '1':
      return 'hardlink';
    default:
      return 'other';
  }
}

function validChecksum(header: Buffer): boolean {
  const stored = octal(header.subarray(148, 156));
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (header[i] ?? 0);
  return sum === stored;
}

/** The size field: octal text, or base-256 (sizes over 8 GiB, read rather than misread); undefined when neither. */
function sizeOf(header: Buffer): number | undefined {
  const field = header.subarray(124, 136);
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let n = (field[0] ?? 0) & 0x7f;
    for (let i = 1; i < field.length; i++) n = n * 256 + (field[i] ?? 0);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  return octal(field);
}

function octal(field: Buffer): number | undefined {
  const text = cString(field).trim();
  if (!/^[0-7]*$/.test(text)) return undefined;
  return text === '' ? 0 : parseInt(text, 8);
}

function cString(b: Buffer): string {
  const nul = b.indexOf(0);
  return b.subarray(0, nul < 0 ? b.length : nul).toString('utf8');
}

/** A pax extended header's records (`<len> <key>=<value>\n`); a malformed one ends the list. */
function paxRecords(data: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    if (space < 0) break;
    const len = Number(data.subarray(pos, space).toString('latin1'));
    if (!Number.isInteger(len) || len <= 0 || pos + len > data.length) break;
    const record = data.subarray(space + 1, pos + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    pos += len;
  }
  return out;
}

export interface ExtractLimits {
  maxBytes: number;
  maxEntries: number;
}

/**
 * Unpacks a downloaded archive (a chart .tgz) into `dest` (created) without trusting it: regular files and
 * directories only (no symbolic or hard links, devices or fifos), every path relative and inside `dest`, total size
 * and number of entries capped, fixed modes; nothing is executed. The files written, or why the archive is refused
 * (then `dest` may hold part of it).
 */
export async function extractTarGz(archive: Buffer, dest: string, limits: ExtractLimits): Promise<{ files: string[] } | { reason: string }> {
  let entries: TarEntry[];
  try {
    entries = readTar(gunzipArchive(archive, limits.maxBytes), limits);
  } catch (e) {
    if (e instanceof TarError) return { reason: e.message };
    throw e;
  }
  const list: { path: string; dir: boolean; bytes: Buffer }[] = [];
  for (const e of entries) {
    const shown = JSON.stringify(e.name.length > 200 ? `${e.name.slice(0, 200)}…` : e.name);
    if (e.path === undefined) return { reason: `entry ${shown} leaves the chart (absolute path or '..')` };
    if (e.type === 'symlink' || e.type === 'hardlink') return { reason: `entry ${shown} is a ${e.type === 'hardlink' ? 'hard' : 'symbolic'} link: charts are unpacked without links` };
    if (e.type === 'other') return { reason: `entry ${shown} is not a regular file or directory (type '${e.typeFlag}')` };
    list.push({ path: e.path, dir: e.type === 'dir', bytes: e.bytes });
  }
  // A file and a directory of one name, or a file below a file: refused rather than half written.
  const files = new Set(list.filter((e) => !e.dir).map((e) => e.path));
  for (const e of list) {
    const parts = e.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      if (files.has(parts.slice(0, i).join('/'))) return { reason: `entry ${JSON.stringify(e.path)} lies below the file ${JSON.stringify(parts.slice(0, i).join('/'))}` };
    }
  }
  await mkdir(dest, { recursive: true });
  const written: string[] = [];
  for (const e of list) {
    const target = path.join(dest, ...e.path.split('/'));
    if (e.dir) {
      await mkdir(target, { recursive: true, mode: 0o755 });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true, mode: 0o755 });
    try {
      await writeFile(target, e.bytes, { mode: 0o644 });
    } catch (err) {
      return { reason: `${e.path}: cannot be written (${err instanceof Error ? err.message : String(err)})` };
    }
    written.push(e.path);
  }
  return { files: written };
}
