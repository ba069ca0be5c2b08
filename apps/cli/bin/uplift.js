#!/usr/bin/env node
// Launcher: Uplift runs on Node 24 LTS, shipped as the `node` devDependency. When this file is
// started by an older Node (e.g. a machine's Node 20 on PATH), re-run it on the pinned one.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  const require = createRequire(import.meta.url);
  let pinned;
  try {
    pinned = path.join(path.dirname(require.resolve("node/package.json")), "bin", "node");
  } catch {
    pinned = undefined;
  }
  if (!pinned || !existsSync(pinned)) {
    process.stderr.write(
      `uplift: needs Node.js 22 or newer (this is ${process.version}); run \`npm ci\` to install the pinned Node 24\n`,
    );
    process.exit(1);
  }
  const result = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  process.exit(result.status ?? 1);
}
await import("../dist/main.js");
