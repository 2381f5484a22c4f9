// Charts from remote helm repositories, fetched by the trusted preadmit process (never by helm, never in the
// renderer's jail) and only from repositories the operator allows: index.yaml read, the version picked as
// helm picks it, the archive downloaded within size and time limits, its digest checked, cached on disk by
// digest, and unpacked here (tar.ts: no links, no paths leaving the chart) so that helm only sees local files.
// OCI registries (`oci://host/path`, helm's chart artifacts) go the same way over the distribution API: tags listed
// when the version is a range, the manifest read, the chart layer (the same .tgz, the same digest) downloaded.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { atomicWrite } from '../../util/files.ts';
import { extractTarGz } from '../../util/tar.ts';
import { looseSemver, parseConstraint, pickVersion } from './version.ts';

/** Repository URLs (or URL prefixes at a path boundary) charts may be fetched from; normalized. */
export interface ChartAllowList {
  entries: string[];
}

interface ChartLimits {
  /** index.yaml and archive, each. Default 20 MiB. */
  maxBytes: number;
  /** Each request, redirects and body included. Default 30 s. */
  timeoutMs: number;
  /** Unpacked archive: total bytes and entries. Defaults 100 MiB, 10 000. */
  maxUnpackedBytes: number;
  maxEntries: number;
}

const DEFAULT_CHART_LIMITS: ChartLimits = {
  maxBytes: 20 * 1024 * 1024,
  timeoutMs: 30_000,
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
};

export interface RemoteChartRequest {
  repoUrl: string;
  chart: string;
  /** An exact version, or a semver constraint resolved against the index as helm resolves it. */
  version: string;
  /** sha256 of the archive (hex, `sha256:` prefix allowed) the caller pins; checked against the index and the download. */
  digest?: string;
  /** Where the reference is written (for the caller's messages). */
  declaredAt: { file: string; startLine: number; endLine?: number };
}

export interface RemoteChartContext {
  allow: ChartAllowList;
  cacheDir: string;
  signal?: AbortSignal;
  limits?: Partial<ChartLimits>;
}

export type RemoteChartResult = { ok: true; dir: string; digest: string; version: string } | { ok: false; reason: string };

/** The operator's list: `PREADMIT_CHART_REPOSITORIES`, comma or space separated. */
export const CHART_REPOSITORIES_ENV = 'PREADMIT_CHART_REPOSITORIES';

/** URL without credentials, query or fragment, scheme and host lower-cased, no trailing slash; undefined if not http(s) or oci. */
function normalizeRepoUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (!['https:', 'http:', 'oci:'].includes(u.protocol) || u.username !== '' || u.password !== '' || u.hostname === '') return undefined;
  return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}`;
}

/**
 * The allowed repositories: the operator's list (env), narrowed by the repository's `chartRepositories` (read at
 * the base ref) when it has one. An entry of the repository's list that the operator's list does not cover is
 * not allowed (a pull request or repository cannot widen the list): it is returned in `ignored`.
 */
export function chartAllowList(operator: string | undefined = process.env[CHART_REPOSITORIES_ENV], narrowTo?: string[]): { allow: ChartAllowList; ignored: string[] } {
  const operatorEntries = (operator ?? '').split(/[\s,]+/).filter((e) => e !== '').map(normalizeRepoUrl).filter((e): e is string => e !== undefined);
  if (narrowTo === undefined) return { allow: { entries: [...new Set(operatorEntries)] }, ignored: [] };
  const entries: string[] = [];
  const ignored: string[] = [];
  for (const raw of narrowTo) {
    const n = normalizeRepoUrl(raw);
    if (n !== undefined && covered(n, operatorEntries)) entries.push(n);
    else ignored.push(raw);
  }
  return { allow: { entries: [...new Set(entries)] }, ignored };
}

function covered(url: string, entries: string[]): boolean {
  return entries.some((e) => url === e || url.startsWith(`${e}/`));
}

/** Whether charts may be fetched from this repository URL. */
function repositoryAllowed(url: string, allow: ChartAllowList): boolean {
  const n = normalizeRepoUrl(url);
  return n !== undefined && covered(n, allow.entries);
}

/**
 * Archives and redirects may go to the host (scheme and port included) of an allowed repository; an allowed OCI
 * registry is reached over https (plain http on a loopback host, as docker and helm treat localhost registries).
 */
function hostAllowed(url: URL, allow: ChartAllowList): boolean {
  const origin = `${url.protocol}//${url.host.toLowerCase()}`;
  return url.username === '' && url.password === '' && allow.entries.map(httpOrigin).some((e) => e === origin || e.startsWith(`${origin}/`));
}

