import { type FakeOpenAI, startFakeOpenAI } from "@uplift/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../create-app.js";
import type { ModelsService } from "../services.js";
import { TEST_USER, testServerDeps } from "../test-deps.js";
import { memoryTelemetry } from "../test-services.js";
import { fakeLlm, postJson } from "./gateway-test-kit.js";

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ models: ["base-model", "acme-coder"] });
});
afterAll(async () => {
  await fake.close();
});

/** Routes only `routedLogin` (arm `treatment` of `rollout`) to acme-coder. */
function models(routedLogin: string): ModelsService & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    list: async () => ({ models: [], decisions: [], routes: [] }),
    routeFor: async (login) => {
      asked.push(login);
      return login === routedLogin
        ? {
            llm: fakeLlm(fake, "acme-coder"),
            name: "acme-coder",
            version: 2,
            experiment: "rollout",
            arm: "treatment",
          }
        : undefined;
    },
  };
}

describe("gateway routing by experiment arm", () => {
  it("answers a routed developer with the arm's model and records the experiment and arm", async () => {
    const { telemetry, events } = memoryTelemetry();
    const service = models(TEST_USER.login);
    const app = createApp(testServerDeps({ llm: fakeLlm(fake, "base-model"), models: service, telemetry }));
    const completion = await app.request(
      "/v1/completions",
      postJson({ prompt: "const a = ", max_tokens: 4 }),
    );
    expect(completion.status).toBe(200);
    expect(await completion.json()).toMatchObject({ model: "acme-coder" });
    const chat = await app.request(
      "/v1/chat/completions",
      postJson({ messages: [{ role: "user", content: "hello" }], max_tokens: 4 }),
    );
    expect(chat.status).toBe(200);
    expect(await chat.json()).toMatchObject({ model: "acme-coder" });
    expect(service.asked).toEqual(["ada", "ada"]);
    expect(events.map((e) => [e.kind, e.model, e.experiment, e.arm])).toEqual([
      ["completion", "acme-coder", "rollout", "treatment"],
      ["chat", "acme-coder", "rollout", "treatment"],
    ]);
  });

  it("answers everyone else with the configured model, with no arm in the event", async () => {
    const { telemetry, events } = memoryTelemetry();
    const app = createApp(
      testServerDeps({ llm: fakeLlm(fake, "base-model"), models: models("someone-else"), telemetry }),
    );
    const completion = await app.request(
      "/v1/completions",
      postJson({ prompt: "const a = ", max_tokens: 4 }),
    );
    expect(await completion.json()).toMatchObject({ model: "base-model" });
    expect(events.map((e) => [e.model, e.experiment, e.arm])).toEqual([["base-model", null, null]]);
  });
});
