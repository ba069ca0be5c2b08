import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { silentLogger } from "@uplift/core";
import { buildDataset, type DatasetManifest } from "@uplift/tune";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { GITHUB_TOKEN, gitRepo, moduleText, settings } from "./dataset-fixture.js";

const work = mkdtempSync(path.join(tmpdir(), "uplift-dataset-workers-"));
const deps = { logger: silentLogger() };
let repos: string[];
let tasks: string;

/**
 * Two repositories of ~700 files (several pass-1 batches of 256 files and many pass-2 batches
 * of 64, so batches finish out of order on 2–3 workers), with exact copies, near copies,
 * secrets, e-mails, a contaminated file, files split across sequences, and FIM on.
 */
beforeAll(() => {
  repos = ["alpha", "beta"].map((name, r) => {
    const files: Record<string, string> = {
      "package.json": JSON.stringify({ name, license: "MIT" }),
    };
    for (let i = 0; i < 350; i++) {
      const seed = `${name}M${i}`;
      const imports = i > 0 ? [`m${(i * 7) % i}`] : [];
      let text = moduleText(seed, imports);
      if (i % 10 === 3) text = `${text}${moduleText(`${seed}Big`)}${moduleText(`${seed}Bigger`)}`;
      if (i % 41 === 5) text += `// owner: dev${i}@acme-corp.com\n`;
      if (i % 97 === 7) text += `export const token = "${GITHUB_TOKEN}";\n`;
      files[`src/m${i}.ts`] = text;
      if (i % 23 === 11) files[`src/copy${i}.ts`] = text; // exact copy
      if (i % 17 === 4) files[`lib/near${i}.ts`] = text.replace(`${seed}Step3`, `${seed}StepThree`);
    }
    files["src/held-out.ts"] = moduleText(`heldOut${r}`);
    return gitRepo(path.join(work, name), files);
  });
  tasks = path.join(work, "tasks.jsonl");
  const heldOut = moduleText("heldOut1");
  const body = heldOut.slice(heldOut.indexOf("heldOut1Step4"), heldOut.indexOf("heldOut1Step6"));
  writeFileSync(
    tasks,
    `${JSON.stringify({ id: "t1", kind: "function_body", prefix: "", expected: body })}\n`,
  );
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function shardBytes(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".jsonl"))
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f), "utf8")]),
  );
}

/** The manifest without what names the run rather than the data (time, output path). */
function comparable(manifest: DatasetManifest): unknown {
  const { created_at: _created, settings: s, ...rest } = manifest;
  const { out: _out, ...kept } = s;
  return { ...rest, settings: kept };
}

describe("tune dataset with worker threads", () => {
  it("writes byte-identical shards and the same manifest with 1, 2 and 3 workers", async () => {
    const runs: Array<{ manifest: DatasetManifest; shards: Record<string, string> }> = [];
    for (const workers of [1, 2, 3]) {
      const out = path.join(work, `out-${workers}`);
      const manifest = await buildDataset(
        settings({ repos, decontaminate: [tasks], out, seqLen: 1024, fimRate: 0.5, workers }),
        deps,
      );
      runs.push({ manifest, shards: shardBytes(out) });
    }
    const [one, two, three] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]];
    // the fixture exercises what depends on order: duplicates, redaction, decontamination, splits
    expect(one.manifest.dedup.exact_duplicates).toBeGreaterThanOrEqual(30);
    expect(one.manifest.dedup.near_duplicates).toBeGreaterThanOrEqual(40);
    expect(one.manifest.redactions).toMatchObject({ "SECRET:github": 8 });
    expect(one.manifest.redactions.EMAIL).toBeGreaterThanOrEqual(16);
    expect(one.manifest.decontamination.hits).toBe(1);
    expect(one.manifest.counts.fim_documents.psm + one.manifest.counts.fim_documents.spm).toBeGreaterThan(
      100,
    );
    expect(one.manifest.counts.sequences).toBeGreaterThan(300);
    for (const other of [two, three]) {
      expect(other.manifest.content_hash).toBe(one.manifest.content_hash);
      expect(comparable(other.manifest)).toEqual(comparable(one.manifest));
      expect(other.shards).toEqual(one.shards);
    }
  });

  it("gives the same content hash with `uplift tune dataset --workers 1` and `--workers 2` (built worker)", () => {
    const hashes = ["1", "2"].map((workers) => {
      const { status, stdout, stderr } = runCli([
        "tune",
        "dataset",
        ...repos.flatMap((r) => ["--repo", r]),
        "--fim-rate",
        "0.5",
        "--workers",
        workers,
        "--out",
        path.join(work, `cli-${workers}`),
        "--json",
      ]);
      expect(stderr).not.toMatch(/error/i);
      expect(status).toBe(0);
      return (JSON.parse(stdout) as DatasetManifest).content_hash;
    });
    expect(hashes[1]).toBe(hashes[0]);
  });

  it("rejects --workers 0 (exit 2)", () => {
    const out = path.join(work, "cli-0");
    const { status, stderr } = runCli([
      "tune",
      "dataset",
      "--repo",
      repos[0] as string,
      "--workers",
      "0",
      "--out",
      out,
    ]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/--workers 0/);
  });
});