function httpOrigin(entry: string): string {
  if (!entry.startsWith('oci://')) return entry;
  const u = new URL(entry);
  return `${isLoopback(u.hostname) ? 'http:' : 'https:'}//${u.host}${u.pathname}`;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** Why a repository reference is not fetched, or undefined when it may be. */
export function refusalOf(repoUrl: string, allow: ChartAllowList): string | undefined {
  const r = repoUrl.trim();
  if (!/^(https?|oci):\/\//i.test(r)) return `repository '${r}' is not an http(s) chart repository or oci:// registry URL`;
  if (normalizeRepoUrl(r) === undefined) return `repository '${r}' is not a valid URL without credentials`;
  if (!repositoryAllowed(r, allow)) {
    const list = allow.entries.length === 0 ? 'none are allowed' : `allowed: ${allow.entries.join(', ')}`;
    return `chart repository ${normalizeRepoUrl(r)} is not allowed (${list}; the operator sets ${CHART_REPOSITORIES_ENV}, preadmit.yml chartRepositories may only narrow it)`;
  }
  return undefined;
}

const inFlight = new Map<string, { result: Promise<RemoteChartResult>; signal: AbortSignal | undefined }>();

/**
 * A remote chart as a local directory (in the cache, unpacked and checked): fetched only from an allowed
 * repository; the same request in flight or done before is served once. Never throws. A fetch that another check's
 * cancellation stopped is not served: it is made again for a caller that was not cancelled.
 */
export function resolveRemoteChart(req: RemoteChartRequest, ctx: RemoteChartContext): Promise<RemoteChartResult> {
  const key = JSON.stringify([req.repoUrl, req.chart, req.version, req.digest ?? '', ctx.cacheDir, ctx.allow.entries]);
  let entry = inFlight.get(key);
  if (entry === undefined || entry.signal?.aborted) {
    const result = resolve(req, ctx).catch((e: unknown) => ({ ok: false as const, reason: `chart ${req.chart} ${req.version}: ${e instanceof Error ? e.message : String(e)}` }));
    const mine = { result, signal: ctx.signal };
    inFlight.set(key, mine);
    void result.finally(() => {
      if (inFlight.get(key) === mine) inFlight.delete(key);
    });
    entry = mine;
  }
  const owner = entry.signal;
  return entry.result.then((r) => (!r.ok && owner?.aborted && !ctx.signal?.aborted ? resolveRemoteChart(req, ctx) : r));
}

function what(req: RemoteChartRequest): string {
  return `chart ${req.chart} ${req.version} from ${req.repoUrl}`;
}

async function resolve(req: RemoteChartRequest, ctx: RemoteChartContext): Promise<RemoteChartResult> {
  const limits = { ...DEFAULT_CHART_LIMITS, ...ctx.limits };
  const refused = refusalOf(req.repoUrl, ctx.allow);
  if (refused !== undefined) return { ok: false, reason: refused };
  const pinned = req.digest === undefined ? undefined : req.digest.replace(/^sha256:/i, '').toLowerCase();
  if (pinned !== undefined && !/^[0-9a-f]{64}$/.test(pinned)) return { ok: false, reason: `${what(req)}: digest '${req.digest}' is not a sha256 digest` };
  const root = path.join(ctx.cacheDir, 'charts');
  const repo = normalizeRepoUrl(req.repoUrl)!;

  // Already unpacked: by the pinned digest, or by what this exact version resolved to before.
  if (pinned !== undefined) {
    const hit = await unpacked(root, pinned, req.chart);
    if (hit) return { ok: true, dir: hit, digest: pinned, version: req.version };
  }
  const resolutionFile = path.join(root, 'resolved', `${sha256(JSON.stringify([repo, req.chart, req.version]))}.json`);
  const known = await readResolution(resolutionFile);
  if (known !== undefined && (pinned === undefined || pinned === known.digest)) {
    const hit = await unpacked(root, known.digest, req.chart);
    if (hit) return { ok: true, dir: hit, digest: known.digest, version: known.version };
  }

  if (repo.startsWith('oci://')) return await resolveOci(req, ctx, limits, { root, pinned, resolutionFile });
  const indexUrl = new URL(`${repo}/index.yaml`);
  const index = await httpGet(indexUrl, ctx, limits);
  if (!index.ok) return { ok: false, reason: `${what(req)}: index.yaml: ${index.reason}` };
  const entries = chartEntries(index.body, req.chart);
  if ('reason' in entries) return { ok: false, reason: `${what(req)}: index.yaml: ${entries.reason}` };
  const picked = pickVersion(req.version, entries.list.map((e) => e.version));
  if ('reason' in picked) return { ok: false, reason: `${what(req)}: ${picked.reason}` };
  const entry = entries.list.find((e) => e.version === picked.version)!;
  const indexDigest = entry.digest?.replace(/^sha256:/i, '').toLowerCase();
  if (pinned !== undefined && indexDigest !== undefined && indexDigest !== pinned) {
    return { ok: false, reason: `${what(req)}: the index lists digest ${indexDigest} for ${picked.version}, not the pinned ${pinned}: refused` };
  }
  const expected = pinned ?? indexDigest;
  if (expected !== undefined) {
    const hit = await unpacked(root, expected, req.chart);
    if (hit) {
      await saveResolution(resolutionFile, { digest: expected, version: picked.version });
      return { ok: true, dir: hit, digest: expected, version: picked.version };
    }
  }
  if (entry.urls.length === 0) return { ok: false, reason: `${what(req)}: the index lists no URL for ${picked.version}` };
  let archiveUrl: URL;
  try {
    // helm resolves a relative URL against the repository URL.
    archiveUrl = new URL(entry.urls[0]!, `${repo}/`);
  } catch {
    return { ok: false, reason: `${what(req)}: archive URL '${entry.urls[0]}' is not a URL` };
  }
  if (!hostAllowed(archiveUrl, ctx.allow)) {
    return { ok: false, reason: `${what(req)}: archive URL ${archiveUrl.protocol}//${archiveUrl.host}${archiveUrl.pathname} is not on an allowed repository's host: refused` };
  }
  const archive = await httpGet(archiveUrl, ctx, limits);
  if (!archive.ok) return { ok: false, reason: `${what(req)}: archive: ${archive.reason}` };
  return await unpackArchive(req, archive.body, { root, pinned, expected, resolutionFile, version: picked.version, limits });
}

/** The verified archive unpacked into the cache (by digest), its resolution remembered. */
async function unpackArchive(
  req: RemoteChartRequest,
  body: Buffer,
  o: { root: string; pinned: string | undefined; expected: string | undefined; resolutionFile: string; version: string; limits: ChartLimits },
): Promise<RemoteChartResult> {
  const { root, pinned, expected, resolutionFile, limits } = o;
  const picked = { version: o.version };
  const archive = { body };
  const digest = sha256(archive.body);
  if (expected !== undefined && digest !== expected) {
    return { ok: false, reason: `${what(req)}: archive digest ${digest} does not match ${pinned !== undefined ? 'the pinned' : 'the index\'s'} ${expected}: refused` };
  }
  const dir = path.join(root, 'sha256', digest);
  const tmp = `${dir}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const files = await extractTarGz(archive.body, tmp, { maxBytes: limits.maxUnpackedBytes, maxEntries: limits.maxEntries });
    if ('reason' in files) return { ok: false, reason: `${what(req)}: archive refused: ${files.reason}` };
    const chartYaml = path.join(tmp, req.chart, 'Chart.yaml');
    if (!existsSync(chartYaml)) return { ok: false, reason: `${what(req)}: archive holds no ${req.chart}/Chart.yaml: refused` };
    // Another request (another app naming the same archive by another version constraint, another process) may
    // have unpacked the same digest meanwhile: same verified bytes, so its copy is kept and never removed under a reader.
    if ((await unpacked(root, digest, req.chart)) === undefined) {
      try {
        await rename(tmp, dir);
      } catch (e) {
        if ((await unpacked(root, digest, req.chart)) === undefined) {
          // A leftover of an interrupted unpack (no Chart.yaml): replaced.
          await rm(dir, { recursive: true, force: true });
          await rename(tmp, dir).catch((again: unknown) => {
            throw again instanceof Error ? again : e;
          });
        }
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  await saveResolution(resolutionFile, { digest, version: picked.version });
  return { ok: true, dir: path.join(dir, req.chart), digest, version: picked.version };
}

async function unpacked(root: string, digest: string, chart: string): Promise<string | undefined> {
  const dir = path.join(root, 'sha256', digest, chart);
  return existsSync(path.join(dir, 'Chart.yaml')) ? dir : undefined;
}

async function readResolution(file: string): Promise<{ digest: string; version: string } | undefined> {
  try {
    const r = JSON.parse(await readFile(file, 'utf8')) as { digest?: unknown; version?: unknown };
    return typeof r.digest === 'string' && /^[0-9a-f]{64}$/.test(r.digest) && typeof r.version === 'string' ? { digest: r.digest, version: r.version } : undefined;
  } catch {
    return undefined;
  }
}

async function saveResolution(file: string, r: { digest: string; version: string }): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await atomicWrite(file, JSON.stringify(r));
  } catch {
    // A cache that cannot be written is only slower.
  }
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

interface IndexEntry {
  version: string;
  urls: string[];
  digest?: string;
}

/** The index's entries for one chart. */
function chartEntries(body: Buffer, chart: string): { list: IndexEntry[] } | { reason: string } {
  const doc = parseDocument(body.toString('utf8'), { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) return { reason: `not valid YAML (${doc.errors[0]!.message.split('\n')[0]})` };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { reason: `not readable (${e instanceof Error ? e.message : String(e)})` };
  }
  const entries = (value as { entries?: unknown } | null)?.entries;
  if (typeof entries !== 'object' || entries === null) return { reason: 'no entries' };
  const list = (entries as Record<string, unknown>)[chart];
  if (!Array.isArray(list)) return { reason: `no chart named ${chart}` };
  const out: IndexEntry[] = [];
  for (const e of list) {
    if (typeof e !== 'object' || e === null) continue;
    const { version, urls, digest } = e as Record<string, unknown>;
    if (typeof version !== 'string') continue;
    out.push({
      version,
      urls: Array.isArray(urls) ? urls.filter((u): u is string => typeof u === 'string') : [],
      ...(typeof digest === 'string' && digest !== '' ? { digest } : {}),
    });
  }
  return { list: out };
}

const MAX_REDIRECTS = 5;

/**
 * GET within the limits: no credentials or cookies sent, no proxy, redirects followed only to the host of an
 * allowed repository (never from https to http), the body capped, the whole exchange timed.
 */
type GetResult = { ok: true; body: Buffer; headers: http.IncomingHttpHeaders } | { ok: false; reason: string; status?: number; headers?: http.IncomingHttpHeaders };

async function httpGet(start: URL, ctx: RemoteChartContext, limits: ChartLimits, headers: Record<string, string> = {}): Promise<GetResult> {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  let url = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    // Credentials (a registry token) go to the host they were issued for only.
    const sent = url.host === start.host ? headers : Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
    const r = await once(url, signal, limits.maxBytes, sent).catch((e: unknown) => ({
      error: timeout.aborted ? `no complete answer within ${limits.timeoutMs} ms` : signal.aborted ? 'cancelled' : e instanceof Error ? e.message : String(e),
    }));
    if ('error' in r) return { ok: false, reason: `${shown(url)}: ${r.error}` };
    if (r.status >= 300 && r.status < 400 && r.location !== undefined) {
      let next: URL;
      try {
        next = new URL(r.location, url);
      } catch {
        return { ok: false, reason: `${shown(url)}: redirect to an invalid URL` };
      }
      if ((next.protocol !== 'https:' && next.protocol !== 'http:') || (url.protocol === 'https:' && next.protocol === 'http:') || !hostAllowed(next, ctx.allow)) {
        return { ok: false, reason: `${shown(url)}: redirect to ${shown(next)} refused (not an allowed repository host)` };
      }
      url = next;
      continue;
    }
    if (r.status !== 200) return { ok: false, reason: `${shown(url)}: HTTP ${r.status}`, status: r.status, headers: r.headers };
    return { ok: true, body: r.body, headers: r.headers };
  }
  return { ok: false, reason: `${shown(start)}: more than ${MAX_REDIRECTS} redirects` };
}

function shown(u: URL): string {
  return `${u.protocol}//${u.host}${u.pathname}`;
}

function once(url: URL, signal: AbortSignal, maxBytes: number, headers: Record<string, string>): Promise<{ status: number; location?: string; body: Buffer; headers: http.IncomingHttpHeaders } | { error: string }> {
  return new Promise((resolve, reject) => {
    const get = url.protocol === 'https:' ? https.get : http.get;
    const req = get(url, { signal, headers: { 'user-agent': 'preadmit', accept: '*/*', ...headers }, agent: false }, (res) => {
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status !== 200) {
        res.resume();
        resolve({ status, ...(location !== undefined ? { location } : {}), body: Buffer.alloc(0), headers: res.headers });
        return;
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > maxBytes) {
        req.destroy();
        resolve({ error: `larger than ${maxBytes} bytes (${declared}): refused` });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (b: Buffer) => {
        size += b.length;
        if (size > maxBytes) {
          req.destroy();
          resolve({ error: `larger than ${maxBytes} bytes: refused` });
          return;
        }
        chunks.push(b);
      });
      res.on('end', () => resolve({ status, body: Buffer.concat(chunks), headers: res.headers }));
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('connection closed before the answer was complete')));
    });
    req.on('error', reject);
  });
}

