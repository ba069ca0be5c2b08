import { UnavailableError } from "@uplift/core";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.js";
import type { CodeService } from "../services.js";
import {
  codeContextRequestSchema,
  codeSearchRequestSchema,
  codeSimilarRequestSchema,
} from "./code-schemas.js";
import { lineRange } from "./line-range.js";
import { parseBody } from "./parse-body.js";

/** `POST /api/code/search|similar|context`, `GET /api/code/repos`: the `uplift code` commands over HTTP. */
export function createCodeRoutes(code: CodeService | undefined): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const service = () => {
    if (!code) throw codeNotConfigured();
    return code;
  };

  routes.post("/search", async (c) => {
    const body = await parseBody(c, codeSearchRequestSchema);
    return c.json(await service().search(body));
  });

  routes.post("/similar", async (c) => {
    const body = await parseBody(c, codeSimilarRequestSchema);
    return c.json(
      await service().similar({ ...body, lines: body.lines ? lineRange(body.lines) : undefined }),
    );
  });

  routes.post("/context", async (c) => {
    const body = await parseBody(c, codeContextRequestSchema);
    return c.json(
      await service().context({
        file: body.file,
        text: body.text,
        repo: body.repo,
        line: body.line,
        column: body.column,
        budgetTokens: body.budget_tokens,
        fim: body.fim,
      }),
    );
  });

  routes.get("/repos", async (c) => c.json(await service().repos()));

  return routes;
}

/** The error every code operation gives when the server was started without the code index. */
export function codeNotConfigured(): UnavailableError {
  return new UnavailableError("the code index is not configured on this server", {
    hint: "start it with `uplift serve`, which wires the org code index (`uplift code index --path …`)",
  });
}
