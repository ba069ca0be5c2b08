import { z } from "zod";

/** The parts of GitLab REST v4 payloads the connector reads (docs.gitlab.com/api); other fields are dropped. */
const user = z.object({ username: z.string(), bot: z.boolean().optional() });

export const projectSchema = z.object({
  id: z.number(),
  path_with_namespace: z.string(),
  name: z.string().optional(),
});

/** `GET /projects/:id/merge_requests` item. */
export const mergeRequestSchema = z.object({
  iid: z.number().int(),
  title: z.string(),
  state: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  merged_at: z.string().nullable().optional(),
  closed_at: z.string().nullable().optional(),
  target_branch: z.string(),
  source_branch: z.string().optional(),
  // label names (hotfix / bug-fix detection, docs/measure-quality.md)
  labels: z.array(z.string()).default([]),
  author: user.nullable().optional(),
  reviewers: z.array(user).default([]),
  draft: z.boolean().optional(),
  work_in_progress: z.boolean().optional(),
  merge_commit_sha: z.string().nullable().optional(),
  squash_commit_sha: z.string().nullable().optional(),
  user_notes_count: z.number().int().optional(),
  web_url: z.string().optional(),
  changes_count: z.string().nullable().optional(),
});
export type MergeRequestPayload = z.infer<typeof mergeRequestSchema>;

/** `GET …/merge_requests/:iid/commits` item. */
export const mrCommitSchema = z.object({
  id: z.string(),
  authored_date: z.string(),
  author_email: z.string().nullable().optional(),
});
export type MrCommitPayload = z.infer<typeof mrCommitSchema>;

/** `GET …/merge_requests/:iid/notes` item; system notes record approvals and review requests. */
export const noteSchema = z.object({
  id: z.number(),
  type: z.string().nullable().optional(),
  body: z.string(),
  author: user.nullable().optional(),
  created_at: z.string(),
  system: z.boolean().default(false),
});
export type NotePayload = z.infer<typeof noteSchema>;

/** `GET …/merge_requests/:iid/approvals`. */
export const approvalsSchema = z.object({
  approved: z.boolean().optional(),
  approved_by: z.array(z.object({ user })).default([]),
});
export type ApprovalsPayload = z.infer<typeof approvalsSchema>;

/** `GET …/merge_requests/:iid/diffs` item. */
export const diffSchema = z.object({
  new_path: z.string(),
  diff: z.string().default(""),
  too_large: z.boolean().optional(),
  collapsed: z.boolean().optional(),
});
export type DiffPayload = z.infer<typeof diffSchema>;

/** `GET /projects/:id/environments` item. */
export const environmentSchema = z.object({
  id: z.number(),
  name: z.string(),
  tier: z.string().nullable().optional(),
});

/** `GET /projects/:id/deployments` item. */
export const gitlabDeploymentSchema = z.object({
  id: z.number().int(),
  iid: z.number().int().optional(),
  ref: z.string().optional(),
  sha: z.string(),
  status: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  finished_at: z.string().nullable().optional(),
  user: user.nullable().optional(),
  environment: z.object({ id: z.number(), name: z.string(), tier: z.string().nullable().optional() }),
  deployable: z.object({ finished_at: z.string().nullable().optional() }).nullable().optional(),
});
export type GitLabDeploymentPayload = z.infer<typeof gitlabDeploymentSchema>;
