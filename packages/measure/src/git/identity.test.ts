import { describe, expect, it } from "vitest";
import { IdentityTable, identityKey, isBotIdentity } from "./identity.js";

describe("identityKey", () => {
  it("uses the login of a GitHub noreply address, with or without the numeric id", () => {
    expect(identityKey("Bob", "12345+BobSmith@users.noreply.github.com")).toBe("bobsmith");
    expect(identityKey("Bob", "bobsmith@users.noreply.github.com")).toBe("bobsmith");
  });

  it("uses the lower-cased email otherwise, and the name when there is no email", () => {
    expect(identityKey("Ann", "Ann.Lee@Example.com")).toBe("ann.lee@example.com");
    expect(identityKey("Ann Lee", "")).toBe("Ann Lee");
  });
});

describe("isBotIdentity", () => {
  it("flags GitHub App bots and the usual dependency bots", () => {
    expect(isBotIdentity("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com")).toBe(true);
    expect(isBotIdentity("Renovate Bot", "bot@renovateapp.com")).toBe(true);
    expect(isBotIdentity("github-actions", "41898282+github-actions@users.noreply.github.com")).toBe(true);
  });

  it("does not flag people", () => {
    expect(isBotIdentity("Abbott Costello", "abbott@example.com")).toBe(false);
    expect(isBotIdentity("Ann", "ann@robotics.example")).toBe(false);
  });
});

describe("IdentityTable", () => {
  it("hands out one shared identity per name and email", () => {
    const table = new IdentityTable();
    expect(table.get("Ann", "ann@example.com")).toBe(table.get("Ann", "ann@example.com"));
    expect(table.get("Ann", "ann@other.example")).not.toBe(table.get("Ann", "ann@example.com"));
    expect(table.size).toBe(2);
  });

  it("resolves an identity to the developer login its email, key or name is an alias of", () => {
    const table = new IdentityTable(
      new Map([
        ["ann@example.com", "ann"],
        ["bobsmith", "bob"],
        ["carol doe", "carol"],
      ]),
    );
    expect(table.get("Ann Lee", "Ann@Example.com").login).toBe("ann");
    expect(table.get("Bob", "1+BobSmith@users.noreply.github.com")).toMatchObject({
      key: "bobsmith",
      login: "bob",
    });
    expect(table.get("Carol Doe", "carol@laptop.local").login).toBe("carol");
    expect(table.get("Dan", "dan@example.com").login).toBe("dan@example.com");
  });
});
