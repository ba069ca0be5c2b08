import { clusterRobustTest, ols } from "@uplift/stats";
import { describe, expect, it } from "vitest";
import { expectClose, referencePath } from "../../reference/reference.js";
import { prepareAnalysisData } from "../analysis/analysis-data.js";
import { designRows } from "../analysis/clustered-model.js";
import { readCsvTable } from "../csv/csv-table.js";
import { compressClusters } from "./compressed-clusters.js";

describe("compressed cluster design", () => {
  it("gives the full rows' OLS arm coefficient, CR2 standard error, Satterthwaite df and p-value", () => {
    const data = prepareAnalysisData(readCsvTable(referencePath("analysis-small.csv")), {
      outcome: "hours",
      arm: "arm",
      treatment: "treatment",
      unit: "dev",
      covariate: "pre",
      logOutcome: true,
      logCovariate: true,
    });
    const x = designRows(data);
    const full = clusterRobustTest(x, ols(data.y, x), data.unitIndex, 1);
    const moments = data.units.map((u) => ({
      gram: [0, 1, 2].map((a) =>
        [0, 1, 2].map((b) => u.rows.reduce((s, i) => s + (x[i]?.[a] as number) * (x[i]?.[b] as number), 0)),
      ),
      xty: [0, 1, 2].map((a) =>
        u.rows.reduce((s, i) => s + (x[i]?.[a] as number) * (data.y[i] as number), 0),
      ),
    }));
    const compressed = compressClusters(moments);
    expect(compressed.x.length).toBeLessThan(x.length);
    const small = clusterRobustTest(compressed.x, ols(compressed.y, compressed.x), compressed.clusters, 1);
    expectClose(small.estimate, full.estimate, 1e-10);
    expectClose(small.standardError, full.standardError, 1e-9);
    expectClose(small.df, full.df, 1e-9);
    expectClose(small.pValue, full.pValue, 1e-8);
  });
});
