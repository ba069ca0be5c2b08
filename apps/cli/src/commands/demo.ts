import { TokenRepository, UserRepository } from "@uplift/core";
import { withContext } from "../context.js";
import type { GlobalOptions } from "../options.js";
import { runServer } from "../server-runtime.js";
import { parsePort } from "./serve.js";

/** The demo organisation's people; each later track adds its data (PRs, docs, code) here. */
const DEMO_USERS: { login: string; groups: string[] }[] = [
  { login: "admin", groups: ["admins"] },
  { login: "ann", groups: ["platform", "sre"] },
  { login: "bob", groups: ["web"] },
];

export async function demoCommand(global: GlobalOptions, options: { port?: string; serve: boolean }) {
  await withContext(global, async (ctx) => {
    const store = await ctx.store();
    const users = new UserRepository(store);
    for (const user of DEMO_USERS) await users.upsert(user.login, user.groups);
    const { token } = await new TokenRepository(store).create("admin", "demo");
    const summary = { data_dir: ctx.dataDir, users: DEMO_USERS.map((u) => u.login), token };
    if (!options.serve) {
      ctx.print(summary, (s) => `demo data in ${s.data_dir}\ntoken for admin: ${s.token}`);
      return;
    }
    const port = parsePort(options.port, ctx.config.server.port);
    await runServer(ctx, { port, host: ctx.config.server.host }, (url) => {
      ctx.print({ ...summary, url }, (s) =>
        [
          "",
          `  Uplift demo is running at ${s.url}`,
          `  Log in with this API token (user admin): ${s.token}`,
          `  Data directory: ${s.data_dir}`,
          "  Stop with Ctrl-C.",
          "",
        ].join("\n"),
      );
    });
  });
}
