import { type Logger, pino } from "pino";

export type { Logger };

export interface LoggerOptions {
  level?: string;
  /** Where logs go; stderr by default so that `--json` output on stdout stays clean. */
  destination?: NodeJS.WritableStream;
}

/** pino logger writing JSON lines to stderr (never stdout: stdout carries `--json` results). */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.UPLIFT_LOG_LEVEL ?? "info";
  return pino({ level, base: undefined }, options.destination ?? pino.destination({ fd: 2, sync: true }));
}

/** A logger that drops everything, for tests and library callers that pass none. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
