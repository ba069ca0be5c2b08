import type { Queryable } from "../store/types.js";
import { checkName } from "./names.js";

/** A person or service account; `groups` decide which documents it may read (ACLs). */
export interface User {
  login: string;
  groups: string[];
  createdAt: Date;
}

interface UserRow {
  login: string;
  groups: string[];
  created_at: Date;
}

const COLUMNS = "login, groups, created_at";

/** Users and their groups, in the `users` table of `coreMigrations`. */
export class UserRepository {
  constructor(private readonly db: Queryable) {}

  /** Adds the user, or replaces the groups of an existing one. Duplicate groups are dropped. */
  async upsert(login: string, groups: readonly string[] = []): Promise<User> {
    checkName("login", login);
    const unique = [...new Set(groups.map((group) => checkName("group", group)))];
    const { rows } = await this.db.query<UserRow>(
      `INSERT INTO users (login, groups) VALUES ($1, $2)
       ON CONFLICT (login) DO UPDATE SET groups = EXCLUDED.groups
       RETURNING ${COLUMNS}`,
      [login, unique],
    );
    return toUser(only(rows));
  }

  async get(login: string): Promise<User | undefined> {
    const { rows } = await this.db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE login = $1`, [login]);
    return rows[0] ? toUser(rows[0]) : undefined;
  }

  /** All users, by login. */
  async list(): Promise<User[]> {
    const { rows } = await this.db.query<UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY login`);
    return rows.map(toUser);
  }
}

export function toUser(row: UserRow): User {
  return { login: row.login, groups: row.groups, createdAt: row.created_at };
}

function only<T>(rows: T[]): T {
  const [row] = rows;
  if (!row) throw new Error("INSERT … RETURNING returned no row");
  return row;
}
