import * as z from "zod/mini";
import type { ErrorCode } from "../errors/index.js";
import {
  accountQuerySchema,
  smsCodeRequestSchema,
  smsCodeValidationRequestSchema,
} from "../schemas/protocol.js";
import { API_PATHS, refusalStatusOf } from "../services/http/protocol.js";
import type { Outcome } from "../services/ports.js";
import { parseBody } from "./body.js";
import { invalid, json, type Route, type RouteAnswer } from "./route.js";

/**
 * The output errors a backend outcome can carry show on the wire as what causes them on a real network,
 * so that a client meets them as it would meet the real thing: a timeout is a request left unanswered, no
 * network is a dropped connection, an invalid return is an answer off the protocol, a server error is a
 * 500. Every other code is a refusal body on 400 (input errors) or 422.
 */
const WIRE_FAULTS: Partial<Record<ErrorCode, RouteAnswer>> = {
  2201: { kind: "stall" },
  2202: { kind: "reset" },
  2203: json({ simulated: "an answer off the protocol" }),
  2204: { kind: "error", status: 500, code: 2204, message: "simulated server error" },
};

export const answerOfRefusal = (code: ErrorCode): RouteAnswer =>
  WIRE_FAULTS[code] ?? { kind: "error", status: refusalStatusOf(code), code };

const answer = <T>(outcome: Outcome<T>, body: (value: T) => unknown = (value) => value): RouteAnswer =>
  outcome.ok ? json(body(outcome.value)) : answerOfRefusal(outcome.error);

/** The four backend operations, served from the session's simulator. */
export const apiRoutes: Readonly<Record<string, Route>> = {
  [API_PATHS.account]: {
    method: "GET",
    async run({ query, session, signal }) {
      const type = query.get("type");
      if (type === null) return invalid(2101, "type");
      const parsed = z.safeParse(accountQuerySchema, type);
      if (!parsed.success) return invalid(2102, "type");
      return answer(await session().services.transport.getAccount(parsed.data, { signal }));
    },
  },
  [API_PATHS.trustedPhoneNumber]: {
    method: "GET",
    async run({ session, signal }) {
      return answer(await session().services.transport.getTrustedPhoneNumber({ signal }));
    },
  },
  [API_PATHS.smsCode]: {
    method: "POST",
    async run({ body, session, signal }) {
      const request = parseBody(smsCodeRequestSchema, body ?? {});
      if (!request.ok) return request.error;
      return answer(await session().services.transport.requestSmsCode({ signal }), () => ({ sent: true }));
    },
  },
  [API_PATHS.smsCodeValidation]: {
    method: "POST",
    async run({ body, session, signal }) {
      const request = parseBody(smsCodeValidationRequestSchema, body ?? {});
      if (!request.ok) return request.error;
      return answer(await session().services.transport.validateSmsCode(request.value.smsCode, { signal }));
    },
  },
};
