import { type Command, CommanderError } from "commander";
import { findUnknownCommand } from "./unknown-command.js";

/** Exit codes of DESIGN.md: 0 ok, 1 runtime failure, 2 bad input. */
export async function runCli(program: Command, argv: string[]): Promise<void> {
  const unknown = findUnknownCommand(program, argv.slice(2));
  if (unknown) {
    process.stderr.write(`uplift: unknown command "${unknown}" (run uplift --help for the list)\n`);
    process.exitCode = 2;
    return;
  }
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = await reportError(error);
  }
}

async function reportError(error: unknown): Promise<number> {
  if (error instanceof CommanderError) {
    // help and version "errors" are successful exits; every other parse error is bad input
    if (
      error.code === "commander.helpDisplayed" ||
      error.code === "commander.version" ||
      error.exitCode === 0
    )
      return 0;
    return 2;
  }
  // core is loaded only now, so `uplift --help` never pays for it
  const { describeError, exitCodeFor, UpliftError } = await import("@uplift/core");
  process.stderr.write(`uplift: ${describeError(error)}\n`);
  if (!(error instanceof UpliftError) && error instanceof Error && process.env.UPLIFT_DEBUG) {
    process.stderr.write(`${error.stack}\n`);
  }
  return exitCodeFor(error);
}
