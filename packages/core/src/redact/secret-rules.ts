import { lintSource } from "@secretlint/core";
import { creator as recommendedPreset } from "@secretlint/secretlint-rule-preset-recommend";
import type { RedactionSpan } from "./spans.js";

/**
 * secretlint's recommended preset (AWS, GCP, GitHub, GitLab, Slack, npm, OpenAI, Anthropic,
 * Stripe, private keys, basic auth and connection strings, …): the rule catalogue is theirs,
 * kept by that project, not written here. The AWS rule's access-key-id scan is off by default
 * in the preset; a training set must not keep key ids either, so it is switched on.
 */
const CONFIG: Parameters<typeof lintSource>[0]["options"]["config"] = {
  rules: [
    {
      id: "@secretlint/secretlint-rule-preset-recommend",
      rule: recommendedPreset,
      rules: [{ id: "@secretlint/secretlint-rule-aws", options: { enableIDScanRule: true } }],
    },
  ],
};

const RULE_PREFIX = /^@secretlint\/secretlint-rule-/;

/** `@secretlint/secretlint-rule-github` → `github`: the short rule id shown in placeholders. */
export function shortRuleId(ruleId: string): string {
  return ruleId.replace(RULE_PREFIX, "") || "secret";
}

/**
 * Spans that secretlint's recommended rules report in `text`. Messages are requested masked
 * (`maskSecrets`), so no clear value ever leaves secretlint; only the ranges are used.
 */
export async function secretlintSpans(text: string, fileName = "input.txt"): Promise<RedactionSpan[]> {
  const dot = fileName.lastIndexOf(".");
  const result = await lintSource({
    source: {
      content: text,
      filePath: fileName,
      ext: dot >= 0 ? fileName.slice(dot) : "",
      contentType: "text",
    },
    options: { config: CONFIG, maskSecrets: true, noPhysicFilePath: true },
  });
  return result.messages
    .filter((message) => message.range[1] > message.range[0])
    .map((message) => {
      const rule = shortRuleId(message.ruleId);
      return {
        start: message.range[0],
        end: message.range[1],
        type: `SECRET:${rule}`,
        placeholder: `<SECRET:${rule}>`,
      };
    });
}
