import { type FormEvent, useCallback, useState } from "react";
import { askDocs, type DocsAnswer, sendDocsFeedback } from "../../api/knowledge.js";
import { useApiCall } from "../../api/use-api-call.js";
import { AnswerText } from "./answer-text.js";

interface AskPanelProps {
  token: string;
  onUnauthorized(): void;
}

/** Ask box → POST /api/kb/ask: the cited answer, its sources, and a thumbs up/down. */
export function AskPanel({ token, onUnauthorized }: AskPanelProps) {
  const [question, setQuestion] = useState("");
  const ask = useCallback((signal: AbortSignal, q: string) => askDocs(token, q, signal), [token]);
  const [state, run] = useApiCall(ask, onUnauthorized);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (question.trim()) run(question.trim());
  }

  return (
    <section aria-labelledby="ask-title" className="panel section">
      <h2 id="ask-title">Ask</h2>
      <form className="query-form" onSubmit={submit}>
        <label htmlFor="kb-question">Question</label>
        <input
          id="kb-question"
          data-testid="kb-question"
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          placeholder="How do we deploy the shop?"
        />
        <button type="submit" className="primary" data-testid="kb-ask" disabled={state.kind === "loading"}>
          Ask
        </button>
      </form>
      {state.kind === "loading" && (
        <p className="muted" aria-live="polite">
          Answering…
        </p>
      )}
      {state.kind === "failed" && (
        <p className="error" role="alert" data-testid="kb-ask-error">
          {state.message}
        </p>
      )}
      {state.kind === "done" && <Answer answer={state.value} token={token} onUnauthorized={onUnauthorized} />}
    </section>
  );
}

function Answer({
  answer,
  token,
  onUnauthorized,
}: {
  answer: DocsAnswer;
  token: string;
  onUnauthorized(): void;
}) {
  const cited = new Set(answer.citations.map((c) => c.n));
  return (
    <div className="answer" data-testid="kb-answer">
      <AnswerText text={answer.answer} cited={cited} />
      <p className="muted small">
        {answer.grounded ? "Grounded in the sources below" : "Not grounded in the sources"} · by{" "}
        {answer.generator}
        {answer.retrieval && ` · retrieval: ${answer.retrieval}`}
      </p>
      {answer.note && <p className="notice small">{answer.note}</p>}
      {answer.citations.length > 0 && (
        <ol className="citations" data-testid="kb-citations">
          {answer.citations.map((c) => (
            <li key={c.n} id={`citation-${c.n}`} value={c.n}>
              {c.url ? (
                <a href={c.url} target="_blank" rel="noreferrer" data-testid={`citation-link-${c.n}`}>
                  {c.title ?? c.doc_id}
                </a>
              ) : (
                <strong data-testid={`citation-link-${c.n}`}>{c.title ?? c.doc_id}</strong>
              )}
              <blockquote>{c.quote}</blockquote>
            </li>
          ))}
        </ol>
      )}
      {answer.answer_id && (
        <Feedback
          key={answer.answer_id}
          answerId={answer.answer_id}
          token={token}
          onUnauthorized={onUnauthorized}
        />
      )}
    </div>
  );
}

function Feedback({
  answerId,
  token,
  onUnauthorized,
}: {
  answerId: string;
  token: string;
  onUnauthorized(): void;
}) {
  const [comment, setComment] = useState("");
  const send = useCallback(
    (_signal: AbortSignal, vote: "up" | "down") =>
      sendDocsFeedback(token, {
        answer_id: answerId,
        vote,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    [token, answerId, comment],
  );
  const [state, run] = useApiCall(send, onUnauthorized);
  if (state.kind === "done")
    return (
      <p className="feedback-thanks" role="status" data-testid="kb-feedback-recorded">
        Thanks, your {state.value.vote === "up" ? "like" : "dislike"} is recorded.
      </p>
    );
  return (
    <div className="feedback">
      <span className="muted">Was this helpful?</span>
      <input
        aria-label="Comment (optional)"
        placeholder="Comment (optional)"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <button
        type="button"
        className="secondary"
        data-testid="kb-like"
        disabled={state.kind === "loading"}
        onClick={() => run("up")}
      >
        Like
      </button>
      <button
        type="button"
        className="secondary"
        data-testid="kb-dislike"
        disabled={state.kind === "loading"}
        onClick={() => run("down")}
      >
        Dislike
      </button>
      {state.kind === "failed" && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
