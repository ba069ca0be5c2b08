import type { Migration } from "@uplift/core";

/** Schema changes of @uplift/kb, ids "kb/NNNN_name", applied by the CLI's composition root. */
export const kbMigrations: readonly Migration[] = [];
