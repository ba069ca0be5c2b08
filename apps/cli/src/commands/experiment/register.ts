import type { Command } from "commander";

/** Adds the `uplift experiment …` commands (DESIGN: CLI contract); implementations load lazily. */
export function registerExperimentCommands(_program: Command): void {}
