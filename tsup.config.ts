import { rmSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

/** The package's entry points, as `exports` in package.json names them. */
const entries = {
  index: "src/index.ts",
  simulator: "src/simulator.ts",
  http: "src/http.ts",
  server: "src/server.ts",
  // src/cli.ts starts with `#!/usr/bin/env node`: esbuild keeps it, tsup makes dist/cli.js executable.
  cli: "src/cli.ts",
  react: "src/react.ts",
  testing: "src/testing.ts",
};

const shared: Options = {
  sourcemap: true,
  target: "es2022",
  external: ["xstate", "zod", "react", "@xstate/react", "@testing-library/react"],
};

// Two builds run at once, so neither cleans: the output folder (`--out-dir` or dist) is emptied here, once.
export default defineConfig((overrides) => {
  rmSync(overrides.outDir ?? "dist", { recursive: true, force: true });
  return [
    // ESM, one file per source module: with `sideEffects: false` an app's bundler drops every module it does
    // not use. Bundled chunks would keep each chunk's top-level calls (the catalogue, the schemas), used or not.
    { ...shared, entry: ["src/**/*.ts"], format: ["esm"], bundle: false, dts: { entry: entries } },
    // CommonJS, one bundle per entry: require() takes a whole file anyway.
    { ...shared, entry: entries, format: ["cjs"], dts: true },
  ];
});
