import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { compileFilter, searchFilter as f, type SearchFilter } from "./filter.js";
import type { ColumnType } from "./types.js";

const columns = new Map<string, ColumnType>([
  ["id", "string"],
  ["repo", "string"],
  ["stars", "number"],
  ["public", "boolean"],
  ["acl_groups", "string[]"],
]);
const sql = (filter: SearchFilter) => compileFilter(filter, columns);

describe("compileFilter", () => {
  it("compiles eq, in and range with quoted identifiers and literals", () => {
    expect(sql(f.eq("repo", "billing"))).toBe("`repo` = 'billing'");
    expect(sql(f.eq("stars", 2.5))).toBe("`stars` = 2.5");
    expect(sql(f.eq("public", false))).toBe("`public` = FALSE");
    expect(sql(f.in("repo", ["a", "b"]))).toBe("`repo` IN ('a', 'b')");
    expect(sql(f.range("stars", { gte: 1, lt: 10 }))).toBe("`stars` >= 1 AND `stars` < 10");
  });

  it("doubles single quotes so a value cannot end its string literal", () => {
    expect(sql(f.eq("repo", "o'brien"))).toBe("`repo` = 'o''brien'");
    expect(sql(f.eq("repo", "x' OR '1'='1"))).toBe("`repo` = 'x'' OR ''1''=''1'");
    // LanceDB's SQL has no backslash escapes, so a backslash stays an ordinary character.
    expect(sql(f.eq("repo", "a\\' OR TRUE --"))).toBe("`repo` = 'a\\'' OR TRUE --'");
  });

  it("compiles anyOf to array_has_any over a string[] column", () => {
    expect(sql(f.anyOf("acl_groups", ["eng", "o'ps"]))).toBe(
      "array_has_any(`acl_groups`, make_array('eng', 'o''ps'))",
    );
  });

  it("compiles the ACL rule as public OR shares a group, and public only for a reader without groups", () => {
    expect(sql(f.readableBy({ groups: ["eng"] }))).toBe(
      "(`public` = TRUE) OR (array_has_any(`acl_groups`, make_array('eng')))",
    );
    expect(sql(f.readableBy({ groups: [] }))).toBe("(`public` = TRUE) OR (FALSE)");
  });

  it("nests and, or and not, and gives empty lists their identity", () => {
    expect(sql(f.and([f.eq("repo", "a"), f.not(f.eq("public", true))]))).toBe(
      "(`repo` = 'a') AND (NOT (`public` = TRUE))",
    );
    expect(sql(f.and([]))).toBe("TRUE");
    expect(sql(f.or([]))).toBe("FALSE");
    expect(sql(f.in("repo", []))).toBe("FALSE");
  });

  it("rejects unknown columns, wrong types and non-finite numbers with InputError", () => {
    const bad: [SearchFilter, RegExp][] = [
      [f.eq("nope", "x"), /unknown column "nope"/],
      [f.eq("repo", 1), /"repo" must be a string/],
      [f.eq("stars", Number.NaN), /finite number/],
      [f.eq("acl_groups", "eng"), /type string\[\] needs a column of type string or number or boolean/],
      [f.anyOf("repo", ["x"]), /needs a column of type string\[\]/],
      [f.range("stars", {}), /no bound/],
      [f.range("repo", { gt: 1 }), /needs a column of type number/],
      [{ kind: "eq", column: "repo; DROP", value: "x" }, /unknown column/],
    ];
    for (const [filter, message] of bad) {
      expect(() => sql(filter)).toThrow(InputError);
      expect(() => sql(filter)).toThrow(message);
    }
  });
});
