// cel-go's string() of durations and timestamps, which the evaluator lacks: `90s`, `1.5s`; RFC 3339 with
// the fraction only when there is one, in UTC.
import type { Environment } from '@marcbachmann/cel-js';

interface Duration {
  seconds: number | bigint;
  nanos: number;
}

function durationString(d: Duration): string {
  const total = Number(d.seconds) + d.nanos / 1e9;
  return `${String(total)}s`;
}

function timestampString(t: Date): string {
  return t.toISOString().replace(/\.000Z$/, 'Z').replace(/(\.\d*?)0+Z$/, '$1Z');
}

export function registerTime(env: Environment): void {
  env.registerFunction('string(google.protobuf.Duration): string', (d: Duration) => durationString(d));
  env.registerFunction('string(google.protobuf.Timestamp): string', (t: Date) => timestampString(t));
}
