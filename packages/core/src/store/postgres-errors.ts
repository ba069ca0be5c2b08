import { UnavailableError } from "../errors.js";

/** Where a `database.url` points, for messages: `host:port`, never the password. */
export function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || parsed.searchParams.get("host") || "localhost";
    return `${host}:${parsed.port || "5432"}`;
  } catch {
    return "(unparseable database.url)";
  }
}

/** SQLSTATE classes that mean "cannot use this server": connection, auth, unknown database, shutdown. */
const UNAVAILABLE_SQLSTATE = /^(08|28|3D|57P)/;

/** Node socket errors and pg's own messages for a lost or never-made connection. */
const SOCKET_CODE =
  /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE)$/;
const POOL_MESSAGE =
  /timeout exceeded when trying to connect|Connection terminated|not queryable|Cannot use a pool after/;

/**
 * True for failures to reach or use the server (refused, timed out, dropped, rejected login),
 * false for errors of a statement (syntax, constraint), which callers may want to handle by code.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, severity } = error as Error & { code?: unknown; severity?: unknown };
  if (typeof code === "string") {
    return severity === undefined ? SOCKET_CODE.test(code) : UNAVAILABLE_SQLSTATE.test(code);
  }
  if (error instanceof AggregateError) return error.errors.some(isConnectionFailure);
  return POOL_MESSAGE.test(error.message);
}

/** The UnavailableError for a server that cannot be reached or used. */
export function unavailable(target: string, error: unknown): UnavailableError {
  const reason = error instanceof Error ? error.message || (error as { code?: string }).code : String(error);
  return new UnavailableError(`PostgreSQL at ${target} is not available: ${reason}`, {
    cause: error,
    hint: "check that the server is running and that database.url (or UPLIFT_DATABASE_URL) is right",
  });
}
