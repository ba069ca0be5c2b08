import { useCallback, useEffect, useState } from "react";
import { ApiError, getMe } from "./api/client.js";
import type { User } from "./api/types.js";
import { LoginPage } from "./auth/login-page.js";
import { tokenStore } from "./auth/token-store.js";
import { Shell } from "./layout/shell.js";
import { CampaignsPage } from "./pages/campaigns/campaigns-page.js";
import { CodePage } from "./pages/code/code-page.js";
import { ExperimentsPage } from "./pages/experiments/experiments-page.js";
import { KnowledgePage } from "./pages/knowledge/knowledge-page.js";
import { MetricsPage } from "./pages/metrics/metrics-page.js";
import { ModelsPage } from "./pages/models/models-page.js";
import { NotAvailablePage } from "./pages/not-available-page.js";
import { OverviewPage } from "./pages/overview-page.js";
import { pageForPath } from "./routing/pages.js";
import { useLocationPath } from "./routing/use-location-path.js";

type Auth =
  | { kind: "checking" }
  | { kind: "signed-out"; notice?: string }
  | { kind: "signed-in"; token: string; user: User };

const REJECTED = "That token was not accepted. Check that you pasted all of it, or create a new one.";

/** Root component: sign-in state, navigation and the current page. */
export function App() {
  const [auth, setAuth] = useState<Auth>(() =>
    tokenStore.read() ? { kind: "checking" } : { kind: "signed-out" },
  );
  const [path, navigate] = useLocationPath();
  const page = pageForPath(path);

  // A token kept from an earlier visit is verified again before anything is shown.
  useEffect(() => {
    const stored = tokenStore.read();
    if (!stored) return;
    const controller = new AbortController();
    getMe(stored, controller.signal).then(
      (user) => setAuth({ kind: "signed-in", token: stored, user }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) {
          tokenStore.clear();
          setAuth({ kind: "signed-out", notice: "Your saved token is no longer valid. Sign in again." });
        } else {
          setAuth({ kind: "signed-out", notice: `Could not verify your saved token: ${messageOf(error)}` });
        }
      },
    );
    return () => controller.abort();
  }, []);

  useEffect(() => {
    document.title = auth.kind === "signed-in" ? `${page.label} · Uplift` : "Sign in · Uplift";
  }, [auth.kind, page.label]);

  const signIn = useCallback(async (token: string) => {
    try {
      const user = await getMe(token);
      tokenStore.write(token);
      setAuth({ kind: "signed-in", token, user });
    } catch (error) {
      throw new Error(error instanceof ApiError && error.status === 401 ? REJECTED : messageOf(error));
    }
  }, []);

  const logout = useCallback(() => {
    tokenStore.clear();
    setAuth({ kind: "signed-out", notice: "You are signed out." });
  }, []);

  const expired = useCallback(() => {
    tokenStore.clear();
    setAuth({ kind: "signed-out", notice: "The server no longer accepts your token. Sign in again." });
  }, []);

  if (auth.kind === "checking") {
    return (
      <p className="boot muted" aria-live="polite">
        Checking your token…
      </p>
    );
  }
  if (auth.kind === "signed-out") return <LoginPage onSignIn={signIn} notice={auth.notice} />;

  return (
    <Shell user={auth.user} current={page} onNavigate={navigate} onLogout={logout}>
      {page.id === "overview" && <OverviewPage token={auth.token} onUnauthorized={expired} />}
      {page.id === "knowledge" && <KnowledgePage token={auth.token} onUnauthorized={expired} />}
      {page.id === "code" && <CodePage token={auth.token} onUnauthorized={expired} />}
      {page.id === "metrics" && <MetricsPage token={auth.token} onUnauthorized={expired} />}
      {page.id === "experiments" && <ExperimentsPage token={auth.token} onUnauthorized={expired} />}
      {page.id === "models" && <ModelsPage token={auth.token} onUnauthorized={expired} />}
      {page.id === "campaigns" && <CampaignsPage token={auth.token} onUnauthorized={expired} />}
      {!page.available && <NotAvailablePage page={page} />}
    </Shell>
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
