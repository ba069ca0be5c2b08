export { type Config, type ConfigInput, configSchema, type LoadConfigOptions, loadConfig } from "./config/index.js";
export {
  ConfigError,
  ConflictError,
  CorruptDataError,
  describeError,
  type ErrorKind,
  exitCodeFor,
  httpStatusFor,
  InputError,
  NotFoundError,
  UnauthorizedError,
  UnavailableError,
  UpliftError,
  type UpliftErrorOptions,
} from "./errors.js";
export { createLogger, type Logger, type LoggerOptions, silentLogger } from "./logger.js";
