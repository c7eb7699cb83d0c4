import { defineConfig } from "vitest/config";

const project = (name: string, timeout = 10_000) => ({
  test: { name, include: [`test/${name}/**/*.test.ts`], testTimeout: timeout },
});

export default defineConfig({
  test: {
    // Installs Stately's parser (tools/statechart) if it is missing: no install-time script does.
    globalSetup: ["test/support/statechart-tools.ts"],
    projects: [
      project("unit"),
      project("model", 30_000),
      project("property", 60_000),
      project("integration", 60_000),
      project("package", 120_000),
    ],
  },
});
