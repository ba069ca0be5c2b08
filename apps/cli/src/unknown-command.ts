import type { Command } from "commander";

const OPTIONS_WITH_VALUE = new Set(["--data-dir", "--config", "--log-level", "--as"]);

/**
 * The first word of `args` that names no command, walking down the command tree, or
 * undefined. Commander shows the parent's help for `uplift nosuch --help` and exits 0; a
 * script probing for a command must instead learn that it does not exist (exit 2).
 */
export function findUnknownCommand(program: Command, args: readonly string[]): string | undefined {
  let current = program;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string;
    if (word === "--") return undefined;
    if (word.startsWith("-")) {
      if (OPTIONS_WITH_VALUE.has(word)) i++;
      continue;
    }
    if (current.commands.length === 0) return undefined;
    if (word === "help") return undefined;
    const next = current.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!next) return [...ancestry(current), word].join(" ");
    current = next;
  }
  return undefined;
}

function ancestry(command: Command): string[] {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names;
}
