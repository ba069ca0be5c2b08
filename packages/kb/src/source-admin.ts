import path from "node:path";
import { InputError, type SearchIndex, type Store, searchFilter } from "@uplift/core";
import { KB_CHUNKS_TABLE, openKbChunks } from "./index-table.js";
import { docSourceFor } from "./sources/index.js";
import { readIndexState } from "./store/index-state.js";
import { SourceRepository } from "./store/source-repository.js";
import type { SourceConfig } from "./types.js";

const SOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface AddSourceInput {
  name: string;
  type: string;
  /** Resolved against `cwd`. */
  path: string;
  acl?: readonly string[];
  urlBase?: string | undefined;
}

/**
 * `uplift kb source add`: checks the name, the type (planned types are refused, exit 2) and
 * the path with the source's plugin, then stores the source. Nothing is read until `kb sync`.
 */
export async function addSource(
  store: Store,
  input: AddSourceInput,
  cwd = process.cwd(),
): Promise<SourceConfig> {
  if (!SOURCE_NAME.test(input.name))
    throw new InputError(
      `NAME: "${input.name}" is not a valid source name (letters, digits, . _ -; up to 64)`,
    );
  const plugin = docSourceFor(input.type);
  if (!input.path.trim()) throw new InputError("--path: required");
  const config: SourceConfig = {
    name: input.name,
    type: plugin.type,
    path: plugin.localPath === false ? input.path.trim() : path.resolve(cwd, input.path),
    acl: [...(input.acl ?? [])],
    ...(input.urlBase ? { urlBase: input.urlBase } : {}),
  };
  await plugin.check(config);
  await new SourceRepository(store).add(config);
  return config;
}

/**
 * `uplift kb source remove`: deletes the source's chunks from the index, then the source, its
 * documents and chunks from the store (in that order, so a crash leaves nothing searchable
 * that the store has forgotten). Returns the number of index rows deleted.
 */
export async function removeSource(store: Store, index: SearchIndex, name: string): Promise<number> {
  await new SourceRepository(store).require(name);
  let deleted = 0;
  if ((await index.tableNames()).includes(KB_CHUNKS_TABLE)) {
    const table = await openKbChunks(index, await readIndexState(store));
    deleted = await table.deleteWhere(searchFilter.eq("source", name));
  }
  await new SourceRepository(store).remove(name);
  return deleted;
}
