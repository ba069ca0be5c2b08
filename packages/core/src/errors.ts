/**
 * Typed errors with stable codes. They know nothing about HTTP or processes: the CLI maps
 * them to exit codes once (`exitCodeFor`), the server maps them to HTTP statuses once.
 */
export type ErrorKind = "input" | "not_found" | "conflict" | "unauthorized" | "unavailable" | "internal";

export interface UpliftErrorOptions {
  cause?: unknown;
  /** What the user should do about it, appended to the message shown. */
  hint?: string;
}

export class UpliftError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly hint: string | undefined;

  constructor(code: string, kind: ErrorKind, message: string, options: UpliftErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.kind = kind;
    this.hint = options.hint;
  }
}

/** Bad input from the user: a file, a flag, a config key. Exit code 2. */
export class InputError extends UpliftError {
  constructor(message: string, options: UpliftErrorOptions & { code?: string } = {}) {
    super(options.code ?? "UPLIFT_BAD_INPUT", "input", message, options);
  }
}

/** Invalid configuration (uplift.yaml or UPLIFT_* variables). Exit code 2. */
export class ConfigError extends UpliftError {
  constructor(message: string, options: UpliftErrorOptions = {}) {
    super("UPLIFT_BAD_CONFIG", "input", message, options);
  }
}

export class NotFoundError extends UpliftError {
  constructor(message: string, options: UpliftErrorOptions = {}) {
    super("UPLIFT_NOT_FOUND", "not_found", message, options);
  }
}

export class ConflictError extends UpliftError {
  constructor(message: string, options: UpliftErrorOptions = {}) {
    super("UPLIFT_CONFLICT", "conflict", message, options);
  }
}

export class UnauthorizedError extends UpliftError {
  constructor(
    message = "a valid API token is required (Authorization: Bearer …)",
    options: UpliftErrorOptions = {},
  ) {
    super("UPLIFT_UNAUTHORIZED", "unauthorized", message, options);
  }
}

/** An external system (database, Redis, model endpoint) cannot be reached or failed. Exit code 1. */
export class UnavailableError extends UpliftError {
  constructor(message: string, options: UpliftErrorOptions & { code?: string } = {}) {
    super(options.code ?? "UPLIFT_UNAVAILABLE", "unavailable", message, options);
  }
}

/** Stored data is damaged (a corrupt data dir). Exit code 1; nothing is modified. */
export class CorruptDataError extends UpliftError {
  constructor(message: string, options: UpliftErrorOptions = {}) {
    super("UPLIFT_CORRUPT_DATA", "internal", message, options);
  }
}

/** Exit codes of DESIGN.md: 0 ok, 1 runtime failure, 2 bad input. */
export function exitCodeFor(error: unknown): 1 | 2 {
  if (error instanceof UpliftError && (error.kind === "input" || error.kind === "not_found")) return 2;
  return 1;
}

/** HTTP status for an error, used by the server's single error handler. */
export function httpStatusFor(error: unknown): number {
  if (!(error instanceof UpliftError)) return 500;
  switch (error.kind) {
    case "input":
      return 400;
    case "not_found":
      return 404;
    case "conflict":
      return 409;
    case "unauthorized":
      return 401;
    case "unavailable":
      return 503;
    default:
      return 500;
  }
}

/** One line for a human: the message, then the hint. */
export function describeError(error: unknown): string {
  if (error instanceof UpliftError) return error.hint ? `${error.message} — ${error.hint}` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
