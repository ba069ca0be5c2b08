/** The arms' colours, as in the HTML report. */
export const ARM_COLOURS = { treatment: "#c2410c", control: "#1d4ed8" } as const;

/** A number for display: `digits` significant digits, no trailing zeros (the report's `fmt`). */
export function formatValue(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return Number(value.toPrecision(digits)).toString();
}

/** A share as "12.3 %", "—" when there is none. */
export const formatShare = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)} %`);

/** A difference of shares in percentage points: "+4.0 pp". */
export const formatPoints = (v: number) => `${v >= 0 ? "+" : "−"}${Math.abs(v * 100).toFixed(1)} pp`;
