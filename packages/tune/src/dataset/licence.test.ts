import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LICENCE_ALLOW_LIST, detectLicence, licenceAllowed, licenceOfText } from "./licence.js";

describe("repository licence", () => {
  it("reads the SPDX id from package.json before the LICENSE text", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "uplift-licence-"));
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "x", license: "Apache-2.0" }));
    writeFileSync(
      path.join(dir, "LICENSE"),
      "Permission is hereby granted, free of charge, to any person obtaining a copy",
    );
    expect(await detectLicence(dir)).toEqual({ spdx: "Apache-2.0", source: "package.json" });
  });

  it("recognises licence texts and says unknown when nothing tells", async () => {
    expect(
      licenceOfText(
        "MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy",
      ),
    ).toBe("MIT");
    expect(
      licenceOfText(
        "                    GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007",
      ),
    ).toBe("GPL-3.0");
    expect(licenceOfText("Redistribution and use in source and binary forms ... Neither the name of")).toBe(
      "BSD-3-Clause",
    );
    const empty = mkdtempSync(path.join(tmpdir(), "uplift-licence-"));
    expect(await detectLicence(empty)).toEqual({ spdx: "unknown", source: undefined });
  });

  it("evaluates SPDX expressions against the allow-list", () => {
    const allow = DEFAULT_LICENCE_ALLOW_LIST;
    expect(licenceAllowed("MIT", allow)).toBe(true);
    expect(licenceAllowed("GPL-3.0-only", allow)).toBe(false);
    expect(licenceAllowed("(MIT OR GPL-3.0)", allow)).toBe(true);
    expect(licenceAllowed("MIT AND GPL-2.0", allow)).toBe(false);
    expect(licenceAllowed("Apache-2.0 WITH LLVM-exception", allow)).toBe(true);
    expect(licenceAllowed("GPL-3.0-or-later", ["GPL-3.0"])).toBe(true);
  });
});
