import { buildRecipe, type Framework, METHODS, type RecipeRequest, STAGES, TARGETS } from "@uplift/tune";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { request } from "./recipe-fixture.js";
import {
  AXOLOTL_CONFIG,
  K8S_CONFIG_MAP,
  K8S_JOB,
  RAY_JOB,
  SKYPILOT_TASK,
  TORCHTUNE_RECIPE_KEYS,
  TRL_DPO_ARGS,
  TRL_SFT_ARGS,
  unknownKeys,
  unknownTorchtuneComponents,
} from "./recipe-schema-keys.js";

/** One model per framework family that framework supports, so every builder path is exercised. */
const MODELS: Record<Framework, string[]> = {
  axolotl: ["codellama-13b", "starcoder2-7b"],
  torchtune: ["codellama-13b", "qwen2.5-coder-1.5b", "llama3.1-8b"],
  trl: ["deepseek-coder-6.7b", "starcoder2-3b"],
};

const cases = (Object.keys(MODELS) as Framework[]).flatMap((framework) =>
  MODELS[framework].flatMap((base) =>
    METHODS.flatMap((method) =>
      STAGES.flatMap((stage) => [1, 4].map((gpus) => ({ framework, base, method, stage, gpus }))),
    ),
  ),
);

function fileOf(req: RecipeRequest, name: string): string {
  const file = buildRecipe(req).files.find((f) => f.path === name);
  if (!file) throw new Error(`${name} not generated`);
  return file.content;
}

describe("framework configs use only their framework's documented keys", () => {
  it.each(cases)(
    "$framework $base $method $stage on $gpus GPUs",
    ({ framework, base, method, stage, gpus }) => {
      const req = request(base, method, stage, framework, "k8s", { gpus });
      const text = fileOf(req, `${framework}.yaml`);
      const config = parse(text) as Record<string, unknown>;
      if (framework === "axolotl") {
        expect(unknownKeys(config, AXOLOTL_CONFIG)).toEqual([]);
        expect(config.base_model).toBe(req.model.hfId);
        expect(config.adapter).toBe(method === "full" ? undefined : method);
        expect(config.rl).toBe(stage === "dpo" ? "dpo" : undefined);
      } else if (framework === "torchtune") {
        const recipe = /tune run (\S+) --config/.exec(text)?.[1] ?? "";
        const allowed = TORCHTUNE_RECIPE_KEYS[recipe];
        expect(allowed, `recipe ${recipe}`).toBeDefined();
        expect(Object.keys(config).filter((k) => !allowed?.has(k))).toEqual([]);
        expect(unknownTorchtuneComponents(config)).toEqual([]);
        expect(
          recipe.startsWith(
            stage === "dpo"
              ? method === "full"
                ? "full_dpo"
                : "lora_dpo"
              : method === "full"
                ? "full_finetune"
                : "lora_finetune",
          ),
        ).toBe(true);
      } else {
        expect(unknownKeys(config, stage === "dpo" ? TRL_DPO_ARGS : TRL_SFT_ARGS)).toEqual([]);
        expect(config.use_peft).toBe(method === "full" ? undefined : true);
        expect(config.load_in_4bit).toBe(method === "qlora" ? true : undefined);
      }
    },
  );

  it("catches a key the framework does not define", () => {
    const req = request("codellama-13b", "lora", "cpt", "axolotl", "k8s");
    const config = parse(fileOf(req, "axolotl.yaml")) as Record<string, unknown>;
    expect(unknownKeys({ ...config, lora_rank: 16 }, AXOLOTL_CONFIG)).toEqual(["lora_rank"]);
    const datasets = config.datasets as Record<string, unknown>[];
    expect(unknownKeys({ ...config, datasets: [{ ...datasets[0], feild: "text" }] }, AXOLOTL_CONFIG)).toEqual(
      ["datasets[0].feild"],
    );
    const trl = parse(
      fileOf(request("deepseek-coder-1.3b", "lora", "sft", "trl", "k8s"), "trl.yaml"),
    ) as object;
    expect(unknownKeys({ ...trl, warmup_ratio: 0.1 }, TRL_SFT_ARGS)).toEqual(["warmup_ratio"]);
    const tt = parse(fileOf(request("llama3.1-8b", "lora", "sft", "torchtune", "k8s"), "torchtune.yaml")) as {
      model: object;
    };
    expect(unknownTorchtuneComponents({ ...tt, model: { ...tt.model, rank: 8 } })).toEqual([
      "model.rank: not an argument of torchtune.models.llama3_1.lora_llama3_1_8b",
    ]);
  });
});

