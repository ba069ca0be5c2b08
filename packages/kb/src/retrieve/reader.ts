import { type Queryable, UserRepository } from "@uplift/core";

/** Who a search or answer is for: decides which documents may be seen. */
export interface Reader {
  /** Null for the anonymous reader (no `--as`). */
  login: string | null;
  groups: string[];
  /** False for a login that is not a user: it reads like the anonymous reader. */
  known: boolean;
}

/** The anonymous reader: sees documents without ACL only. */
export const ANONYMOUS_READER: Readonly<Reader> = { login: null, groups: [], known: false };

/**
 * Resolves `--as LOGIN` through the users table: a user reads public documents and those
 * shared with one of its groups; an unknown login, like no login at all, reads public
 * documents only (DESIGN: Security).
 */
export async function resolveReader(db: Queryable, login: string | undefined): Promise<Reader> {
  if (!login) return { ...ANONYMOUS_READER };
  const user = await new UserRepository(db).get(login);
  return user ? { login, groups: user.groups, known: true } : { login, groups: [], known: false };
}
