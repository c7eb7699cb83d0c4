import type { EnrollmentActor } from "../machines/index.js";
import { normalizeCode } from "./normalizeCode.js";
import type { EnrollmentSnapshot } from "./toViewModel.js";

/** The part of the Credential Management API that WebOTP uses; the DOM library does not type `otp`. */
interface OtpCredentials {
  get(options: { otp: { transport: string[] }; signal: AbortSignal }): Promise<unknown>;
}

/** Where the SMS code can be submitted: code entry, not once the code expired. */
const inCodeEntry = (snapshot: EnrollmentSnapshot): boolean =>
  snapshot.matches("awaitingCode") && !snapshot.matches({ awaitingCode: "expired" });

/** The code of an `OTPCredential`, or undefined for anything else (`null` when the user dismissed it). */
const codeOf = (credential: unknown): string | undefined => {
  if (typeof credential !== "object" || credential === null || !("code" in credential)) return undefined;
  return typeof credential.code === "string" ? credential.code : undefined;
};

/** `navigator.credentials` where the page has one, read when autofill starts. */
const pageCredentials = (): OtpCredentials | undefined => {
  const credentials = (globalThis.navigator as { credentials?: Partial<OtpCredentials> } | undefined)
    ?.credentials;
  return typeof credentials?.get === "function" ? (credentials as OtpCredentials) : undefined;
};

/**
 * SMS autofill (WebOTP): while the flow is in code entry, asks
 * `navigator.credentials.get({ otp: { transport: ["sms"] }, signal })` and submits the code it returns
 * (through `normalizeCode`); leaving code entry aborts the request. Does nothing where the API is missing.
 * Returns the function that stops it (and aborts a pending request). For any UI; `useEnrollment` uses it.
 */
export const startSmsAutofill = (actor: EnrollmentActor): (() => void) => {
  const credentials = pageCredentials();
  if (credentials === undefined) return () => {};
  let pending: AbortController | undefined;
  const abort = () => {
    pending?.abort();
    pending = undefined;
  };
  const ask = () => {
    const request = new AbortController();
    pending = request;
    credentials.get({ otp: { transport: ["sms"] }, signal: request.signal }).then(
      (credential) => {
        const code = codeOf(credential);
        if (request.signal.aborted || code === undefined) return;
        pending = undefined;
        actor.send({ type: "code.submit", code: normalizeCode(code) });
      },
      // Aborted, dismissed or refused by the browser: the user types the code instead.
      () => {},
    );
  };
  const follow = (snapshot: EnrollmentSnapshot) => {
    if (!inCodeEntry(snapshot)) abort();
    else if (pending === undefined) ask();
  };
  const subscription = actor.subscribe(follow);
  follow(actor.getSnapshot());
  return () => {
    subscription.unsubscribe();
    abort();
  };
};
