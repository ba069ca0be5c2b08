import { BlockList, isIPv4, isIPv6 } from "node:net";
import type { RedactionSpan } from "./spans.js";

/**
 * Personal data found by pattern, as the BigCode PII pipeline does for StarCoder's data:
 * e-mail addresses, IPv4/IPv6 addresses (validated with node:net) and phone numbers written
 * with separators. Addresses that identify no one are kept, as BigCode keeps private ones:
 * private, loopback, link-local and unspecified ranges, the documentation ranges (RFC 5737,
 * 2001:db8::/32), netmasks and other reserved space (`10.0.0.0/16` in a VPC guide, `127.0.0.1`
 * in code), and dotted quads of single digits (versions, section numbers).
 */
const EMAIL_AT =
  /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w-])/y;
const IPV4 = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.]|\.\d)/g;
/** `+49 30 1234 5678`, `+1-202-555-0143`, `(202) 555-0143`, `202-555-0143`, `202.555.0143`. */
const PHONE =
  /(?<![\w+.-])(?:\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]\d{2,4}){2,4}|\(\d{3}\) ?\d{3}[ .-]\d{4}|\d{3}([.-])\d{3}\1\d{4})(?![\w.-]*\d)/g;

/** Ranges whose addresses are not personal data (Python's `ipaddress` `is_private` and kin). */
const NOT_PERSONAL = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 3], // multicast, reserved, netmasks (255.255.255.0), broadcast
] as const)
  NOT_PERSONAL.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 127], // unspecified and loopback
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
] as const)
  NOT_PERSONAL.addSubnet(network, prefix, "ipv6");
/** `1.2.3.4`: in code a version or a section number far more often than an address. */
const SINGLE_DIGIT_OCTETS = /^\d\.\d\.\d\.\d$/;

function each(pattern: RegExp, text: string, visit: (match: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) visit(m);
}

/** Spans of e-mail addresses, IP addresses and phone numbers in `text`. */
export function piiSpans(text: string): RedactionSpan[] {
  const spans: RedactionSpan[] = [];
  const add = (m: RegExpExecArray, type: string) =>
    spans.push({ start: m.index, end: m.index + m[0].length, type, placeholder: `<${type}>` });
  for (const [start, end] of emailCandidates(text))
    spans.push({ start, end, type: "EMAIL", placeholder: "<EMAIL>" });
  each(IPV4, text, (m) => {
    if (isIPv4(m[0]) && !NOT_PERSONAL.check(m[0], "ipv4") && !SINGLE_DIGIT_OCTETS.test(m[0]))
      add(m, "IP_ADDRESS");
  });
  for (const [start, end] of ipv6Candidates(text))
    spans.push({ start, end, type: "IP_ADDRESS", placeholder: "<IP_ADDRESS>" });
  each(PHONE, text, (m) => {
    const digits = m[0].replace(/\D/g, "").length;
    if (digits >= 10 && digits <= 15) add(m, "PHONE");
  });
  return spans;
}

const LOCAL_PART_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN_START = /[A-Za-z0-9]/;

/**
 * E-mail addresses found from each `@` with an address character on both sides (code is full of
 * `@param`, `@Component`, `@scope/pkg`): the local part is walked back (at most 64 characters)
 * and EMAIL is matched from there, sticky, so the pattern never scans a whole file.
 */
function emailCandidates(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let from = 0;
  for (let at = text.indexOf("@", from); at !== -1; at = text.indexOf("@", from)) {
    from = at + 1;
    if (!LOCAL_PART_CHAR.test(text.charAt(at - 1)) || !DOMAIN_START.test(text.charAt(at + 1))) continue;
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_PART_CHAR.test(text.charAt(start - 1))) start--;
    while (start < at && !/[A-Za-z0-9]/.test(text.charAt(start))) start++; // an address starts with a letter or digit
    EMAIL_AT.lastIndex = start;
    const m = EMAIL_AT.exec(text);
    if (m) {
      found.push([start, start + m[0].length]);
      from = start + m[0].length;
    }
  }
  return found;
}

const HEX_OR_COLON = /[0-9A-Fa-f:]/;
const WORD = /[\w]/;

/**
 * IPv6 candidates found from each `::` or hex–colon–hex: the maximal run of hex digits and
 * colons around it, bounded by non-word characters, validated by isRealIpv6. Anchoring on the
 * colons keeps this linear and cheap on code, where colons are everywhere.
 */
function ipv6Candidates(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let from = 0;
  for (let colon = text.indexOf(":", from); colon !== -1; colon = text.indexOf(":", from)) {
    from = colon + 1;
    const before = text.charAt(colon - 1);
    const after = text.charAt(colon + 1);
    if (!HEX_OR_COLON.test(before) || !HEX_OR_COLON.test(after) || (before === ":" && after === ":"))
      continue;
    let start = colon;
    while (start > 0 && HEX_OR_COLON.test(text.charAt(start - 1))) start--;
    let end = colon + 1;
    while (end < text.length && HEX_OR_COLON.test(text.charAt(end))) end++;
    from = end;
    if (WORD.test(text.charAt(start - 1)) || WORD.test(text.charAt(end))) continue;
    if (end - start <= 45 && isRealIpv6(text.slice(start, end))) found.push([start, end]);
  }
  return found;
}

/** An IPv6 address that is data: valid, public, and not a C++/Rust path such as `a::b`. */
function isRealIpv6(candidate: string): boolean {
  if (!isIPv6(candidate) || NOT_PERSONAL.check(candidate, "ipv6")) return false;
  const groups = candidate.split(":").filter(Boolean);
  const hexDigits = groups.join("").length;
  return groups.length >= 3 && hexDigits >= 8 && groups.some((g) => /\d/.test(g));
}
