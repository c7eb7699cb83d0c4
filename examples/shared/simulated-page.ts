/**
 * What the example pages share around the simulator: the account and limits a page starts with, read
 * from its address, and the handle `pims-enrollment/testing`'s browser driver uses
 * (docs/guides/testing-your-ui.md). An app on a real backend has neither.
 */
import type { EnrollmentLimits } from "../../src/index";
import type { Simulator, SimulatorOptions } from "../../src/simulator";

/** `?cooldown=1`: seconds, as milliseconds; absent or invalid: undefined (the engine's default). */
const seconds = (params: URLSearchParams, name: string): number | undefined => {
  const value = Number(params.get(name) ?? Number.NaN);
  return Number.isFinite(value) && value > 0 ? value * 1000 : undefined;
};

/**
 * `?account={"phoneNumber":null}&cooldown=1&lifetime=4`: the simulated account (`createSimulator`'s
 * options, as JSON) and the flow's resend cooldown and code lifetime in seconds.
 */
export const pageSetup = (
  search: string,
): { account: SimulatorOptions; timers: Partial<EnrollmentLimits> } => {
  const params = new URLSearchParams(search);
  let account: SimulatorOptions = {};
  try {
    const parsed: unknown = JSON.parse(params.get("account") ?? "{}");
    if (parsed !== null && typeof parsed === "object") account = parsed as SimulatorOptions;
  } catch {
    // Not JSON: the default account.
  }
  const resendCooldownMs = seconds(params, "cooldown");
  const codeLifetimeMs = seconds(params, "lifetime");
  return {
    account,
    timers: {
      ...(resendCooldownMs === undefined ? {} : { resendCooldownMs }),
      ...(codeLifetimeMs === undefined ? {} : { codeLifetimeMs }),
    },
  };
};

/**
 * The page's simulator as `window.pimsSimulator`. Its network change reaches the flow as the window's
 * `offline` / `online` events, which the page listens to as an app does.
 */
export const exposeSimulator = (simulator: Simulator): void => {
  Object.assign(window, {
    pimsSimulator: {
      failNext: simulator.failNext,
      setOffline(offline: boolean) {
        simulator.setOffline(offline);
        window.dispatchEvent(new Event(offline ? "offline" : "online"));
      },
      lastCode: () => simulator.outbox.at(-1)?.code ?? null,
    },
  });
};
