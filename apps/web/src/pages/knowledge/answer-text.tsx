import { Fragment } from "react";

/** The answer with each `[n]` marker turned into a link to citation n below it. */
export function AnswerText({ text, cited }: { text: string; cited: ReadonlySet<number> }) {
  const parts = text.split(/(\[\d+\])/);
  return (
    <p className="answer-text" data-testid="kb-answer-text">
      {parts.map((part, i) => {
        const n = /^\[(\d+)\]$/.exec(part)?.[1];
        if (n === undefined || !cited.has(Number(n)))
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never reorder
            <Fragment key={i}>{part}</Fragment>
          );
        return (
          <a
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never reorder
            key={i}
            className="citation-marker"
            href={`#citation-${n}`}
            data-testid={`citation-marker-${n}`}
          >
            [{n}]
          </a>
        );
      })}
    </p>
  );
}
