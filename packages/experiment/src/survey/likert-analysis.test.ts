import { mannWhitneyU, newcombeDifferenceInterval } from "@uplift/stats";
import { describe, expect, it } from "vitest";
import { analyzeSurvey, type LikertAnswer } from "./likert-analysis.js";

const t = [5, 4, 4, 3, 5, 4];
const c = [3, 2, 4, 3, 2, 3, 1];
const answers: LikertAnswer[] = [
  ...t.map((value, i) => ({ unit: `t${i}`, arm: "treatment", item: "faster", value })),
  ...c.map((value, i) => ({ unit: `c${i}`, arm: "control", item: "faster", value })),
  { unit: "x", arm: "other", item: "faster", value: 5 },
];
const options = { treatment: "treatment", control: "control", source: "test" };

describe("analyzeSurvey", () => {
  it("summarises an item per arm and compares with Mann–Whitney and Newcombe's interval", () => {
    const { items, left_out } = analyzeSurvey(answers, options);
    const [item] = items;
    expect(item?.treatment).toMatchObject({
      n: 6,
      agree: 5,
      median: 4,
      distribution: { "3": 1, "4": 3, "5": 2 },
    });
    expect(item?.control).toMatchObject({ n: 7, agree: 1, median: 3 });
    const mw = mannWhitneyU(t, c);
    expect(item?.mann_whitney?.p_value).toBe(mw.pValue);
    expect(item?.probability_of_superiority).toBeCloseTo(mw.statistic / 42, 12);
    expect(item?.agree_difference.ci).toEqual(newcombeDifferenceInterval(5, 6, 1, 7));
    expect(item?.holm_p_value).toBe(mw.pValue); // one item: Holm changes nothing
    expect(left_out.not_in_arms).toBe(1);
  });

  it("refuses two answers of one respondent to the same item", () => {
    expect(() =>
      analyzeSurvey([...answers, { unit: "t0", arm: "treatment", item: "faster", value: 1 }], options),
    ).toThrow(/respondent "t0" answered item "faster" more than once/);
  });
});
