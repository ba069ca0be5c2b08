import { createContext, withContext } from "../context.js";
import { seedDemo } from "../demo-seed.js";
import type { GlobalOptions } from "../options.js";
import { runServer } from "../server-runtime.js";
import { parsePort } from "./serve.js";

/**
 * `uplift demo` (what `npm start` runs): seeds the demo organisation into the data dir, then
 * serves the dashboard and prints the URL and a token. Each track adds its data to the seed.
 */
export async function demoCommand(global: GlobalOptions, options: { port?: string; serve: boolean }) {
  const progress = (line: string) => process.stderr.write(`  ${line}\n`);
  const ctx = createContext(global);
  let summary: Awaited<ReturnType<typeof seedDemo>>;
  try {
    summary = await seedDemo(ctx, progress);
  } finally {
    await ctx.close();
  }
  const lines = (url?: string) =>
    [
      "",
      url ? `  Uplift demo is running at ${url}` : `  Uplift demo data is ready in ${summary.data_dir}`,
      `  Log in with this API token (user admin): ${summary.token}`,
      `  Measure: ${summary.measure.developers} developers, ${summary.measure.prs} PRs, ${summary.measure.deployments} deployments, ${summary.measure.incidents} incidents (simulated, known ground truth)`,
      `  Experiment: ${summary.experiment.sentence}`,
      `  Knowledge base: ${"documents" in summary.kb ? `${summary.kb.documents} documents from ${summary.kb.source}` : summary.kb.skipped}`,
      `  Code index: ${"files" in summary.code ? `${summary.code.files} files in ${summary.code.repositories} repositories` : summary.code.skipped}`,
      '  Try: npx uplift measure metrics --group-by arm · npx uplift kb ask "how are API tokens stored?" · npx uplift code search "reciprocal rank fusion"',
      url ? "  Stop with Ctrl-C." : "",
      "",
    ].join("\n");
  if (!options.serve) {
    process.stdout.write(global.json ? `${JSON.stringify(summary, null, 2)}\n` : `${lines()}\n`);
    return;
  }
  await withContext(global, async (serving) => {
    const port = parsePort(options.port, serving.config.server.port);
    await runServer(serving, { port, host: serving.config.server.host }, (url) => {
      process.stdout.write(
        global.json ? `${JSON.stringify({ ...summary, url }, null, 2)}\n` : `${lines(url)}\n`,
      );
    });
  });
}
