/**
 * The URLs of an RFC 8288 `Link` header by relation, e.g.
 * `<https://api.github.com/…&page=2>; rel="next", <…&page=5>; rel="last"` → `{ next, last }`.
 * GitHub and GitLab both paginate with it.
 */
export function parseLinkHeader(header: string | null | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) return links;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match?.[1]) continue;
    const rels = /;\s*rel="?([^";]+)"?/i.exec(match[2] ?? "")?.[1];
    for (const rel of rels?.split(/\s+/) ?? []) links[rel.toLowerCase()] ??= match[1];
  }
  return links;
}
