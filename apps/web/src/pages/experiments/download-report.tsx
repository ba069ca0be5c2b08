import { useState } from "react";
import { ApiError } from "../../api/client.js";
import { fetchExperimentReport } from "../../api/experiments.js";

interface DownloadReportProps {
  token: string;
  name: string;
  onUnauthorized(): void;
}

/**
 * "Download report": fetches `GET /api/experiments/{name}/report.html` with the bearer token (a
 * plain link could not send it) and saves the self-contained HTML that `uplift experiment report` writes.
 */
export function DownloadReport({ token, name, onUnauthorized }: DownloadReportProps) {
  const [state, setState] = useState<{ kind: "idle" | "loading" } | { kind: "failed"; message: string }>({
    kind: "idle",
  });
  const download = async () => {
    setState({ kind: "loading" });
    try {
      const blob = await fetchExperimentReport(token, name);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = `experiment-${name}.html`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setState({ kind: "idle" });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onUnauthorized();
      else setState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <span>
      <button
        type="button"
        onClick={download}
        disabled={state.kind === "loading"}
        data-testid="download-report"
      >
        {state.kind === "loading" ? "Preparing report…" : "Download report"}
      </button>
      {state.kind === "failed" && (
        <span className="error" role="alert" data-testid="download-report-error">
          {" "}
          {state.message}
        </span>
      )}
    </span>
  );
}
