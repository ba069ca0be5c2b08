import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "@uplift/core";
import { z } from "zod";
import type { DocSource, KbDocument, ScanContext, SkippedItem, SourceConfig } from "../types.js";
import { decodeDocumentFile } from "./decode.js";
import { slackText, slackTime } from "./slack-text.js";

const usersSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string().optional(),
    real_name: z.string().optional(),
    profile: z
      .object({ real_name: z.string().optional(), display_name: z.string().optional() })
      .partial()
      .optional(),
  }),
);
const channelsSchema = z.array(z.object({ id: z.string(), name: z.string().min(1) }));
const messageSchema = z.object({
  type: z.string().optional(),
  subtype: z.string().optional(),
  user: z.string().optional(),
  username: z.string().optional(),
  text: z.string().default(""),
  ts: z.string().regex(/^\d+(\.\d+)?$/),
  thread_ts: z.string().optional(),
  reply_count: z.number().optional(),
});
type Message = z.output<typeof messageSchema>;

/** Joins, leaves and topic changes: not knowledge. */
const SKIPPED_SUBTYPES = new Set([
  "channel_join",
  "channel_leave",
  "channel_topic",
  "channel_purpose",
  "channel_name",
  "channel_archive",
  "channel_unarchive",
  "pinned_item",
]);

/**
 * A Slack workspace export (a folder with `users.json`, `channels.json` and one folder of
 * `YYYY-MM-DD.json` files per channel). Public channels only (`channels.json`; private channels
 * and DMs are not read). Each thread — its first message and every reply, across days — is one
 * document (`CHANNEL/THREAD_TS`); messages outside threads are one document per channel and day
 * (`CHANNEL/DAY`). User ids are resolved to names. URL: `--url-base` (the workspace, e.g.
 * `https://acme.slack.com`) + `/archives/CHANNEL_ID/pTS`. A day file that is not valid JSON is
 * skipped and reported, the rest of the channel is read, and the channel's indexed documents
 * are kept (not deleted) until the file can be read again.
 */
export const slackSource: DocSource = {
  type: "slack-export",
  description: "a Slack export folder (users.json, channels.json, one folder per channel)",
  async check(config) {
    const info = await stat(path.join(config.path, "channels.json")).catch(() => undefined);
    if (!info?.isFile())
      throw new InputError(
        `--path ${config.path}: no channels.json (unzip the Slack export and give its folder)`,
      );
  },
  async *scan(config, context) {
    const users = await readJson(path.join(config.path, "users.json"), usersSchema, true);
    const channels = await readJson(path.join(config.path, "channels.json"), channelsSchema, false);
    const names = new Map(
      (users ?? []).map((u) => [
        u.id,
        u.profile?.real_name || u.real_name || u.profile?.display_name || u.name || u.id,
      ]),
    );
    const userName = (id: string) => names.get(id) ?? id;
    for (const channel of [...(channels ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
      const dir = path.join(config.path, channel.name);
      const days = await readdir(dir).catch(() => [] as string[]);
      const groups = new Map<string, { day: string; messages: Message[] }>();
      for (const file of days.filter((f) => /^\d{4}-\d\d-\d\d\.json$/.test(f)).sort()) {
        const day = file.slice(0, 10);
        for (const message of await readDay(path.join(dir, file), `${channel.name}/`, context)) {
          if (message.type !== undefined && message.type !== "message") continue;
          if (message.subtype && SKIPPED_SUBTYPES.has(message.subtype)) continue;
          const key = message.thread_ts
            ? `t:${message.thread_ts}`
            : message.reply_count
              ? `t:${message.ts}`
              : `d:${day}`;
          const group = groups.get(key) ?? { day, messages: [] };
          group.messages.push(message);
          groups.set(key, group);
        }
      }
      for (const [key, group] of groups) yield threadDocument(key, group, channel, config, userName);
    }
  },
};

async function readJson<T>(file: string, schema: z.ZodType<T>, optional: boolean): Promise<T | undefined> {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (optional && error.code === "ENOENT") return undefined;
    throw new InputError(`${file}: cannot read (${error.code ?? error.message})`, { cause: error });
  });
  if (text === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${file}: [${issue?.path.join(".")}]: ${issue?.message}`);
  }
  return parsed.data;
}

/**
 * The messages of one day file; a file that is not JSON (or not messages) is skipped and
 * reported. Which documents it held is not known, so the channel's indexed ones are kept.
 */
async function readDay(file: string, channelPrefix: string, context: ScanContext): Promise<Message[]> {
  const keep = (item: SkippedItem) => context.skip({ ...item, keepIdsStartingWith: channelPrefix });
  const text = decodeDocumentFile(await readFile(file), file, path.basename(file), {
    ...context,
    skip: keep,
  });
  if (text === undefined) return [];
  try {
    return z.array(messageSchema).parse(JSON.parse(text));
  } catch (error) {
    keep({ where: file, reason: `not a day of Slack messages (${(error as Error).message.slice(0, 200)})` });
    return [];
  }
}

function threadDocument(
  key: string,
  group: { day: string; messages: Message[] },
  channel: { id: string; name: string },
  config: SourceConfig,
  userName: (id: string) => string,
): KbDocument {
  const messages = [...group.messages].sort((a, b) => Number(a.ts) - Number(b.ts));
  const first = messages[0] as Message;
  const last = messages[messages.length - 1] as Message;
  const lines = messages.map((m) => {
    const author = m.user ? userName(m.user) : (m.username ?? "unknown");
    return `**${author}** (${slackTime(m.ts).slice(0, 16).replace("T", " ")}): ${slackText(m.text, userName)}`;
  });
  const isThread = key.startsWith("t:");
  const firstLine = slackText(first.text, userName).split("\n")[0]?.trim() ?? "";
  const title = isThread
    ? `#${channel.name}: ${firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine || "thread"}`
    : `#${channel.name} on ${group.day}`;
  const base = config.urlBase?.replace(/\/+$/, "");
  return {
    id: `${channel.name}/${isThread ? key.slice(2) : group.day}`,
    title,
    text: lines.join("\n\n"),
    ...(base ? { url: `${base}/archives/${channel.id}/p${first.ts.replace(".", "")}` } : {}),
    updated_at: slackTime(last.ts),
    source: config.name,
    format: "markdown",
  };
}
