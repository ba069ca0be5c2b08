import { z } from "zod";

/**
 * The part of the OSV schema (https://ossf.github.io/osv-schema/) a scan reads. Unknown fields
 * are allowed (the schema grows); the fields read are checked, so a damaged record is named
 * and skipped instead of matching wrongly.
 */
const event = z.union([
  z.object({ introduced: z.string() }),
  z.object({ fixed: z.string() }),
  z.object({ last_affected: z.string() }),
  z.object({ limit: z.string() }),
]);

const range = z.object({
  type: z.enum(["SEMVER", "ECOSYSTEM", "GIT"]),
  repo: z.string().optional(),
  events: z.array(event).min(1),
});

const severity = z.object({ type: z.string(), score: z.string() });

const databaseSpecific = z.record(z.string(), z.unknown()).optional();

const affected = z.object({
  package: z
    .object({ ecosystem: z.string().min(1), name: z.string().min(1), purl: z.string().optional() })
    .optional(),
  ranges: z.array(range).optional(),
  versions: z.array(z.string()).optional(),
  severity: z.array(severity).optional(),
  database_specific: databaseSpecific,
});

export const osvRecordSchema = z.object({
  schema_version: z.string().optional(),
  id: z.string().min(1),
  modified: z.string().optional(),
  published: z.string().optional(),
  withdrawn: z.string().optional(),
  aliases: z.array(z.string()).optional(),
  summary: z.string().optional(),
  severity: z.array(severity).optional(),
  affected: z.array(affected).optional(),
  database_specific: databaseSpecific,
});

export type OsvRecord = z.infer<typeof osvRecordSchema>;
export type OsvAffected = z.infer<typeof affected>;
export type OsvRange = z.infer<typeof range>;
export type OsvEvent = z.infer<typeof event>;
export type OsvSeverity = z.infer<typeof severity>;
