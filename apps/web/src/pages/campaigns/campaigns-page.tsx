import { useCallback, useEffect } from "react";
import { type CampaignRepo, type CampaignSummary, listCampaigns } from "../../api/campaigns.js";
import { useApiCall } from "../../api/use-api-call.js";

interface CampaignsPageProps {
  token: string;
  onUnauthorized(): void;
}

const STATE_LABELS: Record<string, string> = {
  created: "created",
  planned: "planned",
  patched: "patched",
  tests_green: "tests green",
  pr_open: "PR open",
  merged: "merged",
  failed: "failed",
  baseline_failed: "failing before the change",
};

/**
 * Upkeep campaigns (`uplift upkeep campaign …`): repositories by state, time per repository,
 * and how much of the change the model wrote and how much of that was merged as written.
 */
export function CampaignsPage({ token, onUnauthorized }: CampaignsPageProps) {
  const load = useCallback((signal: AbortSignal) => listCampaigns(token, signal), [token]);
  const [state, run] = useApiCall(load, onUnauthorized);
  useEffect(() => run(), [run]);

  return (
    <section aria-labelledby="page-title" data-testid="page-campaigns">
      <h1 id="page-title">Campaigns</h1>
      {state.kind === "loading" && (
        <p className="muted" aria-live="polite">
          Loading campaigns…
        </p>
      )}
      {state.kind === "failed" && (
        <p className="error" role="alert" data-testid="campaigns-error">
          {state.message}
        </p>
      )}
      {state.kind === "done" && state.value.campaigns.length === 0 && (
        <div className="panel empty" data-testid="campaigns-empty">
          <p className="empty-title">No campaign yet.</p>
          <p className="muted">
            Create one with <code>uplift upkeep campaign create NAME --advisories DIR --repo DIR…</code>, then{" "}
            <code>plan</code> and <code>apply</code> it.
          </p>
        </div>
      )}
      {state.kind === "done" && state.value.campaigns.map((c) => <Campaign key={c.id} campaign={c} />)}
    </section>
  );
}

function Campaign({ campaign }: { campaign: CampaignSummary }) {
  const s = campaign.summary;
  const states = Object.entries(campaign.states).filter(([, n]) => n > 0);
  return (
    <section
      className="panel metric"
      aria-labelledby={`campaign-${campaign.id}`}
      data-testid={`campaign-${campaign.campaign}`}
    >
      <h2 id={`campaign-${campaign.id}`}>
        {campaign.campaign} <span className="soon">{campaign.kind}</span>
      </h2>
      <p className="muted small">
        {campaign.id} · created {campaign.created_at.slice(0, 10)} · labels {campaign.tags.labels.join(", ")}{" "}
        · branch <code>{campaign.tags.branch}</code>
      </p>
      <ul className="campaign-states" data-testid="campaign-states">
        {states.map(([name, n]) => (
          <li key={name} data-testid={`state-${name}`}>
            <strong>{n}</strong> {STATE_LABELS[name] ?? name}
          </li>
        ))}
      </ul>
      <p data-testid="campaign-model-share">
        Model wrote {share(s.model_line_share)} of changed lines ({share(s.model_change_share)} of changes);
        model changes merged without edits: {share(s.model_merged_without_edits_share)}. Median{" "}
        {s.median_seconds_per_repo === null ? "—" : `${s.median_seconds_per_repo} s`} per repository.
      </p>
      <table className="metric-rows">
        <thead>
          <tr>
            <th scope="col">repository</th>
            <th scope="col">state</th>
            <th scope="col">bump</th>
            <th scope="col">time</th>
            <th scope="col">model lines</th>
            <th scope="col">change</th>
          </tr>
        </thead>
        <tbody>
          {campaign.repositories.map((r) => (
            <Row key={r.repo} repo={r} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Row({ repo }: { repo: CampaignRepo }) {
  const bad = repo.state === "failed" || repo.state === "baseline_failed";
  const good = repo.state === "pr_open" || repo.state === "merged" || repo.state === "tests_green";
  return (
    <tr data-testid={`campaign-repo-${repo.repo}`} title={repo.reason ?? undefined}>
      <th scope="row">{repo.repo}</th>
      <td>
        <span className={`badge${bad ? " bad" : good ? " ok" : ""}`}>
          {STATE_LABELS[repo.state] ?? repo.state}
        </span>
        {repo.reason && <div className="muted small">{repo.reason}</div>}
      </td>
      <td>
        {repo.packages.join(", ")}
        {repo.advisories.length > 0 && <div className="muted small">{repo.advisories.join(", ")}</div>}
      </td>
      <td>{repo.seconds === null ? "—" : `${repo.seconds} s`}</td>
      <td>
        {repo.model_lines} / {repo.total_lines}
        {repo.attempts > 0 && <div className="muted small">{repo.attempts} attempt(s)</div>}
      </td>
      <td>
        {repo.pr_url ? (
          <a href={repo.pr_url} target="_blank" rel="noreferrer">
            {repo.state === "merged" ? "merged" : "pull request"}
          </a>
        ) : (
          "—"
        )}
        {repo.merged_without_edits !== null && (
          <div className="muted small">{repo.merged_without_edits ? "as written" : "edited by a human"}</div>
        )}
      </td>
    </tr>
  );
}

function share(x: number | null): string {
  return x === null ? "—" : `${Math.round(x * 100)} %`;
}
