import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.js";
import type { ServerDeps } from "../deps.js";
import { createMcpServer } from "./mcp-tools.js";

/**
 * `/mcp`: MCP over streamable HTTP, stateless (no session: every POST carries a whole
 * exchange, so any instance behind a load balancer can answer it). The bearer middleware in
 * front sets the user; the tools read as that user. GET (a server-initiated stream) and DELETE
 * (end of a session) have no meaning without sessions: 405.
 */
export function createMcpRoutes(deps: ServerDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post("/", async (c) => {
    const server = createMcpServer(deps, c.var.user);
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      // the JSON answer is complete: nothing more goes over this transport
      await server.close();
    }
  });
  routes.on(["GET", "DELETE"], "/", (c) =>
    c.json(
      {
        jsonrpc: "2.0",
        error: { code: -32000, message: "Method not allowed: this MCP server is stateless; POST to /mcp" },
        id: null,
      },
      405,
      { Allow: "POST" },
    ),
  );
  return routes;
}
