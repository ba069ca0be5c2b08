import type { AuthenticatedUser } from "./deps.js";

/** Hono environment of the Uplift app: what middleware hands to the handlers after it. */
export interface AppEnv {
  Variables: {
    /** Set by the bearer-token middleware on every authenticated route. */
    user: AuthenticatedUser;
    /** Overrides the `route` label of the HTTP metrics (e.g. "static" for dashboard assets). */
    routeLabel: string;
  };
}
