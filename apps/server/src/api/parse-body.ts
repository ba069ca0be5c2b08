import { InputError } from "@uplift/core";
import type { Context } from "hono";
import type { z } from "zod";

/**
 * Reads the JSON body and validates it with `schema`. Bad JSON or a field that does not fit
 * throws InputError (400) naming the route and the field, e.g. `POST /api/code/search: field
 * k: expected a number`.
 */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const where = `${c.req.method} ${c.req.path}`;
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (error) {
    throw new InputError(`${where}: the body is not JSON`, {
      cause: error,
      hint: "send `Content-Type: application/json` with a JSON object",
    });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? `field ${issue.path.join(".")}` : "body";
    throw new InputError(`${where}: ${field}: ${issue?.message ?? "invalid"}`, { cause: parsed.error });
  }
  return parsed.data;
}
