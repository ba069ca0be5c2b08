import type { Migration } from "@uplift/core";

/** Schema changes of @uplift/code, ids "code/NNNN_name", applied by the CLI's composition root. */
export const codeMigrations: readonly Migration[] = [];
