import type { PageDef } from "../routing/pages.js";

/** The honest state of a section this build does not have yet, with the CLI that does it today. */
export function NotAvailablePage({ page }: { page: PageDef }) {
  return (
    <section aria-labelledby="page-title" data-testid={`page-${page.id}`}>
      <h1 id="page-title">{page.label}</h1>
      <div className="panel empty" data-testid="not-available">
        <p className="empty-title">Not yet available in this build.</p>
        <p className="muted">{page.purpose}</p>
        <p className="muted">
          Until then, the command line has it: <code>{page.command}</code>
        </p>
      </div>
    </section>
  );
}
