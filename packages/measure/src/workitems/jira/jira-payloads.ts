import { z } from "zod";

/** The fields of Jira payloads the connector reads (Cloud REST v3 and Server/DC v2 share them). */
const user = z
  .object({
    accountId: z.string().optional(),
    name: z.string().optional(),
    key: z.string().optional(),
    emailAddress: z.string().optional(),
    displayName: z.string().optional(),
  })
  .nullish();

export const changelogItemSchema = z.object({
  field: z.string(),
  fieldtype: z.string().optional(),
  from: z.string().nullish(),
  fromString: z.string().nullish(),
  to: z.string().nullish(),
  toString: z.string().nullish(),
});

export const historySchema = z.object({
  id: z.string(),
  created: z.string(),
  items: z.array(changelogItemSchema),
});
export type JiraHistory = z.output<typeof historySchema>;

const statusCategory = z.object({ key: z.string(), name: z.string().optional() });

export const issueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z
    .object({
      summary: z.string().nullish(),
      issuetype: z.object({ name: z.string() }),
      status: z.object({ name: z.string(), statusCategory: statusCategory.optional() }),
      created: z.string(),
      updated: z.string(),
      resolutiondate: z.string().nullish(),
      assignee: user,
      project: z.object({ key: z.string() }).optional(),
    })
    .catchall(z.unknown()),
  changelog: z
    .object({
      startAt: z.number().default(0),
      maxResults: z.number().optional(),
      total: z.number().optional(),
      histories: z.array(historySchema),
    })
    .optional(),
});
export type JiraIssue = z.output<typeof issueSchema>;

/** Server/DC v2 and Cloud v3 `/search`: offset pagination. */
export const searchPageSchema = z.object({
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number(),
  issues: z.array(issueSchema),
});

/** Cloud v3 `/search/jql`: token pagination. */
export const searchJqlPageSchema = z.object({
  issues: z.array(issueSchema),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

/** `/issue/{key}/changelog`. */
export const changelogPageSchema = z.object({
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number(),
  isLast: z.boolean().optional(),
  values: z.array(historySchema),
});

/** `/rest/api/2/field`: custom field ids by name ("Sprint", "Story Points"). */
export const fieldsSchema = z.array(
  z.object({ id: z.string(), name: z.string(), custom: z.boolean().optional() }),
);

/** `/rest/api/2/status`: every status with its category (new, indeterminate, done). */
export const statusesSchema = z.array(
  z.object({ name: z.string(), statusCategory: statusCategory.optional() }),
);

/** `/rest/dev-status/latest/issue/detail`: pull requests linked through development information. */
export const devInfoSchema = z.object({
  detail: z
    .array(
      z.object({
        pullRequests: z.array(z.object({ id: z.string().optional(), url: z.string() })).default([]),
      }),
    )
    .default([]),
});
