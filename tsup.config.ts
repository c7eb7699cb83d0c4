import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    simulator: "src/simulator.ts",
    http: "src/http.ts",
    server: "src/server.ts",
    // src/cli.ts starts with `#!/usr/bin/env node`: esbuild keeps it, tsup makes dist/cli.js executable.
    cli: "src/cli.ts",
    react: "src/react.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  external: ["xstate", "zod", "react", "@xstate/react"],
});
