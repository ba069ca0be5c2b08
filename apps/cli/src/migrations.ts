import { codeMigrations } from "@uplift/code";
import { coreMigrations, forgeMigrations, type Migration, telemetryMigrations } from "@uplift/core";
import { experimentMigrations } from "@uplift/experiment";
import { kbMigrations } from "@uplift/kb";
import { measureMigrations } from "@uplift/measure";
import { tuneMigrations } from "@uplift/tune";
import { upkeepMigrations } from "@uplift/upkeep";

/** Every package's migrations; the store applies the pending ones in id order on open. */
export const allMigrations: readonly Migration[] = [
  ...coreMigrations,
  ...telemetryMigrations,
  ...forgeMigrations,
  ...measureMigrations,
  ...experimentMigrations,
  ...kbMigrations,
  ...codeMigrations,
  ...tuneMigrations,
  ...upkeepMigrations,
];
