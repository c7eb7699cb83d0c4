import { randomUUID } from "node:crypto";
import { type CreatePimsOptions, createPims } from "../../src/facade";
import { createHttpTransport, type HttpTransportOptions } from "../../src/http";
import { createSimulatorControls } from "../../src/http/controls";
import type { ReferenceServer } from "../../src/server";
import { createSimulator } from "../../src/simulator";

/** A bearer token of its own for each flow: its own session, so its own simulator on the server. */
export const newToken = (label = "flow"): string => `${label}-${randomUUID()}`;

export interface HttpFlowOptions {
  readonly token?: string;
  /** false: the device has no inWebo token (SET answers 2344). */
  readonly deviceToken?: boolean;
  readonly transportTimeoutMs?: number;
  readonly facade?: Omit<CreatePimsOptions, "services">;
  readonly transport?: Partial<HttpTransportOptions>;
}

/**
 * What an app on a device has: a facade whose transport is HTTP to the reference server and whose inWebo
 * token is local (a local simulator's: it accepts activation codes any simulated backend issues), plus
 * the test's handle on the server-side session (its controls) and on the local token (`device`).
 */
export const httpFlow = (server: ReferenceServer, options: HttpFlowOptions = {}) => {
  const token = options.token ?? newToken();
  const device = createSimulator();
  const transport = createHttpTransport({
    baseUrl: server.url,
    getAccessToken: () => token,
    ...(options.transportTimeoutMs === undefined ? {} : { timeoutMs: options.transportTimeoutMs }),
    ...options.transport,
  });
  const services = options.deviceToken === false ? { transport } : { ...device.services, transport };
  const pims = createPims({ services, ...options.facade });
  const controls = createSimulatorControls({ baseUrl: server.url, token });
  return { token, device, transport, pims, controls };
};
