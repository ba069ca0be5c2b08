/**
 * Slack's message markup as plain text: `<@U123>` → `@Ann Lee` (users resolved), `<#C1|general>`
 * → `#general`, `<!here>` → `@here`, `<https://x|label>` → `label`, `<https://x>` → the URL, and
 * the three escaped entities.
 */
export function slackText(text: string, userName: (id: string) => string): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, label?: string) => `@${label || userName(id)}`)
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, "#$1")
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, "@$1")
    .replace(/<!subteam\^[A-Z0-9]+\|([^>]*)>/g, "$1")
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]*)>/g, "$2")
    .replace(/<((?:https?|mailto):[^>]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Slack's `ts` ("1709460000.123456", seconds) as ISO 8601. */
export function slackTime(ts: string): string {
  return new Date(Math.round(Number(ts) * 1000)).toISOString();
}
