import { inweboResultOf, isErrorCode } from "../errors/index.js";
import {
  failNextRequestSchema,
  latencyRequestSchema,
  offlineRequestSchema,
  sessionOptionsSchema,
} from "../schemas/protocol.js";
import { CONTROL_PATHS } from "../services/http/protocol.js";
import type { SimulatorOptions } from "../services/simulator/index.js";
import { parseBody } from "./body.js";
import { DONE, invalid, json, type Route } from "./route.js";

/** Drops the keys whose value is `undefined`, for `exactOptionalPropertyTypes`. */
const defined = <T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };

/**
 * The simulator controls of the session named by the bearer token. The server mounts them only when it
 * runs with controls, and answers them only to loopback clients.
 */
export const controlRoutes: Readonly<Record<string, Route>> = {
  [CONTROL_PATHS.outbox]: {
    method: "GET",
    run: ({ session }) => json({ outbox: [...session().outbox] }),
  },
  [CONTROL_PATHS.calls]: {
    method: "GET",
    run: ({ session }) => json({ calls: [...session().calls] }),
  },
  [CONTROL_PATHS.faults]: {
    method: "GET",
    run: ({ session }) => json({ faults: [...session().faults] }),
  },
  [CONTROL_PATHS.failNext]: {
    method: "POST",
    run({ body, session }) {
      const request = parseBody(failNextRequestSchema, body ?? {});
      if (!request.ok) return request.error;
      const { operation, code, times } = request.value;
      if (!isErrorCode(code)) return invalid(2102, "code", `${code} is not a catalogue error code`);
      if (operation === "smscode.set" && inweboResultOf(code) !== undefined) {
        return invalid(
          2102,
          "code",
          `${code} comes from the device's inWebo token, not from the backend: inject it on the device's token (a local simulator's failNext)`,
        );
      }
      session().failNext(operation, code, { times });
      return DONE;
    },
  },
  [CONTROL_PATHS.offline]: {
    method: "POST",
    run({ body, session }) {
      const request = parseBody(offlineRequestSchema, body ?? {});
      if (!request.ok) return request.error;
      session().setOffline(request.value.offline);
      return DONE;
    },
  },
  [CONTROL_PATHS.latency]: {
    method: "POST",
    run({ body, session }) {
      const request = parseBody(latencyRequestSchema, body ?? {});
      if (!request.ok) return request.error;
      session().setLatency(request.value.ms);
      return DONE;
    },
  },
  [CONTROL_PATHS.reset]: {
    method: "POST",
    run({ session }) {
      session().reset();
      return DONE;
    },
  },
  [CONTROL_PATHS.session]: {
    method: "PUT",
    run({ body, sessions, token }) {
      const request = parseBody(sessionOptionsSchema, body ?? {});
      if (!request.ok) return request.error;
      const options: SimulatorOptions = defined(request.value);
      sessions.replace(token, options);
      return DONE;
    },
  },
};
