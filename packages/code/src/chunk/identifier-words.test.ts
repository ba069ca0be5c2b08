import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandQuery, identifierWordsText, splitIdentifier } from "./identifier-words.js";

describe("identifier words", () => {
  it("splits camelCase, PascalCase, acronyms, digits and snake_case", () => {
    expect(splitIdentifier("formatAmount")).toEqual(["format", "amount"]);
    expect(splitIdentifier("HTTPServer2")).toEqual(["http", "server", "2"]);
    expect(splitIdentifier("parse_json_body")).toEqual(["parse", "json", "body"]);
    expect(splitIdentifier("XMLHttpRequest")).toEqual(["xml", "http", "request"]);
    expect(splitIdentifier("$scope")).toEqual(["scope"]);
  });

  it("gives compound identifiers their words, once each", () => {
    expect(identifierWordsText("formatAmount(x); formatAmount(y); total")).toBe("format amount");
  });

  it("adds the words of compound identifiers to a query", () => {
    expect(expandQuery("formatAmount")).toBe("formatAmount format amount");
    expect(expandQuery("format amount")).toBe("format amount");
  });

  it("keeps every letter of an identifier, lowercased, in order", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,30}$/), (identifier) => {
        expect(splitIdentifier(identifier).join("")).toBe(identifier.replace(/_/g, "").toLowerCase());
      }),
    );
  });
});
