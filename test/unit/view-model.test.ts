import { describe, expect, it } from "vitest";
import { errorCatalog } from "../../src/errors";
import { de } from "../../src/locales/de";
import { fr } from "../../src/locales/fr";
import { maskPhone, messageFor, registerLocale, toViewModel } from "../../src/view";
import { en } from "../../src/view/locales/en";
import { MASKED_PHONE, PHONE } from "../support/fixtures";
import { startFlow } from "../support/flow";

describe("the view model", () => {
  it("masks the trusted phone but its first and last two digits", () => {
    expect(maskPhone(PHONE)).toBe(MASKED_PHONE);
    expect(maskPhone("+33612345678")).toBe("+3••••••••78");
    expect(maskPhone("123")).toBe("•••");
  });

  it("has a message for every registered language's code, and falls back to English", () => {
    registerLocale(fr);
    for (const { code } of errorCatalog) expect(messageFor(code, "fr"), `fr ${code}`).toMatch(/\S/);
    expect(messageFor(2305, "fr-FR")).toBe(fr.messages[2305]);
    expect(messageFor(2305, "pt")).toBe(en.messages[2305]);
    expect(fr.messages[2305]).not.toBe(en.messages[2305]);
  });

  it("shows the user the localized message with the documented code and label", async () => {
    const flow = startFlow();
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    flow.actor.send({ type: "code.submit", code: "12 34" });
    registerLocale(de);
    const view = toViewModel(flow.actor.getSnapshot(), { now: flow.clock.now(), locale: "de" });
    expect(view.error).toEqual({
      code: 2102,
      label: "Invalid smsCode parameter",
      message: de.messages[2102],
      detail: "2102 Invalid smsCode parameter",
    });
    expect(view).toMatchObject({ step: "awaitingCode", phase: "rejected", busy: false, canSubmit: true });
  });

  it("is busy while a request is in flight, and done with the output at the end", async () => {
    const flow = startFlow();
    flow.actor.send({ type: "start" });
    expect(flow.view()).toMatchObject({
      step: "initializing",
      busy: true,
      canSubmit: false,
      done: false,
      output: null,
    });
    await flow.until("awaitingCode");
    flow.actor.send({ type: "cancel" });
    expect(flow.view()).toMatchObject({
      step: "cancelled",
      busy: false,
      done: true,
      output: { outcome: "cancelled" },
    });
  });

  it("counts down the code's life and the resend cooldown in whole seconds", async () => {
    const flow = startFlow();
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    expect(flow.view()).toMatchObject({ codeExpiresInSeconds: 300, resendInSeconds: 30 });
    flow.clock.increment(10_500);
    expect(flow.view()).toMatchObject({ codeExpiresInSeconds: 290, resendInSeconds: 20 });
  });
});