// ---------------------------------------------------------------------------------------------
// OCI registries (helm's chart artifacts over the OCI distribution API)

const HELM_CONFIG_MEDIA_TYPE = 'application/vnd.cncf.helm.config.v1+json';
const HELM_CHART_LAYER_MEDIA_TYPES = ['application/vnd.cncf.helm.chart.content.v1.tar+gzip', 'application/tar+gzip'];
const OCI_MANIFEST_ACCEPT = 'application/vnd.oci.image.manifest.v1+json';
/** The distribution spec's repository name grammar. */
const OCI_NAME = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const MAX_TAG_PAGES = 20;

/**
 * A chart from `oci://host/path` as helm pulls `oci://host/path/<chart>:<version>`: an exact version is the tag
 * (`+` spelled `_`); a range is resolved against the repository's tags as helm does. The manifest must be a helm
 * chart artifact; its chart layer is the archive, downloaded by digest and checked like an HTTP repository's.
 * Anonymous token auth (a `401` with `WWW-Authenticate: Bearer`) is followed on the registry's own or an allowed host.
 */
async function resolveOci(req: RemoteChartRequest, ctx: RemoteChartContext, limits: ChartLimits, o: { root: string; pinned: string | undefined; resolutionFile: string }): Promise<RemoteChartResult> {
  const ref = new URL(req.repoUrl.trim());
  const name = [ref.pathname.replace(/^\/+|\/+$/g, ''), req.chart].filter((p) => p !== '').join('/');
  if (!OCI_NAME.test(name)) return { ok: false, reason: `${what(req)}: '${name}' is not an OCI repository name: refused` };
  const base = `${isLoopback(ref.hostname) ? 'http:' : 'https:'}//${ref.host}/v2/${name}`;
  const tokens = new Map<string, string>();
  const get = async (url: URL, accept?: string): Promise<GetResult> => {
    const headers: Record<string, string> = accept ? { accept } : {};
    const token = tokens.get(url.host);
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    let r = await httpGet(url, ctx, limits, headers);
    if (!r.ok && r.status === 401 && token === undefined) {
      const got = await bearerToken(String(r.headers?.['www-authenticate'] ?? ''), ctx, limits);
      if (typeof got !== 'string') return { ok: false, reason: `${r.reason}; ${got.reason}` };
      tokens.set(url.host, got);
      r = await httpGet(url, ctx, limits, { ...headers, authorization: `Bearer ${got}` });
    }
    return r;
  };

  let tag: string;
  let version: string;
  if (looseSemver(req.version) !== undefined || (parseConstraint(req.version.trim()) === undefined && /^[\w][\w.-]{0,127}$/.test(req.version.trim()))) {
    // A version (helm), or a plain tag such as Flux's default `latest`.
    version = req.version.trim();
    tag = version.replace(/\+/g, '_');
  } else {
    const tags: string[] = [];
    let next: URL | undefined = new URL(`${base}/tags/list`);
    for (let page = 0; next !== undefined && page < MAX_TAG_PAGES; page++) {
      const r = await get(next);
      if (!r.ok) return { ok: false, reason: `${what(req)}: tags: ${r.reason}` };
      const list = jsonOf(r.body) as { tags?: unknown } | undefined;
      if (list === undefined || (list.tags !== null && list.tags !== undefined && !Array.isArray(list.tags))) return { ok: false, reason: `${what(req)}: tags: not a tag list` };
      for (const t of (list.tags ?? []) as unknown[]) if (typeof t === 'string') tags.push(t.replace(/_/g, '+'));
      const link = /<([^>]+)>\s*;\s*rel="?next"?/.exec(String(r.headers['link'] ?? ''));
      next = link ? new URL(link[1]!, next) : undefined;
      if (next !== undefined && !hostAllowed(next, ctx.allow)) return { ok: false, reason: `${what(req)}: tags: next page on another host: refused` };
    }
    if (tags.length === 0) return { ok: false, reason: `${what(req)}: no tags in ${name}` };
    const picked = pickVersion(req.version, tags);
    if ('reason' in picked) return { ok: false, reason: `${what(req)}: ${picked.reason}` };
    version = picked.version;
    tag = version.replace(/\+/g, '_');
  }
  if (!/^[\w][\w.-]{0,127}$/.test(tag)) return { ok: false, reason: `${what(req)}: '${tag}' is not an OCI tag: refused` };

  const manifest = await get(new URL(`${base}/manifests/${tag}`), OCI_MANIFEST_ACCEPT);
  if (!manifest.ok) return { ok: false, reason: `${what(req)}: manifest: ${manifest.reason}` };
  const m = jsonOf(manifest.body) as { config?: { mediaType?: unknown }; layers?: unknown } | undefined;
  if (m === undefined || m.config?.mediaType !== HELM_CONFIG_MEDIA_TYPE || !Array.isArray(m.layers)) {
    return { ok: false, reason: `${what(req)}: ${name}:${tag} is not a helm chart artifact (config media type ${HELM_CONFIG_MEDIA_TYPE}): refused` };
  }
  const layers = (m.layers as { mediaType?: unknown; digest?: unknown }[]).filter((l) => HELM_CHART_LAYER_MEDIA_TYPES.includes(String(l?.mediaType)));
  const layerDigest = layers.length === 1 && typeof layers[0]!.digest === 'string' ? /^sha256:([0-9a-f]{64})$/.exec(layers[0]!.digest) : null;
  if (!layerDigest) return { ok: false, reason: `${what(req)}: ${name}:${tag} has no single sha256 chart layer: refused` };
  const digest = layerDigest[1]!;
  if (o.pinned !== undefined && o.pinned !== digest) {
    return { ok: false, reason: `${what(req)}: the registry's ${name}:${tag} chart layer is ${digest}, not the pinned ${o.pinned}: refused` };
  }
  const hit = await unpacked(o.root, digest, req.chart);
  if (hit) {
    await saveResolution(o.resolutionFile, { digest, version });
    return { ok: true, dir: hit, digest, version };
  }
  const blob = await get(new URL(`${base}/blobs/sha256:${digest}`));
  if (!blob.ok) return { ok: false, reason: `${what(req)}: chart layer: ${blob.reason}` };
  return await unpackArchive(req, blob.body, { root: o.root, pinned: o.pinned, expected: digest, resolutionFile: o.resolutionFile, version, limits });
}

