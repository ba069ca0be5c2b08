import type { LanguageId } from "../walk/languages.js";

/**
 * Keywords kept as themselves when code is normalised (a union over the indexed languages);
 * every other identifier becomes `I`, so a copy with renamed variables looks the same.
 */
const KEYWORDS = new Set(
  (
    "if else for while do switch case default break continue return function def class interface struct enum " +
    "const let var new delete try catch finally throw throws raise except with as import from export package " +
    "public private protected static final abstract void int long short byte char float double bool boolean " +
    "string true false null nil None True False undefined this self super extends implements yield async await " +
    "in of is not and or lambda pass elif go defer func chan map range select type var using namespace override " +
    "virtual readonly get set out ref params where typeof instanceof"
  ).split(" "),
);

const TOKEN =
  /(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|(#[^\n]*)|("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|(\b\d[\w.]*)|([A-Za-z_$][\w$]*)|(=>|===|!==|==|!=|<=|>=|&&|\|\||\+\+|--|\+=|-=|\*=|\/=|->|::|<<|>>|\?\?|\?\.|\*\*|:=|[^\s\w])/g;

/** Languages whose `#` starts a comment. */
const HASH_COMMENTS = new Set<LanguageId | undefined>(["python", "ruby", "shell"]);

/**
 * Lexes code into normalised tokens for near-duplicate detection: comments dropped, string
 * literals → `S`, numbers → `N`, identifiers → `I` (keywords and member names after `.` kept,
 * since a renamed copy still calls the same methods), operators and punctuation as written.
 */
export function normalisedTokens(code: string, language?: LanguageId): string[] {
  const tokens: string[] = [];
  const hashComments = HASH_COMMENTS.has(language);
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(code); match; match = TOKEN.exec(code)) {
    if (match[1]) continue;
    if (match[2]) {
      if (hashComments) continue;
      tokens.push("#");
      TOKEN.lastIndex = match.index + 1;
      continue;
    }
    if (match[3]) tokens.push("S");
    else if (match[4]) tokens.push("N");
    else if (match[5]) {
      const word = match[5];
      const previous = tokens[tokens.length - 1];
      tokens.push(KEYWORDS.has(word) ? word : previous === "." || previous === "?." ? `.${word}` : "I");
    } else if (match[6]) tokens.push(match[6]);
  }
  return tokens;
}

/** Word tokens (identifiers, keywords, numbers) as written: the bag compared by sliding-window Jaccard. */
export function wordTokens(code: string): Set<string> {
  return new Set(code.match(/[A-Za-z_$][\w$]*|\d+/g) ?? []);
}
