import { copilotUserDay } from "@uplift/test-support";
import { describe, expect, it } from "vitest";
import { mapCopilotUserDay } from "./map-copilot.js";
import { copilotUserDaySchema } from "./payloads.js";

const completion = { shown: 40, accepted: 12, lines_suggested: 60, lines_accepted: 20 };
const chat = { interactions: 3, generated: 5, accepted: 2, lines_added: 15 };

describe("mapCopilotUserDay", () => {
  it("counts inline code completions as shown/accepted and keeps all-feature totals in attributes", () => {
    const record = copilotUserDaySchema.parse(
      copilotUserDay({ day: "2026-03-03", login: "ann", completion, chat }),
    );
    const day = mapCopilotUserDay(record, "acme");
    expect(day).toMatchObject({
      user: "ann",
      date: "2026-03-03",
      source: "github-copilot",
      shown: 40,
      accepted: 12,
    });
    expect(day).toMatchObject({ lines_suggested: 60, lines_accepted: 20 });
    expect(day.attributes).toMatchObject({
      counts_scope: "code_completion",
      all_features: { generated: 45, accepted: 14 },
    });
  });

  it("counts zero completions for a chat-only day, and falls back to totals when there is no breakdown", () => {
    const chatOnly = copilotUserDaySchema.parse({
      ...copilotUserDay({ day: "2026-03-03", login: "bob", completion, chat }),
      totals_by_feature: [{ feature: "chat_panel_agent_mode", code_generation_activity_count: 5 }],
    });
    expect(mapCopilotUserDay(chatOnly, "acme")).toMatchObject({ shown: 0, accepted: 0 });
    const flat = copilotUserDaySchema.parse({
      day: "2026-03-03",
      user_login: "cy",
      code_generation_activity_count: 7,
      code_acceptance_activity_count: 3,
    });
    expect(mapCopilotUserDay(flat, "acme")).toMatchObject({
      shown: 7,
      accepted: 3,
      attributes: { counts_scope: "all_features" },
    });
  });
});
