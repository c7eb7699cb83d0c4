import type { RandomSource } from "./random.js";

/**
 * Activation codes of the simulated backend: `sim1.<24 hex>.<8 hex check>`. The check lets any simulated
 * token recognise a code issued by any simulated backend (the reference server's, for instance), without
 * shared state. It is a format check, not a secret: this is a simulator.
 */
const FORMAT = /^sim1\.([0-9a-f]{24})\.([0-9a-f]{8})$/;

/** FNV-1a, 32 bits, as 8 hex characters. */
const check = (body: string): string => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < body.length; i++) hash = Math.imul(hash ^ body.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0");
};

export const issueActivationCode = (random: RandomSource): string => {
  const body = random.hex(24);
  return `sim1.${body}.${check(body)}`;
};

export const isSimulatorActivationCode = (code: string): boolean => {
  const match = FORMAT.exec(code);
  return match !== null && check(match[1] ?? "") === match[2];
};
