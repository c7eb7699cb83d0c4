import { describe, expect, it } from "vitest";
import { documentedPairs } from "../../src/errors";
import { actorOperation } from "./fixtures";
import { leafOf } from "./oracle";
import { generateBugPaths, generatePaths } from "./paths";
import { runPath } from "./runner";
import { allStateIds, allTransitions, createTransitionRecorder } from "./transitions";

const started = performance.now();
const paths = [...generatePaths()];
paths.push(...generateBugPaths(paths));
const recorder = createTransitionRecorder();
let restores = 0;

describe("every generated path of the enrollment statechart, on the real actor and simulator", () => {
  it.each(paths.map((path) => [path.description, path] as const))("%s", async (_description, path) => {
    const run = await runPath(path, recorder.inspect);
    restores += run.restores;
    expect(run.steps).toBe(path.steps.length);
  });
});

describe("what the generated paths cover", () => {
  it("reaches each of the 23 documented (operation, code) pairs through the actor that runs the operation", () => {
    const reached = new Set(
      paths.flatMap((path) =>
        path.steps.flatMap(({ event }) =>
          "outcome" in event && event.outcome.kind === "code"
            ? [`${actorOperation[event.actorId]} ${event.outcome.code}`]
            : [],
        ),
      ),
    );
    const missing = documentedPairs().filter((p) => !reached.has(`${p.operation} ${p.code}`));
    expect(documentedPairs()).toHaveLength(23);
    expect(missing).toEqual([]);
  });

  it("visits every state of the machine", () => {
    const visited = new Set(
      paths.flatMap((path) =>
        path.steps.flatMap(({ state }) => {
          const ids: string[] = [];
          let prefix = "enrollment";
          for (const part of leafOf(state.value).split(".")) {
            prefix = `${prefix}.${part}`;
            ids.push(prefix);
          }
          return ids;
        }),
      ),
    );
    const transient = (id: string) => id.endsWith(".failure");
    const missing = allStateIds().filter((id) => id !== "enrollment" && !transient(id) && !visited.has(id));
    expect(missing).toEqual([]);
  });

  it("takes every transition the machine defines, as XState's inspection reports them", () => {
    const missing = allTransitions().filter((t) => !recorder.taken.has(t));
    console.log(
      `model: ${paths.length} paths, ${paths.reduce((n, p) => n + p.steps.length, 0)} steps, ` +
        `${restores} restores, ${recorder.taken.size}/${allTransitions().length} transitions, ` +
        `${Math.round(performance.now() - started)} ms`,
    );
    expect(missing).toEqual([]);
  });
});
