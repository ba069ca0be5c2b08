import type { RedactionSpan } from "./spans.js";

/**
 * High-entropy strings, as Yelp's detect-secrets finds them: a quoted token of base64
 * characters whose Shannon entropy exceeds 4.5 bits per character, or of hex digits above 3.0
 * (its defaults); plus the value assigned to a secret-looking name (`password = …`,
 * `apiKey: "…"`) when it has at least 8 characters and 3.0 bits per character.
 */
export const BASE64_ENTROPY_LIMIT = 4.5;
export const HEX_ENTROPY_LIMIT = 3.0;
export const ASSIGNMENT_ENTROPY_LIMIT = 3.0;
/** Quoted tokens shorter than this are not examined. */
export const MIN_SECRET_LENGTH = 20;

const QUOTED = /(["'`])([A-Za-z0-9+/=_-]{20,})\1/g;
const HEX = /^[0-9a-fA-F]+$/;
/**
 * `name = value` where the name says secret: a quoted value without spaces (group 2) or a bare
 * value of literal characters on the same line (group 3, as in .env and properties files).
 */
const SECRET_NAME =
  /(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|auth[_-]?(?:token|key))[\w-]*["']?[ \t]*(?::=|=>|=|:)[ \t]*(?:(["'`])([^\s"'`]{8,200})\1|([A-Za-z0-9+/=_\-.~!@#$%^&*]{8,200})(?=[\s,;]|$))/gi;

/** Values that are code, not literals: a name, a member path or a call (`getToken(`, `config.apiKey`), a template or placeholder. */
const CODE_VALUE = /^(?:[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\(?|<.*|\$\{.*|\$[A-Z_]+|%\(.*)$/;

/** Quoted values that are placeholders, not secrets: `<your-token>`, `${TOKEN}`, `%(token)s`. */
const PLACEHOLDER_VALUE = /^(?:<.*>|\$\{.*\}|%\(.*)$/;

/** Shannon entropy of a string in bits per character. */
export function shannonEntropy(text: string): number {
  if (!text) return 0;
  const freq = new Map<string, number>();
  for (const ch of text) freq.set(ch, (freq.get(ch) ?? 0) + 1);
  let bits = 0;
  const n = text.length;
  for (const count of freq.values()) {
    const p = count / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const PLACEHOLDER = "<SECRET:high-entropy>";
const TYPE = "SECRET:high-entropy";

/** Spans of high-entropy quoted tokens and secret assignments in `text`. */
export function highEntropySpans(text: string): RedactionSpan[] {
  const spans: RedactionSpan[] = [];
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
    const token = m[2] as string;
    if (!/\d/.test(token) || !/[A-Za-z]/.test(token)) continue;
    const limit = HEX.test(token) ? HEX_ENTROPY_LIMIT : BASE64_ENTROPY_LIMIT;
    if (shannonEntropy(token) <= limit) continue;
    const start = m.index + 1;
    spans.push({ start, end: start + token.length, type: TYPE, placeholder: PLACEHOLDER });
  }
  SECRET_NAME.lastIndex = 0;
  for (let m = SECRET_NAME.exec(text); m; m = SECRET_NAME.exec(text)) {
    const quoted = m[2];
    const value = (quoted ?? m[3]) as string;
    if (quoted === undefined ? CODE_VALUE.test(value) : PLACEHOLDER_VALUE.test(value)) continue;
    if (!/\d/.test(value) || !/[A-Za-z]/.test(value)) continue;
    if (shannonEntropy(value) < ASSIGNMENT_ENTROPY_LIMIT) continue;
    const end = m.index + m[0].length - (quoted === undefined ? 0 : 1);
    spans.push({ start: end - value.length, end, type: TYPE, placeholder: PLACEHOLDER });
  }
  return spans;
}
