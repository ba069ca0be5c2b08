import { describe, expect, it } from "vitest";
import { parseGroupBy } from "./parse-group-by.js";

describe("parseGroupBy", () => {
  it("accepts known keys in order and passes undefined through", () => {
    expect(parseGroupBy(["author", "week"], "--group-by")).toEqual(["author", "week"]);
    expect(parseGroupBy(undefined, "--group-by")).toBeUndefined();
  });

  it("names the field and the unknown or repeated key", () => {
    expect(() => parseGroupBy(["planet"], "group_by")).toThrow('group_by planet: "planet" is not one of');
    expect(() => parseGroupBy(["week", "week"], "--group-by")).toThrow(
      "--group-by week,week: a key is repeated",
    );
  });
});
