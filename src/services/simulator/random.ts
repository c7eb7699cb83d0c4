/** Random digits and hex: from the platform CSPRNG, or from a seeded generator for reproducible tests. */
export interface RandomSource {
  /** `length` decimal digits, each uniform over 0-9 (so a code may start with 0). */
  digits(length: number): string;
  /** `length` lowercase hex characters. */
  hex(length: number): string;
}

type ByteSource = (count: number) => Uint8Array;

/** mulberry32: a tiny 32-bit PRNG. Deterministic, NOT cryptographic: for tests only. */
const mulberry32 = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
};

const seededBytes = (seed: number): ByteSource => {
  const next = mulberry32(seed);
  return (count) => Uint8Array.from({ length: count }, () => next() & 0xff);
};

/**
 * SMS codes guard an enrollment, so without a seed they come from a CSPRNG or not at all. React Native has
 * none until the app imports a polyfill: that is said when the simulator is created, not at its first SMS.
 * The CSPRNG is read at call time, so the platform's `crypto` (browser, Node ≥ 20, a polyfill) is the one in use.
 */
const cryptoBytes = (): ByteSource => {
  if (typeof globalThis.crypto?.getRandomValues !== "function") {
    throw new TypeError(
      "createSimulator: this platform has no crypto.getRandomValues to draw SMS codes from. On React Native, " +
        'install react-native-get-random-values and `import "react-native-get-random-values"` first thing in ' +
        "the app; or pass a `seed` for reproducible, non-secret codes (tests and demos only).",
    );
  }
  return (count) => globalThis.crypto.getRandomValues(new Uint8Array(count));
};

/** Bytes ≥ 250 are rejected so that `byte % 10` is uniform. */
const DIGIT_LIMIT = 250;

export const createRandom = (seed?: number): RandomSource => {
  const bytes = seed === undefined ? cryptoBytes() : seededBytes(seed);
  return {
    digits(length) {
      let out = "";
      while (out.length < length) {
        for (const byte of bytes(length - out.length)) {
          if (byte < DIGIT_LIMIT) out += String(byte % 10);
        }
      }
      return out;
    },
    hex(length) {
      return Array.from(bytes(length), (byte) => (byte & 0x0f).toString(16)).join("");
    },
  };
};
