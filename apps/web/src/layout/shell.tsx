import { type MouseEvent, type ReactNode, useEffect, useRef } from "react";
import type { User } from "../api/types.js";
import { PAGES, type PageDef } from "../routing/pages.js";

interface ShellProps {
  user: User;
  current: PageDef;
  onNavigate(path: string): void;
  onLogout(): void;
  children: ReactNode;
}

/** Header, navigation and the main landmark around the current page. */
export function Shell({ user, current, onNavigate, onLogout, children }: ShellProps) {
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // After a client-side navigation, move focus to the new page as a page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (current.id) main.current?.focus();
  }, [current.id]);

  function follow(event: MouseEvent<HTMLAnchorElement>, page: PageDef) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onNavigate(page.path);
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            ↑
          </span>{" "}
          Uplift
        </span>
        <span className="user" data-testid="current-user">
          Signed in as <strong>{user.login}</strong>
        </span>
        <button type="button" className="secondary" data-testid="logout" onClick={onLogout}>
          Log out
        </button>
      </header>
      <nav className="sidenav" aria-label="Sections">
        <ul>
          {PAGES.map((page) => (
            <li key={page.id}>
              <a
                href={page.path}
                data-testid={`nav-${page.id}`}
                aria-current={page.id === current.id ? "page" : undefined}
                onClick={(event) => follow(event, page)}
              >
                {page.label}
                {!page.available && <span className="soon">soon</span>}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1} ref={main}>
        {children}
      </main>
    </div>
  );
}
