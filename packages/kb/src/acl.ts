import { InputError } from "@uplift/core";

const GROUP = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;

/** True for a valid group name (the same rule as `uplift user add --groups`). */
export function isGroupName(name: string): boolean {
  return GROUP.test(name);
}

/** Parses `--acl G1,G2`; throws InputError naming the bad group. */
export function parseAclList(text: string, flag = "--acl"): string[] {
  const groups = text
    .split(",")
    .map((group) => group.trim())
    .filter(Boolean);
  for (const group of groups) {
    if (!isGroupName(group))
      throw new InputError(`${flag}: "${group}" is not a valid group name (letters, digits, . _ @ -)`);
  }
  return [...new Set(groups)];
}

/**
 * The groups that may read a document: its own ACL when it has one, else the source's `--acl`;
 * empty means every user may read it.
 */
export function effectiveAcl(
  documentAcl: readonly string[] | undefined,
  sourceAcl: readonly string[],
): string[] {
  const own = documentAcl && documentAcl.length > 0 ? documentAcl : sourceAcl;
  return [...new Set(own)].sort();
}
