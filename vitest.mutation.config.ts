import { defineConfig } from "vitest/config";

/**
 * The suites mutation testing runs (npm run mutation): unit, model and property, which run in
 * process against the source. Integration, package and e2e tests (servers, packing, a browser) are left
 * to `npm test` and `npm run test:e2e`. The Stately parser test is left out too: it parses the source
 * text of src/machines, which Stryker rewrites to switch mutants, with a parser installed apart.
 */
const project = (name: string, timeout = 10_000) => ({
  test: {
    name,
    include: [`test/${name}/**/*.test.ts`],
    exclude: ["**/node_modules/**", "test/unit/stately.test.ts"],
    testTimeout: timeout,
  },
});

export default defineConfig({
  test: {
    projects: [project("unit"), project("model", 30_000), project("property", 60_000)],
  },
});
