import { describe, expect, it } from "vitest";
import { normalizeCode } from "../../src";
import { createSimulator } from "../../src/simulator";
import { ctx } from "../support/fixtures";

const sentSms = async (options: Parameters<typeof createSimulator>[0]) => {
  const sim = createSimulator({ seed: 7, ...options });
  expect(await sim.services.transport.requestSmsCode(ctx())).toEqual({ ok: true, value: null });
  const sms = sim.outbox.at(-1);
  if (sms === undefined) throw new Error("no SMS was sent");
  return sms;
};

describe("the simulated SMS's origin-bound line (WebOTP)", () => {
  it("ends the text with `@<host> #<code>` on a line of its own, for the configured host", async () => {
    const sms = await sentSms({ webOtpHost: "127.0.0.1" });
    const lines = sms.text.split("\n");
    expect(lines.at(-1)).toBe(`@127.0.0.1 #${sms.code}`);
    expect(lines.at(-2)).toBe("");
  });

  it("names localhost when no host is configured", async () => {
    const sms = await sentSms({});
    expect(sms.text.endsWith(`\n@localhost #${sms.code}`)).toBe(true);
  });

  it("normalizeCode takes the `#code` of that text, not another run of digits before it", async () => {
    const sms = await sentSms({ webOtpHost: "enroll.example.com" });
    expect(normalizeCode(sms.text)).toBe(sms.code);
    expect(normalizeCode(`Ref 98765432. ${sms.text}`)).toBe(sms.code);
  });

  it.each(["", "two words", "a#b", "x@y"])("refuses the host %j, a programmer error", (webOtpHost) => {
    expect(() => createSimulator({ webOtpHost })).toThrow(RangeError);
  });
});
