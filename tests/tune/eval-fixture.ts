import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** An old library repository (`@acme/money`) and an application (`shop`) that uses it, with dated commits. */
export const MONEY_FORMAT = `/** Formats an amount in cents as a currency string, e.g. 1234 → "12.34 EUR". */
export function formatAmount(cents: number, currency = "EUR"): string {
  const units = Math.floor(cents / 100);
  const rest = String(cents % 100).padStart(2, "0");
  return \`\${units}.\${rest} \${currency}\`;
}

/** Parses "12.34" into cents. */
export function parseAmount(text: string): number {
  const [units, rest = "0"] = text.trim().split(".");
  return Number(units) * 100 + Number(rest.padEnd(2, "0").slice(0, 2));
}
`;

export const SHOP_RECEIPT = `import { formatAmount, parseAmount } from "@acme/money";

export interface Line {
  label: string;
  cents: number;
}

/** Renders one receipt line with its label padded to 20 characters. */
export function renderLine(line: Line): string {
  const label = line.label.padEnd(20, " ");
  return \`\${label}\${formatAmount(line.cents)}\`;
}

/** Total of all lines in cents. */
export function total(lines: Line[]): number {
  let sum = 0;
  for (const line of lines) sum += line.cents;
  return sum;
}

export function totalFromText(values: string[]): string {
  const cents = values.map((value) => parseAmount(value));
  return formatAmount(cents.reduce((a, b) => a + b, 0));
}
`;

export const SHOP_OLD = `/** Greets a customer by name. */
export function greet(name: string): string {
  const trimmed = name.trim();
  return "Hello, " + trimmed + "!";
}
`;

function git(cwd: string, date: string, ...args: string[]) {
  execFileSync("git", args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Dev",
      GIT_AUTHOR_EMAIL: "dev@example.com",
      GIT_COMMITTER_NAME: "Dev",
      GIT_COMMITTER_EMAIL: "dev@example.com",
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
    stdio: "ignore",
  });
}

function write(root: string, relative: string, text: string) {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), text);
}

/** Writes `money` (all of 2025) and `shop` (old.ts of 2025, receipt.ts of June 2026) under `dir`. */
export function writeEvalOrg(dir: string): { money: string; shop: string } {
  const money = path.join(dir, "money");
  const shop = path.join(dir, "shop");
  write(money, "package.json", JSON.stringify({ name: "@acme/money", version: "1.0.0" }));
  write(money, "src/format.ts", MONEY_FORMAT);
  git(money, "2025-01-10T10:00:00Z", "init", "-q", "-b", "main");
  git(money, "2025-01-10T10:00:00Z", "add", ".");
  git(money, "2025-01-10T10:00:00Z", "commit", "-q", "-m", "money");
  write(shop, "package.json", JSON.stringify({ name: "shop", dependencies: { "@acme/money": "1.0.0" } }));
  write(shop, "src/old.ts", SHOP_OLD);
  git(shop, "2025-02-01T10:00:00Z", "init", "-q", "-b", "main");
  git(shop, "2025-02-01T10:00:00Z", "add", ".");
  git(shop, "2025-02-01T10:00:00Z", "commit", "-q", "-m", "old");
  write(shop, "src/receipt.ts", SHOP_RECEIPT);
  git(shop, "2026-06-01T10:00:00Z", "add", ".");
  git(shop, "2026-06-01T10:00:00Z", "commit", "-q", "-m", "receipt");
  return { money, shop };
}
