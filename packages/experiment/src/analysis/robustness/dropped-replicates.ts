/** A note when some bootstrap replicates could not be computed (they are left out of the interval). */
export function droppedNote(replicates: Float64Array): string | undefined {
  let dropped = 0;
  for (const r of replicates) if (!Number.isFinite(r)) dropped++;
  return dropped > 0
    ? `${dropped} of ${replicates.length} resamples had no estimate (singular design) and are left out`
    : undefined;
}
