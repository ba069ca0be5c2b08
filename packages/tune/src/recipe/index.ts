/** Training recipes: framework configs, launch manifests and the sizing estimate (`uplift tune recipe`). */
export {
  attentionWidths,
  BASE_MODELS,
  type BaseModel,
  type CustomShapes,
  type ModelFamily,
  resolveBaseModel,
} from "./base-models.js";
export { type BuiltRecipe, buildRecipe } from "./build-recipe.js";
export {
  type DatasetInput,
  type DatasetSettingsSeen,
  type DatasetShard,
  DEFAULT_COLUMNS,
  type RecordColumns,
  readDatasetInput,
} from "./dataset-input.js";
export type { GeneratedFile } from "./generated-file.js";
export { GPU_KINDS, GPUS, GPUS_PER_NODE, type GpuKind, type GpuSpec } from "./gpus.js";
export {
  linearLayers,
  loraTargetModules,
  loraTrainableParameters,
  parameterCounts,
} from "./linear-layers.js";
export {
  CONTAINER_PATHS,
  FRAMEWORKS,
  type Framework,
  METHODS,
  type Method,
  type RecipeRequest,
  STAGES,
  type Stage,
  TARGETS,
  type Target,
} from "./recipe-request.js";
export {
  ACTIVATION_SCALE,
  ASSUMPTIONS,
  CALIBRATED_MFU,
  CALIBRATION,
  chooseMicroBatch,
  estimateSizing,
  type SizingEstimate,
  type SizingInput,
} from "./sizing.js";
export { writeRecipeFiles } from "./write-recipe.js";
