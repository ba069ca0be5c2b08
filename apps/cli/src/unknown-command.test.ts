import { describe, expect, it } from "vitest";
import { buildProgram } from "./program.js";
import { findUnknownCommand } from "./unknown-command.js";

describe("findUnknownCommand", () => {
  const program = buildProgram();

  it("accepts known commands with global options before and after", () => {
    expect(findUnknownCommand(program, ["--data-dir", "d", "token", "create", "--json"])).toBeUndefined();
    expect(findUnknownCommand(program, ["user", "add", "ann", "--groups", "sre"])).toBeUndefined();
    expect(findUnknownCommand(program, ["--help"])).toBeUndefined();
  });

  it("names an unknown command at any depth", () => {
    expect(findUnknownCommand(program, ["nosuch", "--help"])).toBe("nosuch");
    expect(findUnknownCommand(program, ["--data-dir", "serve", "nosuch"])).toBe("nosuch");
    expect(findUnknownCommand(program, ["token", "frob", "--help"])).toBe("token frob");
  });
});
