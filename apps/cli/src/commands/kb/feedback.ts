import { parseVote, recordFeedback, resolveReader } from "@uplift/kb";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

export async function feedbackCommand(
  global: GlobalOptions,
  options: { comment?: string },
  [answerId, voteText]: string[],
) {
  const vote = parseVote(voteText);
  await withContext(global, async (ctx) => {
    const store = await ctx.store();
    const reader = await resolveReader(store, global.as);
    const feedback = await recordFeedback(store, answerId ?? "", vote, reader, options.comment);
    ctx.print(feedback, (f) => `recorded ${f.vote} on answer ${f.answer_id}${f.user ? ` as ${f.user}` : ""}`);
  });
}
