/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string | number): string {
  return String(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A table from a header and rows of already escaped cell HTML. */
export function htmlTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  className = "",
): string {
  const head = `<tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("\n");
  return `<table${className ? ` class="${className}"` : ""}><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/** A number for display: 4 significant digits, no trailing zeros. */
export function fmt(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined) return "—";
  return Number(value.toPrecision(digits)).toString();
}
