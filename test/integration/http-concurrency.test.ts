import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { developmentConfig } from "../../src/facade";
import { createReferenceServer, type ReferenceServer } from "../../src/server";
import { httpFlow, newToken } from "./support";

const FLOWS = 200;
const SMS = "pims.authentication.smscode";

let server: ReferenceServer;
beforeAll(async () => {
  // Ten-digit codes: 200 random codes are then all distinct but with a chance of about 2 in a million.
  server = await createReferenceServer({ controls: true, simulator: { codeLength: 10 } });
});
afterAll(() => server.close());

interface FlowResult {
  readonly token: string;
  readonly code: string | undefined;
  readonly problems: readonly string[];
}

/** One SMS step over HTTP: GET a code, read it from this session's outbox, SET it. */
const runFlow = async (index: number): Promise<FlowResult> => {
  const flow = httpFlow(server, { token: newToken(`concurrent-${index}`) });
  const problems: string[] = [];
  try {
    await flow.pims.initialize(developmentConfig);
    const sent = await flow.pims.get(SMS, { type: "enrollment" });
    if (sent?.status !== "SUCCEEDED") problems.push(`GET ${JSON.stringify(sent)}`);
    const outbox = await flow.controls.outbox();
    if (outbox.length !== 1) problems.push(`outbox holds ${outbox.length} SMS`);
    const code = outbox[0]?.code;
    const validated = await flow.pims.set(SMS, { action: "enrollment", smsCode: code });
    if (validated?.status !== "SUCCEEDED") problems.push(`SET ${JSON.stringify(validated)}`);
    if (flow.device.services.token.state() !== "activated") problems.push("token not activated");
    const calls = (await flow.controls.calls()).map((c) => c.operation).join(",");
    if (calls !== "smscode.get,smscode.set") problems.push(`calls ${calls}`);
    return { token: flow.token, code, problems };
  } catch (error) {
    return { token: flow.token, code: undefined, problems: [...problems, String(error)] };
  }
};

describe("many flows against one server", () => {
  it(`${FLOWS} concurrent flows, each with its own token, all succeed with their own code and no cross-talk`, async () => {
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: FLOWS }, (_, i) => runFlow(i)));
    const seconds = (performance.now() - started) / 1000;
    const failures = results.filter((r) => r.problems.length > 0);
    console.log(`concurrency: flows=${FLOWS} seconds=${seconds.toFixed(2)} failures=${failures.length}`);

    expect(failures).toEqual([]);
    const codes = results.map((r) => r.code);
    expect(new Set(codes).size).toBe(FLOWS);
    // The server's view agrees: one session per token, each with the one SMS that flow read.
    expect(server.sessionCount).toBe(FLOWS);
    for (const { token, code } of results) {
      expect(server.session(token).outbox.map((sms) => sms.code)).toEqual([code]);
    }
  });
});
