/**
 * The simulated SMS: a sentence with the code, then the origin-bound line of WebOTP
 * (`@<host> #<code>`), which must be the message's last line for a browser to offer the code.
 */
export const smsText = (code: string, webOtpHost: string): string =>
  `Your verification code is ${code}. Never share it with anyone.\n\n@${webOtpHost} #${code}`;
