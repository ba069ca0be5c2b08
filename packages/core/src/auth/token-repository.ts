import { createHash, randomBytes } from "node:crypto";
import { NotFoundError } from "../errors.js";
import type { Queryable } from "../store/types.js";
import { checkName } from "./names.js";
import { toUser, type User } from "./user-repository.js";

/** An API token's metadata; the token itself is never stored, only its sha256. */
export interface ApiToken {
  id: string;
  login: string;
  name: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** What `create` returns: the metadata plus the plaintext token, which is shown this once. */
export interface CreatedToken extends ApiToken {
  token: string;
}

interface TokenRow {
  id: string;
  login: string;
  name: string | null;
  created_at: Date;
  last_used_at: Date | null;
}

const TOKEN = /^upl_[A-Za-z0-9_-]{43}$/;
const COLUMNS = "id, login, name, created_at, last_used_at";
/** `last_used_at` is refreshed at most this often, so that verifying is not a write per request. */
const TOUCH_INTERVAL = "60 seconds";

/** sha256 (hex) of a token: what `api_tokens.token_hash` holds. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** API tokens: `upl_` + 32 random bytes (base64url), stored hashed, resolved to their user. */
export class TokenRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Creates a token for an existing user and returns it in plaintext, once.
   * @throws NotFoundError when the user does not exist.
   */
  async create(login: string, name?: string): Promise<CreatedToken> {
    checkName("login", login);
    const token = `upl_${randomBytes(32).toString("base64url")}`;
    const id = `tok_${randomBytes(8).toString("hex")}`;
    try {
      const { rows } = await this.db.query<TokenRow>(
        `INSERT INTO api_tokens (id, login, token_hash, name) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
        [id, login, hashToken(token), name ?? null],
      );
      const [row] = rows;
      if (!row) throw new Error("INSERT … RETURNING returned no row");
      return { ...toToken(row), token };
    } catch (error) {
      if ((error as { code?: unknown }).code !== "23503") throw error; // foreign_key_violation
      throw new NotFoundError(`user "${login}" does not exist`, {
        cause: error,
        hint: `add it with \`uplift user add ${login}\``,
      });
    }
  }

  /** The token's user, or undefined for an unknown, revoked or malformed token. */
  async verify(token: string): Promise<User | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const { rows } = await this.db.query<{ login: string; groups: string[]; created_at: Date }>(
      `WITH hit AS (
         SELECT t.id, t.last_used_at, u.login, u.groups, u.created_at
         FROM api_tokens t JOIN users u ON u.login = t.login
         WHERE t.token_hash = $1
       ), touched AS (
         UPDATE api_tokens SET last_used_at = now()
         WHERE id IN (SELECT id FROM hit WHERE last_used_at IS NULL OR last_used_at < now() - interval '${TOUCH_INTERVAL}')
       )
       SELECT login, groups, created_at FROM hit`,
      [hashToken(token)],
    );
    return rows[0] ? toUser(rows[0]) : undefined;
  }

  /** Tokens (never their values), newest first; only `login`'s when given. */
  async list(login?: string): Promise<ApiToken[]> {
    const { rows } = login
      ? await this.db.query<TokenRow>(
          `SELECT ${COLUMNS} FROM api_tokens WHERE login = $1 ORDER BY created_at DESC, id`,
          [login],
        )
      : await this.db.query<TokenRow>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at DESC, id`);
    return rows.map(toToken);
  }

  /**
   * Deletes the token; requests with it fail from now on.
   * @throws NotFoundError when no token has this id.
   */
  async revoke(id: string): Promise<void> {
    const { rowCount } = await this.db.query("DELETE FROM api_tokens WHERE id = $1", [id]);
    if (rowCount === 0)
      throw new NotFoundError(`no API token has the id "${id}"`, { hint: "check the token id (`tok_…`)" });
  }
}

function toToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}
