import type { Logger } from "../logger.js";
import type { Queryable } from "../store/types.js";
import {
  type GatewayEvent,
  type GatewayEventInput,
  gatewayEventSchema,
  type SuggestionEvent,
  type SuggestionEventInput,
  suggestionEventSchema,
} from "./gateway-event.js";

const GATEWAY_COLUMNS = [
  "id",
  "schema_version",
  "at",
  "login",
  "kind",
  "model",
  "status",
  "http_status",
  "latency_ms",
  "upstream_ms",
  "context_ms",
  "prompt_tokens",
  "completion_tokens",
  "context_tokens",
  "context_snippets",
  "context_used",
  "stream",
  "repo",
  "language",
  "client",
  "error_code",
  "experiment",
  "arm",
] as const satisfies readonly (keyof GatewayEvent)[];

const SUGGESTION_COLUMNS = [
  "schema_version",
  "completion_id",
  "at",
  "login",
  "event",
  "chars_suggested",
  "chars_kept",
] as const satisfies readonly (keyof SuggestionEvent)[];

/**
 * Writes telemetry events (tables of `telemetryMigrations`), each validated by its versioned
 * schema. `record` writes in the background so that a gateway answer never waits for the
 * store: a failed write is logged and counted (`failures`), never thrown at the request.
 * `flush` waits for the writes under way (tests, graceful shutdown).
 */
export class TelemetryWriter {
  private readonly pending = new Set<Promise<void>>();
  private failed = 0;

  constructor(
    private readonly db: Queryable,
    private readonly logger: Logger,
  ) {}

  /** Writes failed since this writer was created. */
  get failures(): number {
    return this.failed;
  }

  /** Stores a gateway event in the background. */
  record(event: GatewayEventInput): void {
    const write = this.writeGatewayEvent(event)
      .catch((error: unknown) => {
        this.failed++;
        this.logger.error({ err: error, id: event.id, kind: event.kind }, "could not store a gateway event");
      })
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  /** Stores a gateway event now; throws a ZodError for an invalid event or the store's error. */
  async writeGatewayEvent(event: GatewayEventInput): Promise<void> {
    const row = gatewayEventSchema.parse(event);
    await this.insert("gateway_events", GATEWAY_COLUMNS, row);
  }

  /** Stores what the IDE did with a suggestion; throws a ZodError for an invalid event or the store's error. */
  async writeSuggestionEvent(event: SuggestionEventInput): Promise<void> {
    const row = suggestionEventSchema.parse(event);
    await this.insert("suggestion_events", SUGGESTION_COLUMNS, row);
  }

  /** Resolves when every background write started so far has finished (stored or logged). */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private async insert<Row extends object>(
    table: string,
    columns: readonly (keyof Row & string)[],
    row: Row,
  ): Promise<void> {
    const placeholders = columns.map((_, i) => `$${i + 1}`).join(", ");
    await this.db.query(
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${placeholders})`,
      columns.map((column) => row[column]),
    );
  }
}
