const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** A transaction id of the sample's form (`953cfefb-bc72`), from the platform's CSPRNG. */
export const randomTransactionId = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `${hex(bytes.subarray(0, 4))}-${hex(bytes.subarray(4))}`;
};
