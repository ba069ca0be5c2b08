import { InputError } from "@uplift/core";
import {
  holmAdjust,
  mannWhitneyU,
  median,
  newcombeDifferenceInterval,
  StatsInputError,
  wilsonInterval,
} from "@uplift/stats";

/** One answer to one Likert item by one respondent (a developer) in an arm. */
export interface LikertAnswer {
  unit: string;
  arm: string;
  item: string;
  value: number;
}

/** One arm's answers to one item. */
export interface LikertArmSummary {
  arm: string;
  n: number;
  /** Answers per scale value, e.g. { "1": 3, "2": 5, … }. */
  distribution: Record<string, number>;
  median: number;
  mean: number;
  /** Answers at or above the agreement threshold. */
  agree: number;
  agree_share: number;
  agree_ci: [number, number];
}

/** The analysis of one Likert item, treatment against control. */
export interface LikertItemAnalysis {
  item: string;
  treatment: LikertArmSummary;
  control: LikertArmSummary;
  /** Treatment − control share agreeing, with Newcombe's hybrid score interval. */
  agree_difference: { estimate: number; ci: [number, number] };
  /** Mann–Whitney U (ordinal, no interval scale assumed), two-sided; null when every answer is tied. */
  mann_whitney: { statistic: number; p_value: number; method: "exact" | "normal" } | null;
  /** P(treatment answer > control answer) + ½·P(equal): 0.5 = no difference. */
  probability_of_superiority: number;
  /** Holm-adjusted Mann–Whitney p across the items. */
  holm_p_value: number | null;
}

export interface SurveyAnalysis {
  kind: "survey";
  arms: { treatment: string; control: string };
  /** "value ≥ N counts as agreeing". */
  agreement: string;
  items: LikertItemAnalysis[];
  method: string;
  /** Answers of respondents in neither arm (not assigned, or another arm). */
  left_out: { not_in_arms: number };
  warnings: string[];
}

export interface SurveyOptions {
  treatment: string;
  control: string;
  /** Answers at or above this value agree (default 4, "agree" on a 1–5 scale). */
  agreeFrom?: number;
  confLevel?: number;
  /** Where the answers came from, for messages. */
  source: string;
}

function armSummary(
  arm: string,
  values: readonly number[],
  agreeFrom: number,
  confLevel: number,
): LikertArmSummary {
  const distribution: Record<string, number> = {};
  for (const v of [...values].sort((a, b) => a - b))
    distribution[String(v)] = (distribution[String(v)] ?? 0) + 1;
  const agree = values.filter((v) => v >= agreeFrom).length;
  return {
    arm,
    n: values.length,
    distribution,
    median: median(values),
    mean: values.reduce((s, v) => s + v, 0) / values.length,
    agree,
    agree_share: agree / values.length,
    agree_ci: wilsonInterval(agree, values.length, confLevel),
  };
}

/**
 * Likert items by arm, read as ordinal: per arm the distribution, median and the share agreeing
 * (value ≥ `agreeFrom`) with its Wilson interval; between arms the Mann–Whitney U test (tie-
 * corrected normal approximation, = R's wilcox.test), the probability of superiority and the
 * difference in agreeing shares with Newcombe's interval; Holm across items. One answer per
 * respondent and item: respondents are the developers, so no clustering is needed.
 */
export function analyzeSurvey(answers: readonly LikertAnswer[], options: SurveyOptions): SurveyAnalysis {
  const agreeFrom = options.agreeFrom ?? 4;
  const confLevel = options.confLevel ?? 0.95;
  const { treatment, control } = options;
  const byItem = new Map<string, { treatment: number[]; control: number[]; seen: Set<string> }>();
  let notInArms = 0;
  for (const a of answers) {
    if (a.arm !== treatment && a.arm !== control) {
      notInArms++;
      continue;
    }
    const entry = byItem.get(a.item) ?? { treatment: [], control: [], seen: new Set<string>() };
    if (entry.seen.has(a.unit)) {
      throw new InputError(
        `${options.source}: respondent "${a.unit}" answered item "${a.item}" more than once; keep one answer per respondent and item`,
      );
    }
    entry.seen.add(a.unit);
    (a.arm === treatment ? entry.treatment : entry.control).push(a.value);
    byItem.set(a.item, entry);
  }
  const warnings: string[] = [];
  const items: LikertItemAnalysis[] = [];
  for (const [item, { treatment: t, control: c }] of [...byItem].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (t.length === 0 || c.length === 0) {
      warnings.push(
        `item "${item}": answers from one arm only (${t.length} treatment, ${c.length} control); not compared`,
      );
      continue;
    }
    let mw: LikertItemAnalysis["mann_whitney"] = null;
    let statistic = (t.length * c.length) / 2;
    try {
      const test = mannWhitneyU(t, c);
      statistic = test.statistic;
      mw = { statistic: test.statistic, p_value: test.pValue, method: test.method };
    } catch (error) {
      if (!(error instanceof StatsInputError)) throw error;
      warnings.push(`item "${item}": every answer is the same; the rank test is undefined`);
    }
    const ts = armSummary(treatment, t, agreeFrom, confLevel);
    const cs = armSummary(control, c, agreeFrom, confLevel);
    items.push({
      item,
      treatment: ts,
      control: cs,
      agree_difference: {
        estimate: ts.agree_share - cs.agree_share,
        ci: newcombeDifferenceInterval(ts.agree, ts.n, cs.agree, cs.n, confLevel),
      },
      mann_whitney: mw,
      probability_of_superiority: statistic / (t.length * c.length),
      holm_p_value: null,
    });
  }
  if (items.length === 0) {
    throw new InputError(
      `${options.source}: no survey item has answers from both arms ("${treatment}" and "${control}")`,
    );
  }
  const tested = items.filter((i) => i.mann_whitney !== null);
  const holm = holmAdjust(tested.map((i) => (i.mann_whitney as { p_value: number }).p_value));
  tested.forEach((item, j) => {
    item.holm_p_value = holm[j] as number;
  });
  if (notInArms > 0) warnings.push(`${notInArms} answer(s) from respondents in neither arm left out`);
  warnings.push(
    "surveys measure perception: read them beside the measured effects, and remember respondents knew their arm (not blinded)",
  );
  return {
    kind: "survey",
    arms: { treatment, control },
    agreement: `value ≥ ${agreeFrom} counts as agreeing`,
    items,
    method:
      "per item: Mann–Whitney U (two-sided, tie-corrected normal approximation or exact without ties), probability of superiority, share agreeing with Wilson intervals and the treatment − control difference with Newcombe's hybrid score interval; Holm across items",
    left_out: { not_in_arms: notInArms },
    warnings,
  };
}
