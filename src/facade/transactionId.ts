const ID_BYTES = 6;
const POOL_IDS = 64;
let pool = new Uint8Array(0);
let next = 0;

const hex = (byte: number) => (byte < 16 ? "0" : "") + byte.toString(16);

/**
 * A transaction id of the sample's form (`953cfefb-bc72`), from the platform's CSPRNG. Bytes are drawn
 * 64 ids at a time: `getRandomValues` per call was a quarter of a facade call's cost.
 */
export const randomTransactionId = (): string => {
  if (next + ID_BYTES > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(ID_BYTES * POOL_IDS));
    next = 0;
  }
  let id = "";
  for (let i = 0; i < ID_BYTES; i++) id += (i === 4 ? "-" : "") + hex(pool[next + i] ?? 0);
  next += ID_BYTES;
  return id;
};
