/** One server-sent event. */
export interface SseEvent {
  /** The `event:` field; `message` when absent. */
  event: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  id?: string;
}

/**
 * Incremental server-sent-events parser (WHATWG HTML §9.2.6): feed it text in chunks split
 * anywhere — inside a line, between `\r` and `\n` — and it returns the completed events.
 * Comment lines (`: keep-alive`) and unknown fields are ignored; an event is dispatched at a
 * blank line and dropped when it has no data.
 */
export class SseParser {
  private buffer = "";
  private skipLeadingLf = false;
  private data: string[] = [];
  private event = "";
  private id: string | undefined;

  /** Adds text; returns the events completed by it. */
  push(text: string): SseEvent[] {
    let input = text;
    if (this.skipLeadingLf && input.startsWith("\n")) input = input.slice(1);
    this.skipLeadingLf = false;
    this.buffer += input;
    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c !== "\n" && c !== "\r") continue;
      const line = this.buffer.slice(start, i);
      if (c === "\r") {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === "\n") i++;
        } else {
          this.skipLeadingLf = true;
        }
      }
      start = i + 1;
      const event = this.line(line);
      if (event) events.push(event);
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  private line(line: string): SseEvent | undefined {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return undefined;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.data.push(value);
    else if (field === "event") this.event = value;
    else if (field === "id" && !value.includes("\u0000")) this.id = value;
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    const data = this.data;
    const event = this.event || "message";
    this.data = [];
    this.event = "";
    if (data.length === 0) return undefined;
    return this.id === undefined
      ? { event, data: data.join("\n") }
      : { event, data: data.join("\n"), id: this.id };
  }
}
