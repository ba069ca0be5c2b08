import { InputError, type Store } from "@uplift/core";
import type { Reader } from "./retrieve/reader.js";
import { AnswerRepository, type Vote } from "./store/answer-repository.js";

/** Parses the vote of `uplift kb feedback`: "up" or "down". */
export function parseVote(text: string | undefined): Vote {
  if (text === "up" || text === "down") return text;
  throw new InputError(`VOTE: "${text ?? ""}" is not up or down`);
}

/** Records a thumbs up/down (with an optional comment) on a stored answer, as the reader. */
export async function recordFeedback(
  store: Store,
  answerId: string,
  vote: Vote,
  reader: Reader,
  comment?: string,
): Promise<{ feedback_id: string; answer_id: string; vote: Vote; user: string | null }> {
  const text = comment?.trim();
  if (comment !== undefined && !text) throw new InputError("--comment: the comment is empty");
  if (text && text.length > 4000) throw new InputError("--comment: longer than 4,000 characters");
  const id = await new AnswerRepository(store).addFeedback(answerId, vote, reader.login, text);
  return { feedback_id: id, answer_id: answerId, vote, user: reader.login };
}
