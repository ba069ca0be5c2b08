export { fakeEmbedding } from "./fake-openai/embeddings.js";
export { startFakeOpenAI } from "./fake-openai/server.js";
export type {
  FakeOpenAI,
  FakeOpenAIOptions,
  RecordedRequest,
  ScriptedResponse,
} from "./fake-openai/types.js";
export { type TinyGgufOptions, writeTinyGguf } from "./tiny-gguf.js";