describe("launch manifests", () => {
  const targetCases = TARGETS.flatMap((target) =>
    (["axolotl", "torchtune", "trl"] as const).map((framework) => ({ target, framework })),
  );

  it.each(targetCases)(
    "$target manifest for $framework has the orchestrator's keys and required fields",
    ({ target, framework }) => {
      const req = request("codellama-13b", "lora", "sft", framework, target, { gpus: 4, gpu: "a100-80" });
      const built = buildRecipe(req);
      const frameworkFile = built.files.find((f) => f.path === `${framework}.yaml`);
      if (target === "skypilot") {
        const task = parse(built.files.find((f) => f.path === "skypilot.yaml")?.content ?? "") as Record<
          string,
          unknown
        >;
        expect(unknownKeys(task, SKYPILOT_TASK)).toEqual([]);
        expect(task.num_nodes).toBe(1);
        expect(task.resources).toMatchObject({ accelerators: "A100-80GB:4" });
        expect(task.workdir).toBe(".");
        expect(String(task.run)).toContain(
          `${framework === "trl" ? "trl sft" : framework === "axolotl" ? "axolotl train" : "tune run"}`,
        );
        return;
      }
      const file = built.files.find((f) => f.path === (target === "k8s" ? "k8s-job.yaml" : "ray-job.yaml"));
      const docs = parseAllDocuments(file?.content ?? "").map((d) => d.toJS() as Record<string, unknown>);
      expect(docs.map((d) => d.kind)).toEqual(["ConfigMap", target === "k8s" ? "Job" : "RayJob"]);
      const [configMap, workload] = docs as [Record<string, unknown>, Record<string, unknown>];
      expect(unknownKeys(configMap, K8S_CONFIG_MAP)).toEqual([]);
      // the ConfigMap carries the framework config byte for byte
      expect((configMap.data as Record<string, string>)[`${framework}.yaml`]).toBe(frameworkFile?.content);
      expect(unknownKeys(workload, target === "k8s" ? K8S_JOB : RAY_JOB)).toEqual([]);
      expect((workload.metadata as { name: string }).name).toBe(req.name);

      const pods =
        target === "k8s"
          ? [(workload as unknown as JobDoc).spec.template]
          : [
              (workload as unknown as RayDoc).spec.rayClusterSpec.headGroupSpec.template,
              ...(workload as unknown as RayDoc).spec.rayClusterSpec.workerGroupSpecs.map((g) => g.template),
            ];
      for (const pod of pods) {
        expect(pod.spec.containers.length).toBeGreaterThan(0);
        for (const c of pod.spec.containers) {
          expect(c.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
          expect(c.image).toBeTruthy();
          // every mount names a volume of the pod
          for (const m of c.volumeMounts ?? [])
            expect(pod.spec.volumes?.map((v) => v.name)).toContain(m.name);
        }
      }
      const gpuPod = pods[pods.length - 1] as Pod;
      const gpuContainer = gpuPod.spec.containers[0] as Container;
      expect(gpuContainer.resources?.limits?.["nvidia.com/gpu"]).toBe(4);
      expect(gpuContainer.resources?.requests?.["nvidia.com/gpu"]).toBe(4);
      const claims = gpuPod.spec.volumes?.flatMap((v) =>
        v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [],
      );
      expect(claims).toEqual(["uplift-dataset", "uplift-checkpoints"]);

      if (target === "k8s") {
        const job = workload as unknown as JobDoc;
        expect(workload.apiVersion).toBe("batch/v1");
        expect(["Never", "OnFailure"]).toContain(job.spec.template.spec.restartPolicy);
        expect(gpuContainer.command?.[2]).toContain(
          framework === "torchtune" ? "tune run --nproc_per_node=4" : framework,
        );
      } else {
        const ray = workload as unknown as RayDoc;
        expect(workload.apiVersion).toBe("ray.io/v1");
        expect(ray.spec.entrypoint).toMatch(/^bash -c '/);
        expect(ray.spec.entrypointNumGpus).toBe(4);
        expect(ray.spec.rayClusterSpec.headGroupSpec.rayStartParams).toEqual({});
        for (const group of ray.spec.rayClusterSpec.workerGroupSpecs) {
          expect(group.groupName).toBeTruthy();
          expect(group.minReplicas).toBeLessThanOrEqual(group.maxReplicas);
        }
      }
    },
  );

  it("spreads more than one node of GPUs over SkyPilot nodes with a torchrun rendezvous", () => {
    const built = buildRecipe(request("codellama-34b", "full", "cpt", "axolotl", "skypilot", { gpus: 16 }));
    const task = parse(built.files.find((f) => f.path === "skypilot.yaml")?.content ?? "") as Record<
      string,
      unknown
    >;
    expect(task.num_nodes).toBe(2);
    expect(task.resources).toMatchObject({ accelerators: "H100:8" });
    expect(task.run).toContain("--nnodes=2 --nproc_per_node=8 --node_rank=$SKYPILOT_NODE_RANK");
    expect(task.run).toContain("--rdzv_endpoint=$MASTER_ADDR:29500");
    const axolotl = parse(built.files.find((f) => f.path === "axolotl.yaml")?.content ?? "") as Record<
      string,
      unknown
    >;
    expect(axolotl.deepspeed).toBe("deepspeed_configs/zero3_bf16.json");
  });

  it("refuses more than one node on Kubernetes and torchtune for a model it cannot build", () => {
    expect(() =>
      buildRecipe(request("codellama-13b", "lora", "cpt", "axolotl", "k8s", { gpus: 16 })),
    ).toThrow(/one node/);
    expect(() => buildRecipe(request("starcoder2-7b", "lora", "cpt", "torchtune", "k8s"))).toThrow(
      /no model builder for StarCoder2 7B/,
    );
  });
});

interface Container {
  name: string;
  image: string;
  command?: string[];
  volumeMounts?: { name: string }[];
  resources?: { limits?: Record<string, number>; requests?: Record<string, number> };
}
interface Pod {
  spec: {
    restartPolicy?: string;
    containers: Container[];
    volumes?: { name: string; persistentVolumeClaim?: { claimName: string } }[];
  };
}
interface JobDoc {
  spec: { template: Pod };
}
interface RayDoc {
  spec: {
    entrypoint: string;
    entrypointNumGpus: number;
    rayClusterSpec: {
      headGroupSpec: { template: Pod; rayStartParams: object };
      workerGroupSpecs: { groupName: string; minReplicas: number; maxReplicas: number; template: Pod }[];
    };
  };
}
