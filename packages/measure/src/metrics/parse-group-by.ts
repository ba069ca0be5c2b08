import { InputError } from "@uplift/core";
import { GROUP_KEYS, type GroupBy } from "./types.js";

/**
 * Checks grouping keys (`author`, or several: `author,week`) given through `field` (a flag or an
 * API parameter, named in the error): each must be a known key, none repeated.
 */
export function parseGroupBy(keys: readonly string[] | undefined, field: string): GroupBy[] | undefined {
  if (keys === undefined) return undefined;
  const given = keys.join(",");
  for (const key of keys) {
    if (!(GROUP_KEYS as readonly string[]).includes(key))
      throw new InputError(`${field} ${given}: "${key}" is not one of ${GROUP_KEYS.join(", ")}`);
  }
  if (new Set(keys).size !== keys.length) throw new InputError(`${field} ${given}: a key is repeated`);
  return keys as GroupBy[];
}
