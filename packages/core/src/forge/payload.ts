import { UnavailableError } from "../errors.js";

/** Anything with zod's `parse` shape: validates a JSON body and returns what the caller keeps. */
export interface PayloadParser<T> {
  parse(data: unknown): T;
}

/** One page of a forge API answer, parsed. */
export interface ForgePage<T> {
  data: T;
  /** The next page's URL (`Link: rel="next"` or GitLab's `x-next-page`), when there is one. */
  next: string | undefined;
  /** True when the server answered 304 and `data` came from the cache. */
  notModified: boolean;
  url: string;
}

/** Parses a body, turning a validation failure into an error that names the URL and the field. */
export function parsePayload<T>(parser: PayloadParser<T>, data: unknown, forge: string, url: string): T {
  try {
    return parser.parse(data);
  } catch (error) {
    throw new UnavailableError(
      `${forge} answered ${url} with an unexpected payload: ${describeIssues(error)}`,
      {
        cause: error,
        code: "UPLIFT_FORGE_PAYLOAD",
        hint: "the API may have changed or the URL points at something else (check --api-url)",
      },
    );
  }
}

function describeIssues(error: unknown): string {
  const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (!Array.isArray(issues)) return error instanceof Error ? error.message : String(error);
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join(".") || "(body)"}: ${issue.message}`)
    .join("; ");
}
