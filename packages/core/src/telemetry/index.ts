export {
  type GatewayEvent,
  type GatewayEventInput,
  gatewayEventSchema,
  type SuggestionEvent,
  type SuggestionEventInput,
  suggestionEventSchema,
  TELEMETRY_SCHEMA_VERSION,
} from "./gateway-event.js";
export { telemetryMigrations } from "./migrations.js";
export { TelemetryWriter } from "./telemetry-writer.js";
