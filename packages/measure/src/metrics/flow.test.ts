import { describe, expect, it } from "vitest";
import { STATE_CODES, UNMAPPED_STATE, type WorkItemFact, type WorkItemFacts } from "./flow-facts.js";
import { flowLoad } from "./flow-load.js";
import { flowSummaries } from "./flow-summary.js";
import { flowTime } from "./flow-time.js";
import { flowVelocity } from "./flow-velocity.js";
import { resolveOptions } from "./types.js";

const t = (iso: string) => Date.parse(iso);

/** Items from (created, [at, state]…) lists, in columns as the loader builds them. */
function facts(
  items: { id: string; created: string; resolved?: string; steps: [string, number][] }[],
): WorkItemFacts {
  const at: number[] = [];
  const state: number[] = [];
  const list: WorkItemFact[] = items.map((item) => {
    const first = at.length;
    for (const [time, s] of item.steps) {
      at.push(t(time));
      state.push(s);
    }
    return {
      id: item.id,
      assignee: "ann",
      team: undefined,
      project: "web",
      type: "Story",
      flowType: "feature",
      created: t(item.created),
      resolved: item.resolved ? t(item.resolved) : Number.NaN,
      first,
      count: item.steps.length,
    };
  });
  return { items: list, at: Float64Array.from(at), state: Uint8Array.from(state) };
}

const { active, waiting, done } = STATE_CODES;
const NEW = STATE_CODES.new;

describe("Flow metrics (pure)", () => {
  it("walks reopened items: done only when the last transition entered done", () => {
    const f = facts([
      {
        id: "a",
        created: "2025-03-03T00:00:00Z",
        steps: [
          ["2025-03-03T10:00:00Z", active],
          ["2025-03-03T12:00:00Z", done],
          ["2025-03-03T14:00:00Z", NEW], // reopened to the backlog: not active, not waiting
          ["2025-03-03T16:00:00Z", waiting],
          ["2025-03-03T18:00:00Z", active],
          ["2025-03-03T19:00:00Z", done],
        ],
      },
      {
        id: "b",
        created: "2025-03-03T00:00:00Z",
        steps: [
          ["2025-03-03T10:00:00Z", active],
          ["2025-03-03T12:00:00Z", done],
          ["2025-03-04T00:00:00Z", active],
        ],
      },
      {
        id: "c",
        created: "2025-03-03T00:00:00Z",
        steps: [
          ["2025-03-03T01:00:00Z", UNMAPPED_STATE],
          ["2025-03-03T02:00:00Z", done],
        ],
      },
    ]);
    const s = flowSummaries(f);
    expect([s.start[0], s.done[0], s.activeHours[0], s.waitingHours[0]]).toEqual([
      t("2025-03-03T10:00:00Z"),
      t("2025-03-03T19:00:00Z"),
      3,
      2,
    ]);
    expect(Number.isNaN(s.done[1] as number)).toBe(true);
    expect([s.unmapped[2], s.startFromCreated[2]]).toEqual([1, 1]);
    const [row] = flowTime.compute(
      { prs: [], deployments: [], incidents: [], telemetry: [], workItems: f },
      resolveOptions(),
    );
    expect(row).toMatchObject({ value: 9, n: 1, excluded: { unmapped_status: 1 } });
  });

  it("splits WIP by ISO week and divides by each week's hours inside the window", () => {
    // active from Sunday 2025-03-09 12:00 to Tuesday 2025-03-11 12:00: 12 h in W10, 36 h in W11
    const f = facts([
      {
        id: "a",
        created: "2025-03-01T00:00:00Z",
        steps: [
          ["2025-03-09T12:00:00Z", active],
          ["2025-03-11T12:00:00Z", done],
        ],
      },
    ]);
    const inputs = { prs: [], deployments: [], incidents: [], telemetry: [], workItems: f };
    const options = resolveOptions({
      groupBy: "week",
      fromMs: t("2025-03-08T00:00:00Z"),
      toMs: t("2025-03-15T00:00:00Z"),
    });
    const rows = flowLoad.compute(inputs, options);
    expect(rows.map((r) => [r.group, r.wip_hours, r.period_hours])).toEqual([
      ["2025-W10", 12, 48],
      ["2025-W11", 36, 120],
    ]);
    expect(rows[0]?.value).toBeCloseTo(12 / 48, 12);
    const velocity = flowVelocity.compute(inputs, options);
    // W11 inside the window: Monday 03-10 to Saturday 03-15, 5 days
    expect(velocity.map((r) => [r.group, r.n, r.days])).toEqual([["2025-W11", 1, 5]]);
    expect(velocity[0]?.value).toBeCloseTo(7 / 5, 12);
    const all = flowLoad.compute(
      inputs,
      resolveOptions({ fromMs: t("2025-03-08T00:00:00Z"), toMs: t("2025-03-15T00:00:00Z") }),
    );
    expect(all[0]?.value).toBeCloseTo(48 / 168, 12);
  });
});
