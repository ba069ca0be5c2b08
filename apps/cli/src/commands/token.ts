import { TokenRepository, UserRepository } from "@uplift/core";
import { withContext } from "../context.js";
import type { GlobalOptions } from "../options.js";

export async function tokenCreateCommand(global: GlobalOptions, options: { user: string; name?: string }) {
  await withContext(global, async (ctx) => {
    const store = await ctx.store();
    const users = new UserRepository(store);
    if (!(await users.get(options.user))) await users.upsert(options.user, []);
    const created = await new TokenRepository(store).create(options.user, options.name);
    ctx.print(
      { token: created.token, user: options.user, id: created.id },
      (t) => `${t.token}\n(token for ${t.user}; shown once, stored hashed — keep it somewhere safe)`,
    );
  });
}
