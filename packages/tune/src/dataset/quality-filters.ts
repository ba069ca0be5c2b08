import {
  contentSkipReason,
  generatedNameReason,
  isBinary,
  type LanguageId,
  languageOf,
  MAX_FILE_BYTES,
  vendoredReason,
} from "@uplift/code";

/**
 * Why a file is left out of the training set. Thresholds (docs/tune.md, as in the BigCode
 * filters for The Stack / StarCoder): files over 1 MiB, average line length over 100 or a line
 * over 1,000 characters, less than 25 % alphanumeric characters; vendored directories,
 * generated files (names and header markers), minified code, binary content and lock files,
 * using @uplift/code's rules for the code index.
 */
export type FilterReason =
  | "vendored"
  | "lock_file"
  | "generated"
  | "unsupported"
  | "too_large"
  | "binary"
  | "minified"
  | "long_lines"
  | "low_alphanumeric"
  | "empty"
  | "not_a_file";

export const FILTER_REASONS: readonly FilterReason[] = [
  "vendored",
  "lock_file",
  "generated",
  "unsupported",
  "too_large",
  "binary",
  "minified",
  "long_lines",
  "low_alphanumeric",
  "empty",
  "not_a_file",
];

export const MAX_BYTES = MAX_FILE_BYTES;
export const MAX_AVERAGE_LINE = 100;
export const MAX_LINE = 1000;
export const MIN_ALPHANUMERIC_SHARE = 0.25;

const LOCK_FILE =
  /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|go\.sum|Cargo\.lock|poetry\.lock|Pipfile\.lock|composer\.lock|Gemfile\.lock|packages\.lock\.json|uv\.lock|flake\.lock|mix\.lock|pubspec\.lock|gradle\.lockfile)$/;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** 1 for ASCII letters and digits. */
const ASCII_ALPHANUMERIC = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0,
);

/** A path-only verdict: the language of a code file, or why it is left out before reading. */
export function filterByPath(relativePath: string): { language: LanguageId } | { skipped: FilterReason } {
  if (vendoredReason(relativePath)) return { skipped: "vendored" };
  if (LOCK_FILE.test(relativePath)) return { skipped: "lock_file" };
  if (generatedNameReason(relativePath)) return { skipped: "generated" };
  const language = languageOf(relativePath);
  return language ? { language } : { skipped: "unsupported" };
}

/** Binary test on the raw bytes (a NUL byte in the first 8 KiB). */
export function filterBytes(bytes: Uint8Array): FilterReason | undefined {
  if (bytes.length > MAX_BYTES) return "too_large";
  if (isBinary(bytes)) return "binary";
  return undefined;
}

/** The content checks on decoded text. */
export function filterText(text: string): FilterReason | undefined {
  if (text.trim() === "") return "empty";
  const byContent = contentSkipReason(text);
  if (byContent === "generated" || byContent === "minified") return byContent;
  let lines = 0;
  let longest = 0;
  let alphanumeric = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    lines++;
    longest = Math.max(longest, end - start);
    start = end + 1;
  }
  if (longest > MAX_LINE || text.length / lines > MAX_AVERAGE_LINE) return "long_lines";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) alphanumeric += ASCII_ALPHANUMERIC[c] as number;
    else if (LETTER_OR_DIGIT.test(text.charAt(i))) alphanumeric++; // as Python's str.isalnum
  }
  if (alphanumeric / text.length < MIN_ALPHANUMERIC_SHARE) return "low_alphanumeric";
  return undefined;
}
