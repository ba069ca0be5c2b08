/** How one input cell is read into a record field (CSV cells are text; JSON values may be typed). */
export type CellType = "string" | "int" | "number" | "bool" | "instant" | "date" | "list";

/** A cell that cannot be read; the caller adds file, line and column. */
export class CellError extends Error {}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const NAIVE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INT = /^[+-]?\d+$/;
const TRUE = new Set(["true", "t", "yes", "y", "1"]);
const FALSE = new Set(["false", "f", "no", "n", "0"]);

/**
 * Reads one cell as `type`. Empty text and null read as undefined (an absent optional value).
 * Instants must carry an offset or Z: a naive time is refused, never guessed in a local zone.
 */
export function readCell(value: unknown, type: CellType): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string" && value.trim() === "") return undefined;
  switch (type) {
    case "string":
      if (typeof value === "string") return value.trim();
      if (typeof value === "number" || typeof value === "boolean") return String(value);
      throw new CellError(`expected text, got ${describe(value)}`);
    case "int":
      return readInt(value);
    case "number":
      return readNumber(value);
    case "bool":
      return readBool(value);
    case "instant":
      return readInstant(value);
    case "date":
      return readDate(value);
    case "list":
      return readList(value);
  }
}

function readInt(value: unknown): number {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && INT.test(value.trim())
        ? Number(value)
        : NaN;
  if (!Number.isSafeInteger(n)) throw new CellError(`${describe(value)} is not a whole number`);
  return n;
}

function readNumber(value: unknown): number {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
  if (!Number.isFinite(n)) throw new CellError(`${describe(value)} is not a number`);
  return n;
}

function readBool(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  const text = String(value).trim().toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  throw new CellError(`${describe(value)} is not true/false`);
}

function readInstant(value: unknown): string {
  if (typeof value !== "string") throw new CellError(`expected an ISO 8601 time, got ${describe(value)}`);
  const text = value.trim();
  if (NAIVE.test(text)) {
    throw new CellError(
      `${describe(text)} has no UTC offset; an offset is required (e.g. ${text.replace(" ", "T")}Z or ${text.replace(" ", "T")}+02:00)`,
    );
  }
  if (!INSTANT.test(text) || Number.isNaN(Date.parse(text))) {
    throw new CellError(`${describe(text)} is not an ISO 8601 time with offset (e.g. 2025-03-03T09:00:00Z)`);
  }
  // "+0200" → "+02:00": the one offset spelling every reader (zod, Date, PostgreSQL) accepts
  return text.replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
}

function readDate(value: unknown): string {
  const text = typeof value === "string" ? value.trim() : "";
  if (!DATE.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`)))
    throw new CellError(`${describe(value)} is not a date YYYY-MM-DD`);
  return text;
}

/** A `;`-separated list in CSV; a JSON array in JSON. */
function readList(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map((item) => String(item)) : String(value).split(";");
  return items.map((item) => item.trim()).filter(Boolean);
}

function describe(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}
