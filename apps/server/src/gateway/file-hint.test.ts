import { describe, expect, it } from "vitest";
import { filePathFromPrompt } from "./file-hint.js";

describe("filePathFromPrompt", () => {
  it.each([
    ["// Path: src/receipt.ts\nimport x", "src/receipt.ts"],
    ["# file: shop/receipt.py\n", "shop/receipt.py"],
    ["// src/money/format.ts\n", "src/money/format.ts"],
    ["<filename>app/src/Receipt.java\npackage x;", "app/src/Receipt.java"],
    ["<|file_sep|>lib/format.go\n", "lib/format.go"],
    ["#!/usr/bin/env python\n# File: tools/run.py\n", "tools/run.py"],
  ])("finds the path named in %j", (prompt, expected) => {
    expect(filePathFromPrompt(prompt)).toBe(expected);
  });

  it.each([
    "const total = 1.5;\n",
    "// returns 2.5 times the value\n",
    "// see the docs\n",
    "\n\n\n\n\n// Path: too/far/down.ts\n",
  ])("finds none in %j", (prompt) => {
    expect(filePathFromPrompt(prompt)).toBeUndefined();
  });
});
