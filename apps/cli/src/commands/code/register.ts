import type { Command } from "commander";

/** Adds the `uplift code …` commands (DESIGN: CLI contract); implementations load lazily. */
export function registerCodeCommands(_program: Command): void {}
