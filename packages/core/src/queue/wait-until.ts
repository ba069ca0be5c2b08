/**
 * Re-runs `check` until it returns a value: after each wake-up from `subscribe` and, when
 * `pollMs` is set, at least that often (a safety net for notifications that can be missed).
 * The subscription is made before each check, so a change between check and wait is not lost.
 */
export async function waitUntil<T>(
  check: () => Promise<T | undefined>,
  subscribe: (wake: () => void) => () => void,
  pollMs?: number,
): Promise<T> {
  for (;;) {
    let wake = () => {};
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    const unsubscribe = subscribe(() => wake());
    const timer = pollMs === undefined ? undefined : setTimeout(() => wake(), pollMs);
    try {
      const value = await check();
      if (value !== undefined) return value;
      await woken;
    } finally {
      unsubscribe();
      clearTimeout(timer);
    }
  }
}
