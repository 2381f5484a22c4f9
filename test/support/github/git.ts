// The git side of the fake GitHub (model.ts): what GitHub serves from a repository (commits, trees, blobs,
// archives, a pull request's files) read from a real git directory, asynchronously and cached by immutable sha.
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseLsTree } from '../git-repo.ts';
import { GitHubRefusal } from './rules.ts';

type GitEntry = ReturnType<typeof parseLsTree>[number];

const SHA = /^[0-9a-f]{40}$/;

/** git reads of any number of git directories, cached by immutable sha. */
export class GitReader {
  readonly #cache = new Map<string, Promise<unknown>>();

  #memo<T>(key: string, f: () => Promise<T>): Promise<T> {
    let p = this.#cache.get(key) as Promise<T> | undefined;
    if (p === undefined) {
      p = f();
      this.#cache.set(key, p);
      p.catch(() => this.#cache.delete(key));
    }
    return p;
  }

  /**
   * The commit `ref` names now. A branch or tag is looked up in the ref files (live, so a moved branch is
   * seen at once) and the object it names is peeled once per sha; anything else asks git. Spawning git
   * for every request made the fake, not the app, the bottleneck of `bench:app` on a small machine.
   * Unknown: a 422 "No commit found", as GitHub answers.
   */
  async resolve(gitDir: string, ref: string): Promise<string> {
    if (ref === '' || ref.startsWith('-')) throw new GitHubRefusal(422, `No commit found for SHA: ${ref}`);
    const named = SHA.test(ref) ? ref : await readRef(gitDir, ref);
    const key = `commit:${gitDir}:${named ?? ref}`;
    const sha = await this.#memo(key, async () => {
      const out = await runGit(gitDir, ['rev-parse', '--verify', '--quiet', `${named ?? ref}^{commit}`]).catch(() => undefined);
      const peeled = out?.toString('utf8').trim();
      if (!peeled || !SHA.test(peeled)) throw new GitHubRefusal(422, `No commit found for SHA: ${ref}`);
      return peeled;
    });
    // Only shas are immutable: a symbolic or relative name (HEAD, main~1) is asked again next time.
    if (named === undefined && !SHA.test(ref)) this.#cache.delete(key);
    return sha;
  }

  treeOf(gitDir: string, sha: string): Promise<string> {
    return this.#memo(`treeof:${gitDir}:${sha}`, async () => (await runGit(gitDir, ['rev-parse', `${sha}^{tree}`])).toString('utf8').trim());
  }

  message(gitDir: string, sha: string): Promise<string> {
    return this.#memo(`msg:${gitDir}:${sha}`, async () => (await runGit(gitDir, ['log', '-1', '--format=%B', sha])).toString('utf8').trim());
  }

  mergeBase(gitDir: string, a: string, b: string): Promise<string> {
    return this.#memo(`mb:${gitDir}:${a}:${b}`, async () => (await runGit(gitDir, ['merge-base', a, b])).toString('utf8').trim());
  }

  /** A tree (by tree or commit sha, or a ref) as `GET /git/trees/{sha}` lists it. */
  tree(gitDir: string, ish: string, recursive: boolean, apiBase: string): Promise<Record<string, unknown>> {
    return this.#memo(`tree:${gitDir}:${ish}:${recursive}:${apiBase}`, async () => {
      if (!SHA.test(ish)) ish = await this.resolve(gitDir, ish);
      const sha = (
        await runGit(gitDir, ['rev-parse', `${ish}^{tree}`]).catch(() => {
          throw new GitHubRefusal(404, 'Not Found');
        })
      )
        .toString('utf8')
        .trim();
      const entries = await this.#lsTree(gitDir, sha, recursive ? ['-r', '-t'] : []);
      return {
        sha,
        url: `${apiBase}/git/trees/${sha}`,
        tree: entries.map((e) => ({ path: e.path, mode: e.mode, type: e.type, sha: e.sha, ...(e.type === 'blob' ? { size: e.size, url: `${apiBase}/git/blobs/${e.sha}` } : { url: `${apiBase}/git/trees/${e.sha}` }) })),
        truncated: false,
      };
    });
  }

  async #lsTree(gitDir: string, treeish: string, flags: string[], pathspec?: string): Promise<GitEntry[]> {
    return parseLsTree((await runGit(gitDir, ['ls-tree', '-z', '-l', ...flags, treeish, ...(pathspec !== undefined ? ['--', pathspec] : [])])).toString('utf8'));
  }

  /** The entry at `file` in `commit`, if any. */
  async entry(gitDir: string, commit: string, file: string): Promise<GitEntry | undefined> {
    if (file === '' || file.split('/').some((s) => s === '..' || s === '')) return undefined;
    const list = () => this.#lsTree(gitDir, commit, [], file);
    const entries = SHA.test(commit) ? await this.#memo(`entry:${gitDir}:${commit}:${file}`, list) : await list();
    return entries.find((e) => e.path === file);
  }

  listDir(gitDir: string, commit: string, dir: string): Promise<GitEntry[]> {
    return this.#lsTree(gitDir, `${commit}:${dir}`, []).then((es) => es.map((e) => ({ ...e, path: `${dir}/${e.path}` })));
  }

  blob(gitDir: string, sha: string): Promise<Buffer> {
    return this.#memo(`blob:${gitDir}:${sha}`, () =>
      runGit(gitDir, ['cat-file', 'blob', sha]).catch(() => {
        throw new GitHubRefusal(404, 'Not Found');
      }),
    );
  }

  /** The archive `GET /tarball/{ref}` leads to: one top directory `<owner>-<repo>-<short sha>/`. */
  tarball(gitDir: string, prefix: string, sha: string): Promise<Buffer> {
    return this.#memo(`tar:${gitDir}:${prefix}:${sha}`, () => runGit(gitDir, ['archive', '--format=tar.gz', `--prefix=${prefix}/`, sha]));
  }

  /** Refs under `prefix` (`refs/heads/...`) with the commits they name. */
  async refs(gitDir: string, prefix: string): Promise<[string, string][]> {
    const out = (await runGit(gitDir, ['for-each-ref', '--format=%(refname) %(objectname)', prefix]).catch(() => Buffer.from(''))).toString('utf8');
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ') as [string, string])
      .filter(([ref]) => ref.startsWith(prefix));
  }

  /** A pull request's files: `git diff-tree` of the head against the merge base (GitHub's three-dot diff). */
  diffFiles(gitDir: string, base: string, head: string): Promise<string> {
    return this.#memo(`files:${gitDir}:${base}:${head}`, async () => {
      const mergeBase = await this.mergeBase(gitDir, base, head);
      return (await runGit(gitDir, ['diff-tree', '-r', '-z', '-M', '--raw', '--no-commit-id', mergeBase, head])).toString('utf8');
    });
  }
}

