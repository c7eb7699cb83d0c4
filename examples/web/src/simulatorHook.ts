import { useEffect } from "react";
import type { DemoBackend } from "./backend";
import type { ErrorCode, FailNextOptions, Operation, PageSimulator } from "./pims";

/** What the page does as the app around the flow: the network's state, and a relaunch of the app. */
export interface AppControls {
  /** The fault panel's "Offline" box: the simulated network and the flow's `network.offline` / `network.online`. */
  readonly setOffline: (offline: boolean) => Promise<void>;
  /** The app killed and launched again: the flow restored from the snapshot it persisted. */
  readonly relaunch: () => void;
  /** The app launched again, before `start`, with a config `initialize` refuses (2006). */
  readonly misconfigure: () => void;
}

/**
 * The handle `window.pimsSimulator` is: the backend's faults and SMS, and the app's controls. The driver
 * calls `failNext(operation, code)`: one call, as the simulator's `failNext` defaults to.
 */
export const pageSimulatorOf = (backend: DemoBackend, app: AppControls) =>
  ({
    async failNext(operation: Operation, code: ErrorCode, options?: FailNextOptions) {
      // The demo's scenarios leave `after` out (docs/guides/testing-your-ui.md): over HTTP the page's
      // network, which decides a 2202, cannot let calls through first.
      if (options?.after !== undefined) throw new Error("the demo's failNext takes no `after`");
      await backend.failNext(operation, code, options?.times ?? 1);
    },
    holdNext: backend.holdNext,
    setOffline: app.setOffline,
    relaunch: app.relaunch,
    misconfigure: app.misconfigure,
    lastCode: async () => (await backend.outbox()).at(-1)?.code ?? null,
  }) satisfies PageSimulator;

/**
 * The demo's simulator as `window.pimsSimulator`, the handle `pims-enrollment/testing`'s browser driver
 * arms faults, holds calls, relaunches the app and reads the SMS through (docs/guides/testing-your-ui.md).
 */
export const useSimulatorHook = (backend: DemoBackend, app: AppControls) => {
  useEffect(() => {
    const hook = pageSimulatorOf(backend, app);
    Object.assign(window, { pimsSimulator: hook });
    return () => {
      if (Reflect.get(window, "pimsSimulator") === hook) Reflect.deleteProperty(window, "pimsSimulator");
    };
  });
};
