// @vitest-environment happy-dom
import { createElement, useEffect } from "react";
import { afterAll, describe, it } from "vitest";
import { Enrollment } from "../../examples/web/src/Enrollment";
import { ui } from "../../examples/web/src/i18n";
import { lab } from "../../examples/web/src/i18n-lab";
import { useEnrollment } from "../../src/react";
import {
  createTestingLibraryDriver,
  generateScenarios,
  runScenario,
  type TestingLibrarySetup,
} from "../../src/testing";

/** The React demo's enrollment screens, as an app embeds them, hearing the window's network events. */
function DemoScreens({ timers, ...enrollmentOptions }: TestingLibrarySetup) {
  const flow = useEnrollment({ ...enrollmentOptions, ...timers });
  const { actor } = flow;
  useEffect(() => {
    const online = () => actor.send({ type: "network.online" });
    const offline = () => actor.send({ type: "network.offline" });
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
    };
  }, [actor]);
  const pinBlocked = { title: lab.en.pinBlockedTitle, body: lab.en.pinBlockedBody };
  return createElement(Enrollment, {
    flow,
    t: ui.en,
    onStartOver: () => undefined,
    focusOnMount: false,
    pinBlocked,
  });
}

const scenarios = generateScenarios({ cover: ["transitions", "states", "pairs"] });
let spent = 0;

describe("generated scenarios on the React demo's screens with Testing Library (happy-dom)", () => {
  it.each(scenarios.map((s) => [s.name, s] as const))("%s", async (_name, scenario) => {
    const started = performance.now();
    await runScenario(
      scenario,
      createTestingLibraryDriver({ render: (setup) => createElement(DemoScreens, setup) }),
    );
    spent += performance.now() - started;
  });

  afterAll(() => console.log(`Testing Library: ${scenarios.length} scenarios in ${Math.round(spent)} ms`));
});
