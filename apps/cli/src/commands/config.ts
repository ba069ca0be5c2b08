import { createContext } from "../context.js";
import type { GlobalOptions } from "../options.js";

export async function configShowCommand(global: GlobalOptions) {
  const ctx = createContext(global);
  ctx.print({ ...ctx.config, data_dir: ctx.dataDir }, (c) => JSON.stringify(c, null, 2));
}
