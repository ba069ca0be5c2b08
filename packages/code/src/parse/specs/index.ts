import type { LanguageId } from "../../walk/languages.js";
import type { LanguageSpec } from "../language-spec.js";
import { csharpSpec } from "./csharp.js";
import { goSpec } from "./go.js";
import { javaSpec } from "./java.js";
import { kotlinSpec } from "./kotlin.js";
import { pythonSpec } from "./python.js";
import { typescriptSpec } from "./typescript.js";

/** The extraction spec of each parsed language. */
export const LANGUAGE_SPECS: Partial<Record<LanguageId, LanguageSpec>> = {
  typescript: typescriptSpec,
  tsx: typescriptSpec,
  javascript: typescriptSpec,
  python: pythonSpec,
  java: javaSpec,
  go: goSpec,
  csharp: csharpSpec,
  kotlin: kotlinSpec,
};
