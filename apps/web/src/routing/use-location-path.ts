import { useCallback, useEffect, useState } from "react";

/**
 * The current `location.pathname` and a `navigate` that changes it with the History API
 * (the server answers every page path with index.html, so reloads and deep links work).
 */
export function useLocationPath(): [string, (path: string) => void] {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const onPopState = () => setPath(window.location.pathname);
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);
  const navigate = useCallback((next: string) => {
    if (next !== window.location.pathname) window.history.pushState(null, "", next);
    setPath(next);
  }, []);
  return [path, navigate];
}
