// `npm run build`: bundles the CLI, the GitHub App (`npm start` runs dist/app.mjs) and the evaluation worker
// into dist/ with esbuild, so that nothing compiles TypeScript on the fly. dist/.sources-hash records which
// sources the bundle was built from (and dist/.sources-stamp their sizes and times); bin/preadmit.js uses the bundle only while they are unchanged. The same
// hash is compiled in as PREADMIT_BUILD_ID: the render cache's code fingerprint, without reading src/ at run time.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourcesHash, sourcesStamp } from './sources-hash.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
await mkdir(dist, { recursive: true });
const [hash, stamp] = await Promise.all([sourcesHash(root), sourcesStamp(root)]);
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
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
await writeFile(path.join(dist, '.sources-hash'), hash);
// Read first by bin/preadmit.js: while the sources are untouched, it need not read and hash them.
await writeFile(path.join(dist, '.sources-stamp'), stamp);
