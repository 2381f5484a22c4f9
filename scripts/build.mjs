// `npm run build`: bundles the CLI and the evaluation worker into dist/ with esbuild, so that the
// command starts without compiling TypeScript on the fly. dist/.sources-hash records which sources the
// bundle was built from; bin/preadmit.js uses the bundle only while they are unchanged.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourcesHash } from './sources-hash.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
await mkdir(dist, { recursive: true });
await build({
  entryPoints: { cli: path.join(root, 'src/cli/main.ts'), 'eval-worker': path.join(root, 'src/opa/eval-worker.ts') },
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
await writeFile(path.join(dist, '.sources-hash'), await sourcesHash(root));
