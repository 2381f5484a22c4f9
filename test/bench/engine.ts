// `npm run bench:engine`: preadmit test against gator test on a generated corpus of about 2,000 objects (warm runs read
// unchanged files from the parse cache; one more run without it shows what parsing costs),
// plus a cold compile of 50 templates. Prints figures and whether the targets are met; asserts nothing.
//
// The two tools run alternately, BENCH_RUNS times each (default 3), and the figures are medians: on a shared
// machine the load changes from one minute to the next, so the speed-up is the median of each pair's ratio.
// CPU seconds (user + system, all threads) are printed too: they depend far less on the machine's load.
//
// Each run is its own child process, measured by test/support/measure.ts with `/usr/bin/time -v` (wall time from
// this process, peak RSS from time's "Maximum resident set size"). Without /usr/bin/time, preadmit reports its own
// process.resourceUsage().maxRSS, and gator's RSS is not available.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GNU_TIME, hasGnuTime, measureChild } from '../support/measure.ts';
import { generateCorpus, generateTemplates } from './generate.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GATOR = path.join(ROOT, '.tools/bin/gator');
/** The command users run (it uses the dist/ bundle when `npm run build` made it from the current sources). */
const PREADMIT_BIN = path.join(ROOT, 'bin/preadmit.js');

const TARGET_SPEEDUP = 5;
const TARGET_RSS_MB = 300;
const TARGET_COLD_COMPILE_S = 5;

interface Measurement {
  label: string;
  wallSeconds: number;
  cpuSeconds: number | undefined;
  peakRssMb: number | undefined;
  exitCode: number;
  results: number | undefined;
  stderrTail: string;
}

