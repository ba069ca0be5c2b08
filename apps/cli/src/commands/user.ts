import { InputError, type User, UserRepository } from "@uplift/core";
import { withContext } from "../context.js";
import type { GlobalOptions } from "../options.js";

const LOGIN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;

export function parseGroups(text: string): string[] {
  const groups = text
    .split(",")
    .map((g) => g.trim())
    .filter(Boolean);
  for (const group of groups) {
    if (!LOGIN.test(group))
      throw new InputError(`--groups: "${group}" is not a valid group name (letters, digits, . _ @ -)`);
  }
  return [...new Set(groups)];
}

export async function userAddCommand(global: GlobalOptions, options: { groups: string }, [login]: string[]) {
  if (!login || !LOGIN.test(login))
    throw new InputError(`LOGIN: "${login ?? ""}" is not a valid login (letters, digits, . _ @ -)`);
  const groups = parseGroups(options.groups);
  await withContext(global, async (ctx) => {
    const user = toJson(await new UserRepository(await ctx.store()).upsert(login, groups));
    ctx.print(user, (u) => `user ${u.login}${u.groups.length ? ` (groups: ${u.groups.join(", ")})` : ""}`);
  });
}

export async function userListCommand(global: GlobalOptions) {
  await withContext(global, async (ctx) => {
    const users = (await new UserRepository(await ctx.store()).list()).map(toJson);
    ctx.print({ users }, ({ users }) =>
      users.length
        ? users.map((u) => `${u.login}\t${u.groups.join(",")}`).join("\n")
        : "no users yet (uplift user add LOGIN)",
    );
  });
}

function toJson(user: User) {
  return { login: user.login, groups: user.groups, created_at: user.createdAt };
}
