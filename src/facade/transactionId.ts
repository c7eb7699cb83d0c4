const WORDS_PER_ID = 3;
const POOL_IDS = 64;
let pool = new Uint16Array(0);
let next = 0;

/** A 16-bit word as four hex digits (the pool is refilled before it runs out: `undefined` never comes). */
const hex = (word = 0) => word.toString(16).padStart(4, "0");

/**
 * A transaction id of the sample's form (`953cfefb-bc72`), from the platform's CSPRNG. Words are drawn
 * 64 ids at a time: `getRandomValues` per call was a quarter of a facade call's cost.
 */
export const randomTransactionId = (): string => {
  if (next === pool.length) {
    pool = crypto.getRandomValues(new Uint16Array(WORDS_PER_ID * POOL_IDS));
    next = 0;
  }
  return `${hex(pool[next++])}${hex(pool[next++])}-${hex(pool[next++])}`;
};
