import type { Migration } from "@uplift/core";

/** Schema changes of @uplift/experiment, ids "experiment/NNNN_name", applied by the CLI's composition root. */
export const experimentMigrations: readonly Migration[] = [];
