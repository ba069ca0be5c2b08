import { createServer } from "node:net";
import { UnavailableError } from "@uplift/core";
import { describe, expect, it } from "vitest";
import type { DependencyHealth } from "./deps.js";
import { startServer } from "./start-server.js";
import { TEST_TOKEN, testServerDeps } from "./test-deps.js";

const auth = { headers: { Authorization: `Bearer ${TEST_TOKEN}` } };

/** A health() that blocks until released, so a request can be held in flight without timers. */
function gatedHealth() {
  let entered: () => void = () => {};
  let release: () => void = () => {};
  const inFlight = new Promise<void>((resolve) => {
    entered = resolve;
  });
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const health = async (): Promise<Record<string, DependencyHealth>> => {
    entered();
    await gate;
    return { store: { ok: true, detail: "pglite" } };
  };
  return { health, inFlight, release };
}

describe("startServer", () => {
  it("serves over a real port and reports its URL", async () => {
    const server = await startServer(testServerDeps(), { port: 0, host: "127.0.0.1", signals: [] });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${server.url}/api/me`, auth);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ login: "ada", groups: ["eng"] });
    } finally {
      await server.close();
    }
  });

  it("finishes a request in flight before close() resolves, and refuses new connections", async () => {
    const { health, inFlight, release } = gatedHealth();
    const server = await startServer(testServerDeps({ health }), { port: 0, host: "127.0.0.1", signals: [] });
    const slow = fetch(`${server.url}/api/health`, auth);
    await inFlight;

    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    expect(closed).toBe(false);

    release();
    const res = await slow;
    expect(res.status).toBe(200);
    // Otherwise the idle keep-alive connection would hold close() until its timeout.
    expect(res.headers.get("Connection")).toBe("close");
    expect(((await res.json()) as { checks: unknown }).checks).toEqual({
      store: { ok: true, detail: "pglite" },
    });
    await closing;
    await server.closed;
    expect(closed).toBe(true);
  });

  it("shuts down gracefully on a signal", async () => {
    const { health, inFlight, release } = gatedHealth();
    const server = await startServer(testServerDeps({ health }), {
      port: 0,
      host: "127.0.0.1",
      signals: ["SIGUSR2"],
    });
    const slow = fetch(`${server.url}/api/health`, auth);
    await inFlight;
    process.emit("SIGUSR2", "SIGUSR2");
    release();
    expect((await slow).status).toBe(200);
    await server.closed;
    expect(process.listenerCount("SIGUSR2")).toBe(0);
  });

  it("cuts off a request still running at the shutdown deadline", async () => {
    const { health, inFlight, release } = gatedHealth();
    const server = await startServer(testServerDeps({ health }), {
      port: 0,
      host: "127.0.0.1",
      signals: [],
      shutdownTimeoutMs: 50,
    });
    const stuck = fetch(`${server.url}/api/health`, auth);
    await inFlight;
    await server.close();
    await expect(stuck).rejects.toThrow();
    release();
  });

  it("rejects with UnavailableError naming the address when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const attempt = startServer(testServerDeps(), { port, host: "127.0.0.1", signals: [] });
      await expect(attempt).rejects.toBeInstanceOf(UnavailableError);
      await expect(attempt).rejects.toThrow(`cannot listen on 127.0.0.1:${port}: EADDRINUSE`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
