import type { Operation, Services } from "./pims";

type Transport = Services["transport"];

/**
 * The operations whose next call the page's network holds (the simulator's `holdNext`): the call reaches
 * the backend, which does its work (sends the SMS, checks the code), but its answer never comes back.
 * Each hold is taken by one call.
 */
export const createHolds = () => {
  const holds: Operation[] = [];
  /** Whether this call of `operation` is held; takes the hold. */
  const take = (operation: Operation | undefined): boolean => {
    const index = operation === undefined ? -1 : holds.indexOf(operation);
    if (index >= 0) holds.splice(index, 1);
    return index >= 0;
  };
  return {
    take,
    hold(operation: Operation) {
      holds.push(operation);
    },
    reset() {
      holds.length = 0;
    },
  };
};

export type Holds = ReturnType<typeof createHolds>;

/** An answer that never comes: the flow waits until its request timeout, or until it stops. */
const neverAnswered = <T>(call: Promise<T>): Promise<T> => call.then(() => new Promise<T>(() => undefined));

/** The embedded simulator's transport, with its held calls. */
export const withHolds = (transport: Transport, holds: Holds): Transport => ({
  getAccount: (query, ctx) => {
    const call = transport.getAccount(query, ctx);
    return holds.take("account.get") ? neverAnswered(call) : call;
  },
  getTrustedPhoneNumber: (ctx) => {
    const call = transport.getTrustedPhoneNumber(ctx);
    return holds.take("trustedphonenumber.get") ? neverAnswered(call) : call;
  },
  requestSmsCode: (ctx) => {
    const call = transport.requestSmsCode(ctx);
    return holds.take("smscode.get") ? neverAnswered(call) : call;
  },
  validateSmsCode: (code, ctx) => {
    const call = transport.validateSmsCode(code, ctx);
    return holds.take("smscode.set") ? neverAnswered(call) : call;
  },
});

/**
 * A request sent through the page's `fetch` whose response the page drops: the server does its work,
 * the transport hears nothing until it gives up (its timeout) or the flow stops (its signal).
 */
export const fetchWithoutAnswer = (input: string, init: RequestInit): Promise<Response> => {
  globalThis.fetch(input, init).catch(() => undefined);
  return new Promise((_, reject) => {
    init.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true });
  });
};
