import type { Migration } from "@uplift/core";

/** Schema changes of @uplift/measure, ids "measure/NNNN_name", applied by the CLI's composition root. */
export const measureMigrations: readonly Migration[] = [];
