import type { BrowserContext, Page } from "playwright-core";

/** A stand-in for WebOTP: records each `navigator.credentials.get` and lets the test answer it. */
export const stubWebOtp = (context: BrowserContext) =>
  context.addInitScript(() => {
    type Call = {
      options: CredentialRequestOptions & { otp?: { transport: string[] } };
      resolve: (v: unknown) => void;
    };
    const calls: Call[] = [];
    const w = window as unknown as Record<string, unknown>;
    w.otpCalls = calls;
    if (!("OTPCredential" in window)) w.OTPCredential = class OTPCredential {};
    Object.defineProperty(navigator, "credentials", {
      configurable: true,
      value: {
        get: (options: Call["options"]) =>
          new Promise((resolve, reject) => {
            calls.push({ options, resolve });
            options.signal?.addEventListener("abort", () =>
              reject(new DOMException("aborted", "AbortError")),
            );
          }),
      },
    });
  });

export const otpCalls = (page: Page) =>
  page.evaluate(() =>
    (
      (window as unknown as Record<string, unknown>).otpCalls as {
        options: { otp?: { transport: string[] }; signal?: AbortSignal };
      }[]
    ).map((call) => ({
      transport: call.options.otp?.transport ?? null,
      signal: call.options.signal instanceof AbortSignal,
      aborted: call.options.signal?.aborted ?? null,
    })),
  );

/** Answers the first WebOTP request of the page with `code`, as Chrome does when the SMS arrives. */
export const answerOtp = (page: Page, code: string) =>
  page.evaluate((otp) => {
    const calls = (window as unknown as Record<string, unknown>).otpCalls as {
      resolve: (v: unknown) => void;
    }[];
    calls[0]?.resolve({ type: "otp", id: "", code: otp });
  }, code);
