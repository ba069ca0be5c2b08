import { type TelemetryDay, telemetryDaySchema } from "../records.js";
import type { CopilotUserDayPayload } from "./payloads.js";

/**
 * Maps one user-day of the Copilot usage metrics report to telemetry. `shown`/`accepted` are
 * inline code completions (feature `code_completion`: suggestions shown and accepted), so that
 * `acceptance_rate` means what the Copilot dashboard's "code completion acceptance rate" means;
 * `lines_suggested`/`lines_accepted` are that feature's lines suggested and added. Totals over all
 * features (chat, agent) go to attributes. A report without the feature breakdown falls back to
 * the top-level counts, flagged `counts_scope: "all_features"`.
 */
export function mapCopilotUserDay(record: CopilotUserDayPayload, org: string): TelemetryDay {
  const completion = record.totals_by_feature.find((f) => f.feature === "code_completion");
  const broken = record.totals_by_feature.length > 0;
  // with a feature breakdown but no code_completion entry, the user made no inline completions that day
  const none = {
    code_generation_activity_count: 0,
    code_acceptance_activity_count: 0,
    loc_suggested_to_add_sum: 0,
    loc_added_sum: 0,
  };
  const counts = completion ?? (broken ? none : record);
  return telemetryDaySchema.parse({
    user: record.user_login,
    date: record.day,
    source: "github-copilot",
    shown: counts.code_generation_activity_count,
    accepted: counts.code_acceptance_activity_count,
    lines_suggested: counts.loc_suggested_to_add_sum,
    lines_accepted: counts.loc_added_sum,
    attributes: {
      org,
      counts_scope: broken ? "code_completion" : "all_features",
      all_features: {
        generated: record.code_generation_activity_count,
        accepted: record.code_acceptance_activity_count,
        interactions: record.user_initiated_interaction_count,
        lines_suggested: record.loc_suggested_to_add_sum,
        lines_added: record.loc_added_sum,
        lines_deleted: record.loc_deleted_sum,
      },
      used_chat: record.used_chat,
      used_agent: record.used_agent,
      ides: record.totals_by_ide.map((i) => i.ide),
      features: record.totals_by_feature.map((f) => f.feature),
    },
  });
}
