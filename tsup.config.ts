import { rmSync } from "node:fs";
import { resolve } from "node:path";
import type { Plugin } from "esbuild";
import { defineConfig, type Options } from "tsup";

/**
 * The code an app on React Native imports: all but the server, the CLI, the test drivers (Node's) and the
 * client of the reference server's simulator controls (a test tool on loopback).
 */
const appEntries = {
  index: "src/index.ts",
  simulator: "src/simulator.ts",
  http: "src/http.ts",
  react: "src/react.ts",
  // The view model's languages other than English (built in), each its own entry: an app ships only those it
  // imports and registers.
  "locales/fr": "src/locales/fr.ts",
  "locales/de": "src/locales/de.ts",
  "locales/it": "src/locales/it.ts",
  "locales/es": "src/locales/es.ts",
};

/** The package's entry points, as `exports` in package.json names them. */
const entries = {
  ...appEntries,
  "http/controls": "src/http/controls.ts",
  server: "src/server.ts",
  // src/cli.ts starts with `#!/usr/bin/env node`: esbuild keeps it, tsup makes dist/cli.js executable.
  cli: "src/cli.ts",
  testing: "src/testing.ts",
};

const shared: Options = {
  sourcemap: true,
  target: "es2022",
  external: ["xstate", "zod", "react", "@xstate/react", "@testing-library/react"],
};

const mainSource = resolve("src/index.ts");

/**
 * In a bundled build, the other entries' imports of the main entry (`../index.js`: the hook, the headless
 * driver) stay imports of its output file, `mainFile`, instead of copies of its code: an app that imports
 * several entries has one copy of the main entry's state (the languages registered with `registerLocale`).
 */
const mainEntryKeptApart = (mainFile: string): Plugin => ({
  name: "main-entry-kept-apart",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, ({ resolveDir, path }) =>
      resolve(resolveDir, path.replace(/\.js$/, ".ts")) === mainSource
        ? { path: mainFile, external: true }
        : undefined,
    );
  },
});

/** `index` → `react-native/index`: the React Native build's files, in their own folder of the output. */
const inReactNativeFolder = (named: Record<string, string>) =>
  Object.fromEntries(Object.entries(named).map(([name, source]) => [`react-native/${name}`, source]));

// Three builds run at once, so none cleans: the output folder (`--out-dir` or dist) is emptied here, once.
export default defineConfig((overrides) => {
  rmSync(overrides.outDir ?? "dist", { recursive: true, force: true });
  return [
    // ESM, one file per source module: with `sideEffects: false` an app's bundler drops every module it does
    // not use. Bundled chunks would keep each chunk's top-level calls (the catalogue, the schemas), used or not.
    { ...shared, entry: ["src/**/*.ts"], format: ["esm"], bundle: false, dts: { entry: entries } },
    // CommonJS, one bundle per entry: require() takes a whole file anyway.
    {
      ...shared,
      entry: entries,
      format: ["cjs"],
      dts: true,
      esbuildPlugins: [mainEntryKeptApart("./index.cjs")],
    },
    // React Native (the `react-native` export condition). Metro does not tree-shake: it keeps every module an
    // import reaches, and `zod/mini`'s namespace import reaches all of zod's core, locales included (98.8 kB
    // gzip). Here esbuild bundles zod in and keeps only what the schemas use; xstate and React stay peers,
    // shared with the app. The entries share chunks, so an app importing two of them has one copy of each.
    {
      ...shared,
      entry: inReactNativeFolder(appEntries),
      format: ["esm"],
      platform: "neutral",
      splitting: true,
      external: ["xstate", "react", "@xstate/react"],
      noExternal: ["zod"],
      esbuildPlugins: [mainEntryKeptApart("./index.js")],
      esbuildOptions: (options) => {
        options.chunkNames = "react-native/chunks/[name]-[hash]";
      },
    },
  ];
});
