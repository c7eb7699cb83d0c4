import { MALFORMED_CODE } from "./model.js";
import type { ScenarioAction } from "./types.js";

type CodeKind = Extract<ScenarioAction, { type: "typeCode" }>["code"];

/** The same length, the last digit changed: a code the backend refuses with 2305. */
const wrongCode = (code: string): string => code.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));

/** What a person types for `kind`, given the code the simulated phone received last (if any). */
export const typedCode = (kind: CodeKind, received: string | null): string => {
  if (kind === "malformed") return MALFORMED_CODE;
  const code = received ?? "000000";
  return kind === "right" ? code : wrongCode(code);
};