/**
 * The object a branch or tag name points at, read from the repository's ref files as git would find it
 * (`<name>`, `refs/<name>`, `refs/tags/<name>`, `refs/heads/<name>`, `refs/remotes/<name>`, loose before
 * packed); undefined when the name is not a plain ref or the git directory is not a plain one (git decides).
 */
async function readRef(dir: string, name: string): Promise<string | undefined> {
  if (!/^[A-Za-z0-9._/-]+$/.test(name) || name.includes('..') || name.startsWith('/') || name.endsWith('/') || name.endsWith('.lock') || name === 'HEAD') return undefined;
  let gitDir = dir;
  try {
    if ((await stat(path.join(dir, '.git'))).isDirectory()) gitDir = path.join(dir, '.git');
    else return undefined; // a linked work tree: leave it to git
  } catch {
    // no .git: a bare repository
  }
  // `$GIT_DIR/<name>` comes first in git's order (FETCH_HEAD and the like): leave such names to git.
  if (!name.startsWith('refs/') && (await stat(path.join(gitDir, name)).then(() => true, () => false))) return undefined;
  let packed: Map<string, string> | undefined;
  const candidates = name.startsWith('refs/') ? [name] : [`refs/${name}`, `refs/tags/${name}`, `refs/heads/${name}`, `refs/remotes/${name}`];
  for (const candidate of candidates) {
    const loose = await readFile(path.join(gitDir, ...candidate.split('/')), 'utf8').catch(() => undefined);
    if (loose !== undefined) {
      const sha = loose.trim();
      return SHA.test(sha) ? sha : undefined; // a symbolic ref: git decides
    }
    packed ??= await readPackedRefs(gitDir);
    const sha = packed.get(candidate);
    if (sha !== undefined) return sha;
  }
  return undefined;
}

async function readPackedRefs(gitDir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const text = await readFile(path.join(gitDir, 'packed-refs'), 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{40}) (refs\/\S+)$/.exec(line);
    if (m) out.set(m[2] ?? '', m[1] ?? '');
  }
  return out;
}

function runGit(cwd: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', ['-C', cwd, ...args], { encoding: 'buffer', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } }, (e, stdout, stderr) => {
      if (e) reject(new Error(`git ${args[0]}: ${stderr.toString('utf8').trim() || e.message}`));
      else resolve(stdout);
    });
  });
}
