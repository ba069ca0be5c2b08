import { z } from "zod";

/** Response bodies of the /api routes; the TS types derive from them and so does the OpenAPI document. */

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable error code, e.g. UPLIFT_UNAUTHORIZED." }),
      message: z.string().meta({ description: "What went wrong and what to do about it." }),
    }),
  })
  .meta({ id: "Error", description: "Every error response has this shape." });

export const userSchema = z
  .object({
    login: z.string(),
    groups: z
      .array(z.string())
      .meta({ description: "Groups that grant read access to documents with an ACL." }),
  })
  .meta({ id: "User", description: "The user the API token reads as." });

export const dependencyHealthSchema = z
  .object({
    ok: z.boolean(),
    detail: z.string().optional().meta({ description: "Driver or failure, e.g. `pglite`." }),
  })
  .meta({ id: "DependencyHealth" });

export const instanceHealthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]).meta({ description: "`ok` when every dependency is ok." }),
    version: z.string(),
    started_at: z.iso.datetime(),
    uptime_seconds: z.number().nonnegative(),
    checks: z.record(z.string(), dependencyHealthSchema).meta({
      description: "One entry per dependency: store, search, queue, llm, …",
    }),
  })
  .meta({ id: "InstanceHealth" });

export type ErrorBodyResponse = z.infer<typeof errorBodySchema>;
export type UserResponse = z.infer<typeof userSchema>;
export type InstanceHealthResponse = z.infer<typeof instanceHealthSchema>;
