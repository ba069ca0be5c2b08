import { useCallback, useRef, useState } from "react";
import { ApiError } from "./client.js";

/** The state of one user-triggered API call. */
export type CallState<T> =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "done"; value: T }
  | { kind: "failed"; message: string };

/**
 * Runs `call` on demand, keeping only the latest run (an earlier one still in flight is
 * aborted). A 401 calls `onUnauthorized` (the token was revoked) instead of showing an error.
 */
export function useApiCall<A extends unknown[], T>(
  call: (signal: AbortSignal, ...args: A) => Promise<T>,
  onUnauthorized: () => void,
): [CallState<T>, (...args: A) => void] {
  const [state, setState] = useState<CallState<T>>({ kind: "idle" });
  const current = useRef<AbortController | undefined>(undefined);
  const run = useCallback(
    (...args: A) => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      setState({ kind: "loading" });
      call(controller.signal, ...args).then(
        (value) => {
          if (!controller.signal.aborted) setState({ kind: "done", value });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          if (error instanceof ApiError && error.status === 401) onUnauthorized();
          else setState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
        },
      );
    },
    [call, onUnauthorized],
  );
  return [state, run];
}
