export { type ImportGitLabOptions, type ImportGitLabResult, importGitLab } from "./import-gitlab.js";
export { mapGitLabDeployment } from "./map-deployment.js";
export { type MergeRequestParts, mapMergeRequest } from "./map-merge-request.js";
