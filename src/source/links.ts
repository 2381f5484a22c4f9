// Symbolic links in a git tree (mode 120000: the blob holds the target path), seen as GitOps tools see them:
// Argo CD, Flux, kubectl and kustomize follow a link whose target stays in the repository, to a file or a
// directory, through chains of links. What they would read through a link is listed here under the link's
// path, with the bytes of the regular file it ends at. Links that leave the repository, are absolute,
// dangle or loop are errors naming the link. Pure: paths and targets in, the visible tree out.
import type { InputError } from '../gatekeeper/types.ts';
import { dirOf, resolveInRepo } from '../render/paths.ts';
import type { ChangedFile } from './types.ts';

export const SYMLINK_MODE = '120000';

export interface LinkView {
  /** Every path a tool can read as a file → the regular file whose bytes it has (itself when regular). */
  files: Map<string, string>;
  /** One per link that cannot be followed inside the repository. */
  errors: InputError[];
}

/** Hops through links while resolving one path, as Linux's 40 (ELOOP). */
const MAX_HOPS = 40;
/** How many paths a tree may show through directory links before the view is refused. */
const MAX_VISIBLE = 200_000;

/**
 * The files `regular` and `links` (link path → target text) show. Links under a directory reached
 * through a link are followed again from their real place; a directory link that reaches one of its own
 * ancestors is a loop.
 */
export function linkView(regular: Iterable<string>, links: Map<string, string>, isInteresting: (file: string) => boolean = () => true): LinkView {
  const files = new Map<string, string>();
  for (const f of regular) files.set(f, f);
  if (links.size === 0) return { files, errors: [] };
  const errors: InputError[] = [];
  const regularFiles = [...files.keys()].sort();
  const regularSet = new Set(regularFiles);
  const linkPaths = [...links.keys()].sort();
  const dirs = new Set<string>(['']);
  for (const f of [...regularFiles, ...linkPaths]) for (let d = dirOf(f); d !== '' && !dirs.has(d); d = dirOf(d)) dirs.add(d);
  const error = (link: string, what: string): void => {
    errors.push({ kind: 'load', message: `${link}: symbolic link to '${links.get(link)}' ${what}`, source: { file: link, startLine: 1, endLine: 1 } });
  };

  /** `p` with every link among its leading components replaced by its target; an error text if that fails. */
  const realPath = (p: string): { path: string } | { error: string } => {
    let current = p;
    for (let hops = 0; hops <= MAX_HOPS; hops++) {
      const parts = current.split('/');
      let replaced = false;
      for (let i = 1; i <= parts.length; i++) {
        const prefix = parts.slice(0, i).join('/');
        const target = links.get(prefix);
        if (target === undefined) continue;
        const resolved = target === '' || target.includes('\\') ? undefined : resolveInRepo(dirOf(prefix), target);
        if (resolved === undefined) return { error: `leaves the repository (through ${prefix}): refused, GitOps tools refuse it too` };
        const rest = parts.slice(i).join('/');
        current = resolved === '' ? rest : rest === '' ? resolved : `${resolved}/${rest}`;
        replaced = true;
        break;
      }
      if (!replaced) return { path: current };
    }
    return { error: `is a loop: more than ${MAX_HOPS} links to follow` };
  };
  const under = (dir: string, list: string[]): string[] => (dir === '' ? list : list.filter((f) => f.startsWith(dir + '/')));

  let budgetExceeded = false;
  /** Shows the tree at the real directory `real` under the visible directory `visible`. */
  const showDir = (visible: string, real: string, chain: string[], link: string): void => {
    const join = (rel: string): string => (visible === '' ? rel : `${visible}/${rel}`);
    const rel = (f: string): string => (real === '' ? f : f.slice(real.length + 1));
    for (const f of under(real, regularFiles)) {
      if (files.size >= MAX_VISIBLE) {
        budgetExceeded = true;
        return;
      }
      files.set(join(rel(f)), f);
    }
    for (const l of under(real, linkPaths)) showLink(join(rel(l)), l, chain, link);
  };
  /** The link at real path `l`, seen at `visible`. */
  const showLink = (visible: string, l: string, chain: string[], outer: string): void => {
    const reported = visible === l ? l : outer;
    const r = realPath(l);
    if ('error' in r) {
      if (visible === l) error(l, r.error);
      return;
    }
    if (regularSet.has(r.path)) {
      files.set(visible, r.path);
      return;
    }
    if (dirs.has(r.path)) {
      // A link to a directory that holds it (or that the walk came through) would be walked for ever.
      if (chain.some((c) => c === r.path) || l === r.path || l.startsWith(r.path === '' ? '' : r.path + '/')) {
        if (visible === l) error(l, 'is a loop: it points at a directory that holds it');
        return;
      }
      if (chain.length > 16) {
        error(reported, 'nests links to directories too deeply');
        return;
      }
      showDir(visible, r.path, [...chain, r.path], reported);
      return;
    }
    if (visible === l && isInteresting(l)) error(l, `points at '${r.path}', which does not exist`);
  };
  for (const l of linkPaths) showLink(l, l, [], l);
  if (budgetExceeded) {
    errors.push({ kind: 'load', message: `symbolic links to directories show more than ${MAX_VISIBLE} files: refused`, source: { file: linkPaths[0]!, startLine: 1, endLine: 1 } });
  }
  return { files, errors };
}

/**
 * Changes git does not list but tools see: a file shown through a link changes when the file it ends at
 * changes, or when a link on its way is retargeted, added or removed. `blobOf` names the content of a real
 * file at each ref (a blob sha). Paths already in `changes` are left as they are.
 */
export function changesThroughLinks(
  changes: ChangedFile[],
  base: { view: LinkView; blobOf: (real: string) => string | undefined },
  head: { view: LinkView; blobOf: (real: string) => string | undefined },
): ChangedFile[] {
  const listed = new Set(changes.flatMap((c) => (c.previousPath !== undefined ? [c.path, c.previousPath] : [c.path])));
  const out = [...changes];
  const seen = new Set<string>();
  for (const [visible, real] of [...base.view.files, ...head.view.files]) {
    if (visible === real || listed.has(visible) || seen.has(visible)) continue;
    seen.add(visible);
    const b = base.view.files.get(visible);
    const h = head.view.files.get(visible);
    // Same bytes at both refs: nothing a tool could tell apart.
    if (b !== undefined && h !== undefined && base.blobOf(b) === head.blobOf(h)) continue;
    out.push({ path: visible, status: b === undefined ? 'added' : h === undefined ? 'deleted' : 'modified' });
  }
  return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}