/** An anonymous bearer token from the realm a registry's challenge names (on the registry's or an allowed host). */
async function bearerToken(challenge: string, ctx: RemoteChartContext, limits: ChartLimits): Promise<string | { reason: string }> {
  if (!/^bearer\s/i.test(challenge)) return { reason: 'the registry asks for credentials preadmit does not have' };
  const params = new Map<string, string>();
  for (const m of challenge.slice(7).matchAll(/(\w+)="([^"]*)"/g)) params.set(m[1]!.toLowerCase(), m[2]!);
  let realm: URL;
  try {
    realm = new URL(params.get('realm') ?? '');
  } catch {
    return { reason: 'the registry names no valid token realm' };
  }
  if (!hostAllowed(realm, ctx.allow) || (realm.protocol !== 'https:' && !(realm.protocol === 'http:' && isLoopback(realm.hostname)))) {
    return { reason: `token realm ${shown(realm)} is not on an allowed repository host: refused` };
  }
  for (const k of ['service', 'scope']) if (params.has(k)) realm.searchParams.set(k, params.get(k)!);
  const r = await httpGet(realm, ctx, limits);
  if (!r.ok) return { reason: `token: ${r.reason}` };
  const body = jsonOf(r.body) as { token?: unknown; access_token?: unknown } | undefined;
  const token = typeof body?.token === 'string' ? body.token : typeof body?.access_token === 'string' ? body.access_token : undefined;
  if (token === undefined || !/^[\x21-\x7e]+$/.test(token)) return { reason: 'token: no token in the answer' };
  return token;
}

function jsonOf(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
