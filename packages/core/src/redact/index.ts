export { highEntropySpans, shannonEntropy } from "./entropy.js";
export { piiSpans } from "./pii.js";
export { type Redaction, type RedactOptions, redactText, redactTexts } from "./redact-text.js";
export { secretlintSpans, shortRuleId } from "./secret-rules.js";
export { addCounts, applySpans, type RedactionSpan } from "./spans.js";
