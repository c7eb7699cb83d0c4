const WORDS_PER_ID = 3;
const POOL_IDS = 64;
let pool = new Uint16Array(0);
let next = 0;

/**
 * Random 16-bit words from the platform's CSPRNG. React Native has none unless the app installs a polyfill
 * (`react-native-get-random-values`); there, or where the polyfill itself throws, the words come from
 * `Math.random`: a transaction id tells calls apart and guards nothing, and no call may fail for want of one.
 */
const randomWords = (count: number): Uint16Array<ArrayBuffer> => {
  try {
    // Throws without `crypto`, and where a polyfill lacks its native module: both fall back alike.
    return globalThis.crypto.getRandomValues(new Uint16Array(count));
  } catch {
    return Uint16Array.from({ length: count }, () => Math.floor(Math.random() * 0x10000));
  }
};

/** A 16-bit word as four hex digits (the pool is refilled before it runs out: `undefined` never comes). */
const hex = (word: number | undefined) => (word ?? 0).toString(16).padStart(4, "0");

/**
 * A transaction id of the sample's form (`953cfefb-bc72`). Words are drawn 64 ids at a time:
 * `getRandomValues` per call was a quarter of a facade call's cost.
 */
export const randomTransactionId = (): string => {
  if (next === pool.length) {
    pool = randomWords(WORDS_PER_ID * POOL_IDS);
    next = 0;
  }
  return `${hex(pool[next++])}${hex(pool[next++])}-${hex(pool[next++])}`;
};
