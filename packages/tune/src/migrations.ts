import type { Migration } from "@uplift/core";
import { MODEL_REGISTRY_MIGRATION } from "./registry/registry-migration.js";

/** Schema changes of @uplift/tune, ids "tune/NNNN_name", applied by the CLI's composition root. */
export const tuneMigrations: readonly Migration[] = [MODEL_REGISTRY_MIGRATION];
