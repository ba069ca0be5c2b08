import { describe, expect, it } from "vitest";
import { createApp } from "../create-app.js";
import { TEST_TOKEN, testServerDeps } from "../test-deps.js";

interface Document {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, Record<string, unknown>>; securitySchemes: Record<string, unknown> };
  security: unknown[];
}

async function fetchDocument(): Promise<{ app: ReturnType<typeof createApp>; doc: Document }> {
  const app = createApp(testServerDeps({ version: "3.4.5" }));
  const res = await app.request("/api/openapi.json", { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
  expect(res.status).toBe(200);
  return { app, doc: (await res.json()) as Document };
}

describe("GET /api/openapi.json", () => {
  it("is an OpenAPI 3.1 document with bearer security and the app's version", async () => {
    const { doc } = await fetchDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.version).toBe("3.4.5");
    expect(doc.components.securitySchemes.bearerToken).toEqual(
      expect.objectContaining({ type: "http", scheme: "bearer" }),
    );
    expect(doc.security).toEqual([{ bearerToken: [] }]);
  });

  it("documents exactly the /api routes the app serves", async () => {
    const { app, doc } = await fetchDocument();
    const served = app.routes
      .filter((route) => route.path.startsWith("/api/") && route.method !== "ALL")
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, "{$1}")}`)
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`))
      .sort();
    expect(documented).toEqual(served);
    expect(documented).toEqual([
      "get /api/campaigns",
      "get /api/code/repos",
      "get /api/experiments",
      "get /api/experiments/{name}",
      "get /api/experiments/{name}/report.html",
      "get /api/health",
      "get /api/kb/sources",
      "get /api/me",
      "get /api/measure/definitions",
      "get /api/measure/explain",
      "get /api/measure/metrics",
      "get /api/models",
      "get /api/openapi.json",
      "post /api/code/context",
      "post /api/code/search",
      "post /api/code/similar",
      "post /api/kb/ask",
      "post /api/kb/feedback",
      "post /api/kb/search",
      "post /api/telemetry/suggestions",
    ]);
  });

  it("documents the JSON request body of every POST operation", async () => {
    const { doc } = await fetchDocument();
    const posts = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => method === "post")
        .map(([, op]) => ({
          path,
          op: op as { requestBody?: { content: Record<string, { schema: unknown }> } },
        })),
    );
    expect(posts.length).toBe(7);
    for (const { path, op } of posts)
      expect(op.requestBody?.content["application/json"]?.schema, path).toEqual({
        $ref: expect.stringMatching(/^#\/components\/schemas\//),
      });
    expect(doc.components.schemas.CodeContextRequest).toMatchObject({
      type: "object",
      required: ["file", "line", "column"],
    });
    expect(doc.components.schemas.CodeSearchResponse).toMatchObject({
      properties: { results: { type: "array", items: { $ref: "#/components/schemas/CodeSearchHit" } } },
    });
  });

  it("documents the query parameters of GET /api/measure/metrics", async () => {
    const { doc } = await fetchDocument();
    const op = doc.paths["/api/measure/metrics"]?.get as unknown as {
      parameters: { name: string; in: string; required: boolean; schema: unknown }[];
    };
    expect(op.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ["from", "query", false],
      ["to", "query", false],
      ["group_by", "query", false],
      ["metric", "query", false],
    ]);
    expect(op.parameters[0]?.schema).toEqual({ type: "string" });
  });

  it("points every $ref at a component schema that exists", async () => {
    const { doc } = await fetchDocument();
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const name = ref?.replace("#/components/schemas/", "") ?? "";
      expect(doc.components.schemas[name], ref).toBeDefined();
    }
    expect(doc.components.schemas.User).toMatchObject({ type: "object", required: ["login", "groups"] });
    expect(doc.components.schemas.User).not.toHaveProperty("$schema");
  });
});
