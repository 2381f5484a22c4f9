// The app's log vocabulary: every message it may log (a constant; what varies goes into fields) and the shape of
// one log line. Here, below both src/app (which writes the lines: app/log.ts) and src/github (whose publishing
// logs through a `LogLine` it is given), so that neither depends on the other for it.

/** Every message the app logs. A message is a constant: what varies goes into fields. */
export const LOG_MESSAGES = [
  // server.ts, main.ts
  'listening',
  'shutting down',
  'shutdown failed',
  'development webhook secret in use: deliveries can be forged',
  'delivery accepted on the public development secret',
  'delivery rejected',
  'delivery failed',
  'webhook intake failed',
  // index.ts: deliveries and checks
  'delivery already handled; ignored',
  'check run created',
  'check progress',
  'check failed',
  'check concluded',
  'check result discarded',
  'check run ended without a result',
  'check run could not be completed',
  'check job error',
  'stale check runs concluded',
  'stale check run lookup failed',
  'pull request not open; event ignored',
  'command refused',
  're-run names no pull request or merge group; ignored',
  're-run of a closed pull request ignored',
  'merge group gone; nothing to check',
  // publish.ts
  'check run completion failed; minimal completion sent',
  'annotations batch failed',
  'noting missing annotations failed',
  // queue-bullmq.ts
  'queue error',
  'check started on this instance',
  'check handed back to the queue',
  // recovery.ts
  'recovery started',
  'recovery done',
  'recovery failed',
  'recovery step failed',
  'recovery started a check for a head without a run',
  'recovery concluded an interrupted run',
] as const;

export type LogMessage = (typeof LOG_MESSAGES)[number];
type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;
/** Writes one line: `message` with `fields`; `error` adds its code (`err`), and its text only at debug level. */
export type LogLine = (level: LogLevel, message: LogMessage, fields?: LogFields, error?: unknown) => void;
