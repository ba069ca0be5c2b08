import { createRequire } from "node:module";
import AjvDraft04Module from "ajv-draft-04";
import addFormatsModule from "ajv-formats";

/** An ajv error, as the validator reports it. */
export interface SchemaProblem {
  /** JSON Pointer of the offending value, e.g. "/runs/0/results/3/level". */
  path: string;
  message: string;
}

export type SarifValidator = (value: unknown) => SchemaProblem[];

/**
 * The published SARIF 2.1.0 JSON schema (OASIS, final "rtm.5"; JSON Schema draft-04), read from
 * the @microsoft/jest-sarif package that ships it (MIT, Microsoft's SARIF SDK for JavaScript).
 */
const SCHEMA_FILE = "@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json";

// CommonJS packages: the default import is module.exports, which carries the class as `default` too.
const Ajv = AjvDraft04Module.default;
const addFormats = addFormatsModule.default;

let compiled: SarifValidator | undefined;

/** The validator of SARIF 2.1.0 logs, compiled on first use (~0.1 s) and reused. */
export function sarifValidator(): SarifValidator {
  if (compiled) return compiled;
  const schema = createRequire(import.meta.url)(SCHEMA_FILE) as Record<string, unknown>;
  // unicodeRegExp off: the schema's `language` pattern ("…{2}]?$") is not a valid Unicode-mode RegExp
  const ajv = new Ajv({ allErrors: false, strict: false, validateSchema: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  compiled = (value) => {
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => ({
      path: error.instancePath || "/",
      message: `${error.message ?? "invalid"}${
        error.keyword === "additionalProperties"
          ? ` (${String((error.params as { additionalProperty?: unknown }).additionalProperty)})`
          : error.keyword === "enum"
            ? ` (${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(", ")})`
            : ""
      }`,
    }));
  };
  return compiled;
}
