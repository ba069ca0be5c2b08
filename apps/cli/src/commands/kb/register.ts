import type { Command } from "commander";

/** Adds the `uplift kb …` commands (DESIGN: CLI contract); implementations load lazily. */
export function registerKbCommands(_program: Command): void {}
