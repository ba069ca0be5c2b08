/** HTML tags that documentation writes inline (anchors, line breaks, emphasis); placeholders such as `<instance-id>` are not among them. */
const INLINE_HTML =
  /<\/?(?:a|abbr|b|br|code|del|div|em|i|img|ins|kbd|mark|p|s|small|span|strong|sub|sup|u)\b[^<>]*>/gi;

/**
 * Inline Markdown as plain text, for titles and for the sentences an answer shows:
 * `**Bold** [link](url)\. <a name="x"></a>` → `Bold link.`. Links keep their text, inline HTML
 * tags go, emphasis and code markers go (a snake_case name keeps its underscores), and
 * backslash escapes of punctuation (`\.`, `\-`, common in generated docs) are undone.
 */
export function plainInline(text: string): string {
  return text
    .replace(INLINE_HTML, "")
    .replace(/!?\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(?<![\w*\\])\*(?=\S)(.+?)(?<=[^\s\\])\*(?![\w*])/g, "$1")
    .replace(/(?<![\w\\])_(?=\S)(.+?)(?<=[^\s\\])_(?!\w)/g, "$1")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}
