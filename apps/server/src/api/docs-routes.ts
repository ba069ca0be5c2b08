import { UnavailableError } from "@uplift/core";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.js";
import type { DocsService } from "../services.js";
import { docsAskRequestSchema, docsFeedbackRequestSchema, docsSearchRequestSchema } from "./docs-schemas.js";
import { parseBody } from "./parse-body.js";

/**
 * `POST /api/kb/search|ask|feedback`: `uplift kb search|ask|feedback` over HTTP, as the token's
 * user (ACLs as with `--as`); `GET /api/kb/sources`: each source's size and last sync
 * (`uplift kb source list`), only the sources the user may read.
 */
export function createDocsRoutes(docs: DocsService | undefined): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const service = () => {
    if (!docs) throw docsNotConfigured();
    return docs;
  };

  routes.post("/search", async (c) => {
    const body = await parseBody(c, docsSearchRequestSchema);
    return c.json(await service().search({ ...body, user: c.var.user }));
  });

  routes.post("/ask", async (c) => {
    const body = await parseBody(c, docsAskRequestSchema);
    return c.json(await service().ask({ question: body.question, user: c.var.user }));
  });

  routes.post("/feedback", async (c) => {
    const body = await parseBody(c, docsFeedbackRequestSchema);
    return c.json(
      await service().feedback({
        answerId: body.answer_id,
        vote: body.vote,
        comment: body.comment,
        user: c.var.user,
      }),
    );
  });

  routes.get("/sources", async (c) => c.json(await service().sources({ user: c.var.user })));

  return routes;
}

/** The error every docs operation gives when the server was started without the knowledge base. */
export function docsNotConfigured(): UnavailableError {
  return new UnavailableError("the knowledge base is not configured on this server", {
    hint: "start it with `uplift serve`, which wires the knowledge base (`uplift kb source add …`, `uplift kb sync`)",
  });
}
