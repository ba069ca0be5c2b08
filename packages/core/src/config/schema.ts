import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65535);
const optionalString = z.string().trim().optional();

/** The schema of `uplift.yaml`; every key can be overridden by `UPLIFT_<SECTION>_<KEY>`. */
export const configSchema = z.strictObject({
  data_dir: z.string().min(1).default(".uplift"),
  log_level: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  server: z
    .strictObject({
      port: port.default(8080),
      host: z.string().min(1).default("127.0.0.1"),
    })
    .prefault({}),
  database: z
    .strictObject({
      /** Empty → PGlite in the data dir; `postgres://…` → a PostgreSQL server. */
      url: optionalString,
    })
    .prefault({}),
  search: z
    .strictObject({
      /** Empty → LanceDB under the data dir; a path or an `s3://`, `gs://`, `az://` URI otherwise. */
      uri: optionalString,
    })
    .prefault({}),
  queue: z
    .strictObject({
      /** Empty → in-process queue; `redis://…` → BullMQ on Redis. */
      redis_url: optionalString,
    })
    .prefault({}),
  llm: z
    .strictObject({
      base_url: optionalString,
      model: optionalString,
      /** Name of the environment variable holding the API key (the key itself is never stored). */
      api_key_env: optionalString,
      gguf_path: optionalString,
      timeout_ms: z.coerce.number().int().positive().default(60_000),
    })
    .prefault({}),
  embedder: z
    .strictObject({
      base_url: optionalString,
      model: optionalString,
      api_key_env: optionalString,
      onnx_dir: optionalString,
      /** Weight of the vector ranking against BM25's (1) in hybrid fusion; tune it with `kb eval`. */
      fusion_weight: z.coerce.number().min(0).max(10).default(1),
    })
    .prefault({}),
  reranker: z
    .strictObject({
      /** A TEI server (`http://host:8080`, POST /rerank) or a Cohere/Jina-style API (`…/v1`, POST /v1/rerank). */
      base_url: optionalString,
      model: optionalString,
      api_key_env: optionalString,
      /** Request shape; `auto`: `cohere` when `base_url` ends in `/v1`, else `tei`. */
      api: z.enum(["auto", "tei", "cohere"]).default("auto"),
      /** How many of the fused candidates are reranked. */
      top_n: z.coerce.number().int().min(1).max(1000).default(50),
      timeout_ms: z.coerce.number().int().positive().default(10_000),
    })
    .prefault({}),
});

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
