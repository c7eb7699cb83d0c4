import { defineConfig } from "vitest/config";

/**
 * The suites mutation testing runs (npm run mutation): unit, model and property, which run in
 * process against the source. Integration, package and e2e tests (servers, packing, a browser) are left
 * to `npm test` and `npm run test:e2e`. The Stately parser test is left out too: it parses the source
 * text of src/machines, which Stryker rewrites to switch mutants, with a parser installed apart.
 */
const project = (name: string, groupOrder: number, timeout = 10_000) => ({
  test: {
    name,
    include: [`test/${name}/**/*.test.ts`],
    exclude: ["**/node_modules/**", "test/unit/stately.test.ts"],
    testTimeout: timeout,
    sequence: { groupOrder },
  },
});

export default defineConfig({
  test: {
    // Stryker stops a mutant's run at its first failing test, so the quick suites go first: unit (about 3 s),
    // then model, then property (about 14 s). Without an order, vitest runs the projects by name, property
    // before unit, and a mutant that a unit test kills waited for the property suite first.
    projects: [project("unit", 0), project("model", 1, 30_000), project("property", 2, 60_000)],
  },
});
