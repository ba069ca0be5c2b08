/**
 * Drives `/mcp` with the MCP SDK's own client (Client + StreamableHTTPClientTransport) in a
 * plain Node process: `node tests/server-e2e/mcp-client.ts URL TOKEN CALLS_JSON`, where CALLS_JSON
 * is `[{ "tool": "search_code", "arguments": { … } }, …]`. Prints `{ "tools": [...], "results": [...] }`
 * (or `{ "error": "…" }`) on stdout.
 *
 * A separate process because the SDK client imports `eventsource-parser`, whose package exports a
 * `source` condition (TypeScript sources) that the monorepo's test runner also sets for its own
 * packages; Node refuses to strip types under node_modules.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, token, callsJson] = process.argv.slice(2);
try {
  const client = new Client({ name: "uplift-e2e", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url ?? ""), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  const { tools } = await client.listTools();
  const results = [];
  for (const call of JSON.parse(callsJson ?? "[]") as { tool: string; arguments: Record<string, unknown> }[])
    results.push(await client.callTool({ name: call.tool, arguments: call.arguments }));
  await client.close();
  process.stdout.write(`${JSON.stringify({ tools, results })}\n`);
} catch (error) {
  process.stdout.write(
    `${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`,
  );
}
