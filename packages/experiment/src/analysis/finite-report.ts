/**
 * Throws when any number in `value` is NaN or ±Infinity: JSON would print them as null and a
 * reader would never know. A failure here is a bug in the analysis (inputs are validated first),
 * so it is a plain Error (exit 1) naming the field.
 */
export function assertFiniteReport(value: unknown, path = "$"): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`analysis produced ${value} at ${path}; please report this`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      assertFiniteReport(v, `${path}[${i}]`);
    });
    return;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) assertFiniteReport(v, `${path}.${key}`);
  }
}
