export { type ExportIdentitiesResult, exportIdentities, identityFileRows } from "./export-identities.js";
export {
  compareIdentityRows,
  formatIdentityCsv,
  IDENTITY_FILE_COLUMNS,
  type IdentityFileRow,
} from "./identity-csv.js";
export {
  DEFAULT_IDENTITY_SOURCE,
  type ImportIdentitiesResult,
  importIdentities,
  parseIdentityTable,
} from "./import-identities.js";
export { findUnresolvedIdentities } from "./unresolved-identities.js";
