/** An effect as the experiment report writes it: "+12.3 %" (relative) or "−0.5" (absolute). */
export function formatEffect(value: number, scale: "relative" | "absolute"): string {
  const sign = value >= 0 ? "+" : "−";
  if (scale === "relative") return `${sign}${Math.abs(value * 100).toFixed(1)} %`;
  return `${sign}${Number(Math.abs(value).toPrecision(3))}`;
}

/** A p-value with two significant digits, "< 0.001" below that, "—" when there is none. */
export function formatPValue(p: number | null): string {
  if (p === null) return "—";
  return p < 0.001 ? "< 0.001" : String(Number(p.toPrecision(2)));
}
