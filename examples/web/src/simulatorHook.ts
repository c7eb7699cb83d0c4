import { useEffect } from "react";
import type { DemoBackend } from "./backend";

/**
 * The demo's simulator as `window.pimsSimulator`, the handle `pims-enrollment/testing`'s browser driver
 * arms faults and reads the SMS through (docs/guides/testing-your-ui.md). `setOffline` is the fault
 * panel's "Offline" box: the simulated network and the flow's `network.offline` / `network.online`.
 */
export const useSimulatorHook = (backend: DemoBackend, setOffline: (offline: boolean) => Promise<void>) => {
  useEffect(() => {
    const hook = {
      failNext: backend.failNext,
      setOffline,
      lastCode: async () => (await backend.outbox()).at(-1)?.code ?? null,
    };
    Object.assign(window, { pimsSimulator: hook });
    return () => {
      if (Reflect.get(window, "pimsSimulator") === hook) Reflect.deleteProperty(window, "pimsSimulator");
    };
  });
};
