// `npm run build`: bundles the CLI (bin/preadmit.js runs dist/cli.mjs), the GitHub App (`npm start` runs
// dist/app.mjs) and the evaluation worker into dist/ with esbuild, so that nothing compiles TypeScript on the fly.
// A hash of the sources is compiled in as PREADMIT_BUILD_ID: the render cache's code fingerprint, without reading
// src/ at run time.
import { build } from 'esbuild';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourcesHash } from './sources-hash.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
// A clean dist/: chunk names carry content hashes, and old chunks would pile up.
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const hash = await sourcesHash(root);
await build({
  entryPoints: {
    cli: path.join(root, 'src/cli/main.ts'),
    app: path.join(root, 'src/app/main.ts'),
    'eval-worker': path.join(root, 'src/opa/eval-worker.ts'),
  },
  define: { PREADMIT_BUILD_ID: JSON.stringify(hash) },
  outdir: dist,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Dynamic imports become chunks of their own, so a command loads only the packages it uses (`preadmit test` does
  // not load Octokit).
  splitting: true,
  // Chunks beside the entries: modules find their siblings (the evaluation worker) relative to themselves.
  chunkNames: '[name]-[hash]',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
