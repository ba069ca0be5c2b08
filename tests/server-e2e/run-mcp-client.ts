import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const SCRIPT = fileURLToPath(new URL("./mcp-client.ts", import.meta.url));

export interface McpToolResult {
  content: { type: string; text: string }[];
  isError?: boolean;
  structuredContent?: Record<string, unknown>;
}

export interface McpSession {
  tools: { name: string; inputSchema: { required?: string[] } }[];
  results: McpToolResult[];
}

/**
 * Lists the tools of `url` (an `/mcp` endpoint) and calls each of `calls` with the MCP SDK's own
 * client, in a plain Node process (see mcp-client.ts). Rejects with the client's error.
 */
export async function runMcpClient(
  url: string,
  token: string,
  calls: { tool: string; arguments: Record<string, unknown> }[],
): Promise<McpSession> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [SCRIPT, url, token, JSON.stringify(calls)],
    {
      timeout: 60_000,
    },
  );
  const answer = JSON.parse(stdout) as McpSession | { error: string };
  if ("error" in answer) throw new Error(answer.error);
  return answer;
}
