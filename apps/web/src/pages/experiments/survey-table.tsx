import type { SurveySummary } from "../../api/experiments.js";
import { formatPValue } from "../../format/format-effect.js";
import { formatPoints, formatShare } from "./chart-style.js";

/** The report's survey section: agreement per arm, its difference, medians and the rank test. */
export function SurveyTable({ survey }: { survey: SurveySummary }) {
  const { treatment, control } = survey.arms;
  return (
    <section className="panel section" aria-labelledby="survey-title" data-testid="experiment-survey">
      <h2 id="survey-title">Surveys</h2>
      <p className="muted small">
        Likert items read as ordinal; {survey.agreement}. {survey.method}. Respondents knew their arm: this is
        perceived change, to read beside the measured effects.
      </p>
      <table className="metric-rows">
        <thead>
          <tr>
            <th scope="col">item</th>
            <th scope="col">agree {treatment}</th>
            <th scope="col">agree {control}</th>
            <th scope="col">difference (interval)</th>
            <th scope="col">medians T / C</th>
            <th scope="col">Mann–Whitney p</th>
            <th scope="col">Holm p</th>
          </tr>
        </thead>
        <tbody>
          {survey.items.map((i) => (
            <tr key={i.item} data-testid={`survey-${i.item}`}>
              <th scope="row">{i.item}</th>
              <td>
                {formatShare(i.treatment.agree_share)} ({i.treatment.agree}/{i.treatment.n})
              </td>
              <td>
                {formatShare(i.control.agree_share)} ({i.control.agree}/{i.control.n})
              </td>
              <td>
                {formatPoints(i.agree_difference.estimate)} ({formatPoints(i.agree_difference.ci[0])} to{" "}
                {formatPoints(i.agree_difference.ci[1])})
              </td>
              <td>
                {i.treatment.median} / {i.control.median}
              </td>
              <td>{formatPValue(i.mann_whitney?.p_value ?? null)}</td>
              <td>{formatPValue(i.holm_p_value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {survey.warnings.map((w) => (
        <p key={w} className="muted small">
          {w}
        </p>
      ))}
    </section>
  );
}
