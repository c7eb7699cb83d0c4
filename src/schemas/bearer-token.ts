/**
 * The bearer token's form, which the transport checks before sending and the server before reading: a module
 * of its own, so that the transport's import of it brings none of the server's schemas.
 */

/** An RFC 6750 `b64token`: what follows `Bearer ` in the Authorization header. */
export const BEARER_TOKEN_PATTERN = /^[A-Za-z0-9\-._~+/]+=*$/;
export const MAX_BEARER_TOKEN_LENGTH = 4096;