/** Runs `command args` in a child process and measures it. */
async function measure(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Measurement> {
  const r = await measureChild(command, args, { cwd: ROOT, env: { ...process.env, ...env }, node: command === process.execPath });
  let results: number | undefined;
  try {
    const parsed = JSON.parse(r.stdout) as unknown[] | null;
    results = parsed === null ? 0 : Array.isArray(parsed) ? parsed.length : undefined;
  } catch {
    results = undefined;
  }
  const stderrTail = r.stderr
    .split('\n')
    .filter((l) => l !== '')
    .slice(-3)
    .join('\n');
  return { label, wallSeconds: r.ms / 1000, cpuSeconds: r.cpuSeconds, peakRssMb: r.peakRssKb === undefined ? undefined : r.peakRssKb / 1024, exitCode: r.code, results, stderrTail };
}

/** The command as a user runs it (`preadmit`, through its shebang and the V8 flags it sets), not `node bin/preadmit.js`. */
function preadmitArgs(dir: string): string[] {
  return ['test', '-f', dir, '-o', 'json'];
}

function fmt(n: number | undefined, digits = 1): string {
  return n === undefined || !Number.isFinite(n) ? 'n/a' : n.toFixed(digits);
}

function printTable(rows: Array<{ m: Measurement; reviews?: number }>): void {
  const header = ['run', 'wall s', 'CPU s', 'reviews/s', 'peak RSS MB', 'results', 'exit'];
  const lines = rows.map(({ m, reviews }) => [
    m.label,
    fmt(m.wallSeconds, 2),
    fmt(m.cpuSeconds, 2),
    reviews === undefined ? '-' : fmt(reviews / m.wallSeconds, 0),
    fmt(m.peakRssMb, 0),
    m.results === undefined ? 'n/a' : String(m.results),
    String(m.exitCode),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(row(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(row(l));
}

async function main(): Promise<void> {
  if (!existsSync(GATOR)) {
    console.error(`${GATOR} is missing: run \`npm run tools\``);
    process.exitCode = 1;
    return;
  }
  const work = await mkdtemp(path.join(tmpdir(), 'preadmit-bench-engine-'));
  try {
    const corpus = await generateCorpus(path.join(work, 'corpus'));
    console.log(
      `corpus: ${corpus.inputObjects} input objects (${corpus.templates} templates, ${corpus.constraints} constraints, ` +
        `${corpus.namespaces} Namespaces, ${corpus.pods} Pods, ${corpus.deployments} Deployments, ${corpus.services} Services, ` +
        `${corpus.expansionTemplates} ExpansionTemplate) = ${corpus.reviews} reviews with expansion`,
    );
    if (hasGnuTime) console.log(`measuring with ${GNU_TIME} -v`);
    else console.log(`${GNU_TIME} not found: preadmit's RSS from process.resourceUsage(), gator's not measured`);

    const warmEnv = { PREADMIT_CACHE_DIR: path.join(work, 'cache-warm') };
    console.log('preadmit test: warm-up run (fills the compile cache, not timed)…');
    const warmup = await measure('preadmit warm-up', PREADMIT_BIN, preadmitArgs(corpus.dir), warmEnv);
    const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
    const pairs: Array<{ preadmit: Measurement; gator: Measurement }> = [];
    for (let i = 1; i <= runs; i++) {
      console.log(`run ${i}/${runs}: preadmit test, then gator test…`);
      const p = await measure(`preadmit test (warm cache) #${i}`, PREADMIT_BIN, preadmitArgs(corpus.dir), warmEnv);
      const g = await measure(`gator test #${i}`, GATOR, ['test', '-f', corpus.dir, '-o', 'json']);
      pairs.push({ preadmit: p, gator: g });
      console.log(`  preadmit ${fmt(p.wallSeconds, 2)} s (${fmt(p.peakRssMb, 0)} MB), gator ${fmt(g.wallSeconds, 2)} s: ${fmt(g.wallSeconds / p.wallSeconds, 2)}x`);
    }
    const preadmit = medianMeasurement('preadmit test (warm cache), median', pairs.map((p) => p.preadmit));
    const gator = medianMeasurement('gator test, median', pairs.map((p) => p.gator));
    // The warm runs read the unchanged files' objects from the parse cache (\`parsed/\`): the same run once without
    // it, the compile cache still warm, shows what parsing the YAML costs.
    await rm(path.join(work, 'cache-warm', 'parsed'), { recursive: true, force: true });
    console.log('preadmit test: warm compile cache, empty parse cache…');
    const unparsed = await measure('preadmit test (warm compile cache, no parse cache)', PREADMIT_BIN, preadmitArgs(corpus.dir), warmEnv);

    const coldDir = path.join(work, 'cold-templates');
    await generateTemplates(coldDir, 50, 1000);
    console.log('preadmit test: cold compile of 50 templates (empty cache)…');
    const cold = await measure('preadmit cold compile, 50 templates', PREADMIT_BIN, preadmitArgs(coldDir), { PREADMIT_CACHE_DIR: path.join(work, 'cache-cold') });

    console.log('');
    printTable([
      { m: warmup, reviews: corpus.reviews },
      ...pairs.flatMap((p) => [
        { m: p.preadmit, reviews: corpus.reviews },
        { m: p.gator, reviews: corpus.reviews },
      ]),
      { m: preadmit, reviews: corpus.reviews },
      { m: gator, reviews: corpus.reviews },
      { m: unparsed, reviews: corpus.reviews },
      { m: cold },
    ]);
    for (const m of [warmup, ...pairs.flatMap((p) => [p.preadmit, p.gator]), unparsed, cold]) if (m.exitCode > 1) console.log(`\n${m.label} failed (exit ${m.exitCode}):\n${m.stderrTail}`);

    const speedup = median(pairs.map((p) => p.gator.wallSeconds / p.preadmit.wallSeconds));
    const cpuRatio = median(pairs.map((p) => (p.gator.cpuSeconds ?? Number.NaN) / (p.preadmit.cpuSeconds ?? Number.NaN)));
    console.log('');
    console.log(`speed-up, gator wall / preadmit warm wall, median of ${runs} alternating pairs: ${fmt(speedup, 2)}x`);
    console.log(`CPU time, gator / preadmit (user + system, all threads), median: ${fmt(cpuRatio, 2)}x`);
    console.log(`without the parse cache (files parsed again, compile cache warm): ${fmt(gator.wallSeconds / unparsed.wallSeconds, 2)}x (${fmt(unparsed.wallSeconds, 2)} s, one run)`);
    console.log(`peak RSS: one process, main thread and evaluation worker threads together (GNU time's maximum resident set size)`);
    if (pairs.some((p) => p.preadmit.results !== p.gator.results)) console.log(`NOTE: result counts differ (preadmit ${preadmit.results}, gator ${gator.results})`);
    const verdict = (ok: boolean | undefined) => (ok === undefined ? 'unknown' : ok ? 'met' : 'NOT met');
    console.log('targets:');
    console.log(`  >= ${TARGET_SPEEDUP}x faster than gator (warm, median): ${verdict(speedup >= TARGET_SPEEDUP)} (${fmt(speedup, 2)}x)`);
    const peak = Math.max(...pairs.map((p) => p.preadmit.peakRssMb ?? Number.NaN));
    console.log(`  peak RSS < ${TARGET_RSS_MB} MB (highest of the timed runs): ${verdict(Number.isNaN(peak) ? undefined : peak < TARGET_RSS_MB)} (${fmt(peak, 0)} MB)`);
    console.log(`  cold compile of 50 templates < ${TARGET_COLD_COMPILE_S} s: ${verdict(cold.wallSeconds < TARGET_COLD_COMPILE_S)} (${fmt(cold.wallSeconds, 2)} s, process start included)`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The medians of several runs of one command, figure by figure. */
function medianMeasurement(label: string, runs: Measurement[]): Measurement {
  const of = (pick: (m: Measurement) => number | undefined) => {
    const values = runs.map(pick).filter((v): v is number => v !== undefined);
    return values.length === 0 ? undefined : median(values);
  };
  return {
    label,
    wallSeconds: of((m) => m.wallSeconds)!,
    cpuSeconds: of((m) => m.cpuSeconds),
    peakRssMb: of((m) => m.peakRssMb),
    exitCode: Math.max(...runs.map((m) => m.exitCode)),
    results: runs[0]!.results,
    stderrTail: '',
  };
}

await main();
