// Unpacking a downloaded chart archive (.tgz) without trusting it: regular files and directories only (no
// symbolic or hard links, devices or fifos), every path relative and inside the target (no `..`, no absolute
// path), total size and number of entries capped. Written with fixed modes; nothing is executed.
import { gunzipSync } from 'node:zlib';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ExtractLimits {
  maxBytes: number;
  maxEntries: number;
}

const BLOCK = 512;

/** Unpacks into `dest` (created); the files written, or why the archive is refused (then `dest` may hold part of it). */
export async function extractTarGz(archive: Buffer, dest: string, limits: ExtractLimits): Promise<{ files: string[] } | { reason: string }> {
  let tar: Buffer;
  try {
    tar = gunzipSync(archive, { maxOutputLength: limits.maxBytes + 64 * BLOCK });
  } catch (e) {
    const tooBig = e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    return { reason: tooBig ? `unpacks to more than ${limits.maxBytes} bytes` : `not a gzip archive (${e instanceof Error ? e.message : String(e)})` };
  }
  const entries = readTar(tar, limits);
  if ('reason' in entries) return entries;
  await mkdir(dest, { recursive: true });
  const files: string[] = [];
  for (const e of entries.list) {
    const target = path.join(dest, ...e.path.split('/'));
    if (e.type === 'dir') {
      await mkdir(target, { recursive: true, mode: 0o755 });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true, mode: 0o755 });
    try {
      await writeFile(target, e.data!, { mode: 0o644 });
    } catch (err) {
      return { reason: `${e.path}: cannot be written (${err instanceof Error ? err.message : String(err)})` };
    }
    files.push(e.path);
  }
  return { files };
}

interface Entry {
  path: string;
  type: 'file' | 'dir';
  data?: Buffer;
}

function field(b: Buffer, start: number, length: number): string {
  const raw = b.subarray(start, start + length);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul < 0 ? raw.length : nul).toString('utf8');
}

function sizeOf(b: Buffer): number | undefined {
  const raw = b.subarray(124, 136);
  if ((raw[0]! & 0x80) !== 0) return undefined; // base-256: only for sizes far beyond any cap
  const text = field(b, 124, 12).trim();
  if (!/^[0-7]*$/.test(text)) return undefined;
  return text === '' ? 0 : parseInt(text, 8);
}

/** A member's path made relative and checked: no absolute path, no `..`, no NUL or backslash. */
function safePath(name: string): string | undefined {
  if (name === '' || name.includes('\0') || name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name)) return undefined;
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.some((p) => p === '..')) return undefined;
  return parts.join('/');
}

function paxRecords(data: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(0x20, i);
    if (sp < 0) break;
    const len = Number(data.subarray(i, sp).toString('ascii'));
    if (!Number.isInteger(len) || len <= 0 || i + len > data.length) break;
    const record = data.subarray(sp + 1, i + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    i += len;
  }
  return out;
}

function readTar(tar: Buffer, limits: ExtractLimits): { list: Entry[] } | { reason: string } {
  const list: Entry[] = [];
  let offset = 0;
  let total = 0;
  let longName: string | undefined;
  let pax = new Map<string, string>();
  let count = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((x) => x === 0)) break;
    if (++count > limits.maxEntries) return { reason: `more than ${limits.maxEntries} entries` };
    const size = sizeOf(header);
    if (size === undefined) return { reason: `entry ${count}: unreadable size` };
    const type = String.fromCharCode(header[156]!);
    const dataStart = offset + BLOCK;
    const data = tar.subarray(dataStart, dataStart + size);
    if (data.length < size) return { reason: 'archive is truncated' };
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      pax = paxRecords(data);
      continue;
    }
    if (type === 'g') continue;
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    const prefix = field(header, 345, 155);
    const name = pax.get('path') ?? longName ?? (prefix !== '' ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longName = undefined;
    pax = new Map();
    const shownName = JSON.stringify(name.length > 200 ? `${name.slice(0, 200)}…` : name);
    const rel = safePath(name);
    if (rel === undefined) return { reason: `entry ${shownName} leaves the chart (absolute path or '..')` };
    if (type === '1' || type === '2' || type === 'K') return { reason: `entry ${shownName} is a ${type === '1' ? 'hard' : 'symbolic'} link: charts are unpacked without links` };
    if (type === '5') {
      list.push({ path: rel, type: 'dir' });
      continue;
    }
    if (type !== '0' && type !== '\0' && type !== '7') return { reason: `entry ${shownName} is not a regular file or directory (type '${type}')` };
    total += size;
    if (total > limits.maxBytes) return { reason: `unpacks to more than ${limits.maxBytes} bytes` };
    list.push({ path: rel, type: 'file', data: Buffer.from(data) });
  }
  // A file and a directory of one name, or a file below a file: refused rather than half written.
  const files = new Set(list.filter((e) => e.type === 'file').map((e) => e.path));
  for (const e of list) {
    const parts = e.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      if (files.has(parts.slice(0, i).join('/'))) return { reason: `entry ${JSON.stringify(e.path)} lies below the file ${JSON.stringify(parts.slice(0, i).join('/'))}` };
    }
  }
  return { list };
}
