/** The fake's notion of a token: a word with its leading whitespace, or a run of whitespace. */
export function fakeTokens(text: string): string[] {
  return text.match(/\s*\S+|\s+/g) ?? [];
}

export interface Generated {
  text: string;
  finishReason: string;
}

/** Applies `stop` sequences and `max_tokens` to a text the way an OpenAI endpoint does. */
export function limitText(text: string, maxTokens: number | undefined, stop: string[]): Generated {
  let cut = text;
  let finishReason = "stop";
  for (const s of stop) {
    const at = s ? cut.indexOf(s) : -1;
    if (at >= 0) cut = cut.slice(0, at);
  }
  const tokens = fakeTokens(cut);
  if (maxTokens !== undefined && tokens.length > maxTokens) {
    cut = tokens.slice(0, maxTokens).join("");
    finishReason = "length";
  }
  return { text: cut, finishReason };
}

/** Default chat answer: echoes the last user message. */
export function defaultChatText(messages: { role?: unknown; content?: unknown }[]): string {
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  return `echo: ${contentText(lastUser?.content)}`;
}

/** Default completion answer: echoes the prompt, or names the gap for fill-in-the-middle. */
export function defaultCompletionText(prompt: string, suffix: string | undefined): string {
  if (suffix === undefined) return `echo: ${prompt}`;
  const before = prompt.split("\n").at(-1) ?? "";
  const after = suffix.split("\n")[0] ?? "";
  return `fill between ${JSON.stringify(before)} and ${JSON.stringify(after)}`;
}

/** Text of a message `content`: a string, or the text parts of a content array. */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((part: { type?: unknown; text?: unknown }) =>
        part?.type === "text" ? String(part.text ?? "") : "",
      )
      .join("");
  }
  return "";
}
