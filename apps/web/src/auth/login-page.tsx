import { type FormEvent, useId, useState } from "react";

interface LoginPageProps {
  /** Verifies the token; rejects with a message to show when it is not accepted. */
  onSignIn(token: string): Promise<void>;
  /** Why the user is here again, e.g. an expired token. */
  notice: string | undefined;
}

/** Paste an API token (from `uplift token create`) to sign in. */
export function LoginPage({ onSignIn, notice }: LoginPageProps) {
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const hintId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = token.trim();
    if (!trimmed) {
      setError("Paste an API token first.");
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSignIn(trimmed);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  }

  return (
    <main className="login" data-testid="login-page">
      <form className="login-card" onSubmit={submit} noValidate>
        <h1 className="login-title">
          <span className="brand-mark" aria-hidden="true">
            ↑
          </span>{" "}
          Uplift
        </h1>
        <p className="muted">Sign in with an API token to see this instance.</p>
        {notice && (
          <p className="notice" data-testid="login-notice">
            {notice}
          </p>
        )}
        <label htmlFor={inputId}>API token</label>
        <input
          id={inputId}
          data-testid="token-input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-describedby={hintId}
          aria-invalid={error ? true : undefined}
        />
        <p id={hintId} className="hint">
          Create one with <code>uplift token create --user LOGIN</code>.
        </p>
        {error && (
          <p className="error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" data-testid="login-submit" disabled={busy}>
          {busy ? "Checking…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
