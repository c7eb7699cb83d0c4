import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { documentedPairs, errorCatalog, labelOf } from "../../src/errors";
import { specifiedRecovery } from "../support/recovery";

const reference = (name: string) => readFileSync(new URL(`../../reference/${name}`, import.meta.url), "utf8");

const sdkCatalog = reference("sdk-error-catalog.yml")
  .split("\n")
  .map((line) => /^- \{code: (\d+), type: ([^,]+), label: "(.*)"/.exec(line))
  .filter((m) => m !== null)
  .map((m) => ({ code: Number(m[1]), type: m[2], label: m[3] ?? "" }));

/** The codes of each "Error Code Error Label" table of the smscode reference, GET's first, SET's second. */
const referenceTables = reference("api-smscode-enrollment.txt")
  .split("Error Code Error Label")
  .slice(1)
  .map((section) => (section.split("Code Example")[0] ?? "").match(/^\s*(\d{4})\s*$/gm)?.map(Number) ?? []);

describe("the error catalogue", () => {
  it("holds every code of the SDK's catalogue with its type and its label trimmed of trailing spaces", () => {
    expect(sdkCatalog.length).toBeGreaterThan(30);
    expect(errorCatalog.map(({ code, type, label }) => ({ code, type, label }))).toEqual(
      sdkCatalog.map((e) => ({ ...e, label: e.label.trimEnd() })),
    );
  });

  it("documents for GET and SET smscode exactly the codes of the API reference's tables", () => {
    expect(referenceTables).toHaveLength(2);
    const codesOf = (operation: string) =>
      documentedPairs()
        .filter((p) => p.operation === operation)
        .map((p) => p.code);
    expect(codesOf("smscode.get")).toEqual(referenceTables[0]);
    expect(codesOf("smscode.set")).toEqual(referenceTables[1]);
    expect(documentedPairs()).toHaveLength(23);
  });

  it("fills [PARAMETER] with the parameter's name and [Component] with StrongAuthentication", () => {
    expect(labelOf(2101, "type")).toBe("Missing type parameter");
    expect(labelOf(2102, "smsCode")).toBe("Invalid smsCode parameter");
    expect(labelOf(2344)).toBe("StrongAuthentication not configured");
    expect(labelOf(2310)).toBe("inwebo: account is blocked");
  });

  it("routes each code to the recovery class of the product spec", () => {
    for (const [recovery, codes] of Object.entries(specifiedRecovery)) {
      for (const code of codes) expect(errorCatalog.find((e) => e.code === code)?.recovery).toBe(recovery);
    }
  });
});
