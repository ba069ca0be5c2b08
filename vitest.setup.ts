import fc from "fast-check";

// Property tests explore a fixed seed in CI so a run is reproducible; set UPLIFT_FC_SEED to explore others.
fc.configureGlobal({ seed: Number(process.env.UPLIFT_FC_SEED ?? 20261126), numRuns: 100 });
