import { describe, expect, it } from "vitest";
import { documentedPairs, type ErrorCode, type Operation } from "../../src/errors";
import type { PimsMessage } from "../../src/facade";
import { TRANSACTION_ID } from "./messages";

/** Produces one documented (operation, code) pair from a real cause. */
export type Cause = () => Promise<PimsMessage | null>;
export type Causes = Partial<Record<Operation, Partial<Record<ErrorCode, Cause>>>>;

/** The labels as the API reference prints them, written out so that a templating bug shows. */
const referenceLabels: Partial<Record<ErrorCode, string>> = {
  2001: "Facade not initialized",
  2006: "Core not well configured",
  2101: "Missing type parameter",
  2201: "Timeout/Polling Timeout/Command Timeout",
  2202: "Network problem : No internet",
  2204: "Server Error",
  2308: "inwebo: access refused",
  2309: "inwebo: version error",
  2310: "inwebo: account is blocked",
  2311: "inwebo: internal state not correct",
  2312: "inwebo: device is disabled or unknown",
  2313: "inwebo: User must activate inWebo helium or inWebo Desktop Token before achieving this operation",
  2314: "inwebo: No service is available",
  2316: "inwebo: the operation succeeded but it required a post-synchronization which failed",
  2317: "inwebo: forbidden operation (due to activated state/blocked state/upgradable state)",
  2344: "StrongAuthentication not configured",
};

const labelFor = (operation: Operation, code: ErrorCode) =>
  code === 2102
    ? `Invalid ${operation === "smscode.get" ? "type" : "smsCode"} parameter`
    : referenceLabels[code];

/** Asserts that `causes` covers the 23 documented pairs and that each answers its whole documented envelope. */
export const describeDocumentedPairs = (title: string, causes: Causes) =>
  describe(title, () => {
    const pairs = documentedPairs();

    it("has a cause for all 23 pairs", () => {
      expect(pairs).toHaveLength(23);
      const covered = Object.entries(causes).flatMap(([operation, byCode]) =>
        Object.keys(byCode ?? {}).map((code) => `${operation} ${code}`),
      );
      expect(covered.sort()).toEqual(pairs.map((p) => `${p.operation} ${p.code}`).sort());
    });

    for (const { operation, code } of pairs) {
      it(`${operation} answers ${code} with the documented envelope and label`, async () => {
        const cause = causes[operation]?.[code];
        expect(cause).toBeDefined();
        expect(await cause?.()).toStrictEqual({
          transactionId: expect.stringMatching(TRANSACTION_ID),
          status: "FAILED",
          error: { code, label: labelFor(operation, code) },
        });
      });
    }
  });
