import { describe, expect, it } from "vitest";
import { plainInline } from "./plain-text.js";

describe("plainInline", () => {
  it("drops inline HTML anchors and undoes Markdown escapes, as generated docs write them", () => {
    expect(plainInline('Amazon EBS encryption<a name="EBSEncryption"></a>')).toBe("Amazon EBS encryption");
    expect(plainInline("Using encryption with EBS\\-backed AMIs\\.")).toBe(
      "Using encryption with EBS-backed AMIs.",
    );
    expect(plainInline("line one<br/>and `two`")).toBe("line oneand two");
  });

  it("keeps a link's text and an image's alt text, not the address", () => {
    expect(
      plainInline('See [Initializing volumes](ebs-initialize.md#init) and ![the chart](c.png "Chart")'),
    ).toBe("See Initializing volumes and the chart");
  });

  it("removes emphasis markers but keeps snake_case names, escaped stars and placeholders", () => {
    expect(plainInline("**Bold** and *em* and __strong__ and _em_")).toBe("Bold and em and strong and em");
    expect(plainInline("set max_connections and my_var_name")).toBe("set max_connections and my_var_name");
    expect(plainInline("a \\*literal\\* star")).toBe("a *literal* star");
    expect(plainInline("--instance-ids <instance-id>")).toBe("--instance-ids <instance-id>");
    expect(plainInline("2 * 3 * 4")).toBe("2 * 3 * 4");
  });
});
