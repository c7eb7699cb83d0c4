/** Full-width digits (U+FF10–U+FF19), as some keyboards type them. */
const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
/** An origin-bound one-time code line (WebOTP): `@host #code`. */
const ORIGIN_BOUND_CODE = /(?:^|\s)@[^\s#@]+ #(\d{4,10})(?!\d)/;
/** Runs of digits, where digits joined by a single space or dash count as one run. */
const DIGIT_RUN = /\d+(?:[ -]\d+)*/g;

/**
 * The SMS code in text a person typed or pasted: full-width digits become ASCII; an origin-bound line's
 * `#code` wins (`@127.0.0.1 #123456` → `123456`); otherwise the first run of 4 to 10 digits, digits
 * joined by single spaces or dashes counting as one run (`776 969` → `776969`, "Your code is 424242. It
 * is valid for 5 minutes." → `424242`); `""` when there is none. The facade's own rules are unchanged:
 * this is for UIs, before `code.submit`.
 */
export const normalizeCode = (text: string): string => {
  const ascii = text.replace(FULL_WIDTH_DIGIT, (digit) => String(digit.charCodeAt(0) - 0xff10));
  const originBound = ORIGIN_BOUND_CODE.exec(ascii);
  if (originBound?.[1] !== undefined) return originBound[1];
  for (const [run] of ascii.matchAll(DIGIT_RUN)) {
    const digits = run.replace(/[ -]/g, "");
    if (digits.length >= 4 && digits.length <= 10) return digits;
  }
  return "";
};
