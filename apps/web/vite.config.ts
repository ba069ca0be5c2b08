import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The dashboard is served by `uplift serve` at `/`; `npm run dev -w apps/web` proxies the API to it. */
const apiServer = process.env.UPLIFT_DEV_API ?? "http://127.0.0.1:8080";

export default defineConfig({
  base: "/",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true },
  server: { proxy: { "/api": apiServer, "/healthz": apiServer } },
});
