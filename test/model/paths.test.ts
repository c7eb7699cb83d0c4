import { describe, expect, it } from "vitest";
import { generatePaths } from "./paths";
import { runPath } from "./runner";

const paths = generatePaths();

describe("every generated path of the enrollment statechart, on the real actor and simulator", () => {
  it("generates paths", () => {
    console.log(
      `model: ${paths.length} paths generated, ${paths.reduce((n, p) => n + p.steps.length, 0)} steps`,
    );
    expect(paths.length).toBeGreaterThan(100);
  });

  it.each(paths.map((path) => [path.description, path] as const))("%s", async (_description, path) => {
    const run = await runPath(path);
    expect(run.steps).toBe(path.steps.length);
  });
});
