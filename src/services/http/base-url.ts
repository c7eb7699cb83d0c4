import { isLoopbackHost } from "./protocol.js";

/** A checked base URL: `origin` has no trailing slash, `prefix` is the path before the protocol's paths. */
export interface BaseUrl {
  readonly origin: string;
  readonly host: string;
  readonly prefix: string;
}

/** Parsed by hand rather than with `URL`, whose React Native implementation lacks most accessors. */
const ABSOLUTE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/;
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::([0-9]{1,5}))?$/;

/**
 * Checks a transport's `baseUrl` once, at creation: an absolute `https:` URL, or `http:` on a loopback host
 * (127.0.0.0/8, ::1, localhost), without credentials, query or fragment. Anything else is a programmer
 * error and throws a `TypeError` naming the problem.
 */
export const parseBaseUrl = (baseUrl: string | { readonly href: string }, who: string): BaseUrl => {
  const text = typeof baseUrl === "string" ? baseUrl : String(baseUrl?.href);
  const match = ABSOLUTE.exec(text);
  if (!match) throw new TypeError(`${who}: baseUrl must be an absolute URL, got ${JSON.stringify(text)}`);
  const [, scheme = "", authority = "", path = "", query, fragment] = match;
  const protocol = scheme.toLowerCase();
  if (protocol !== "https" && protocol !== "http") {
    throw new TypeError(`${who}: baseUrl must use https: (got ${protocol}:)`);
  }
  if (authority.includes("@")) {
    throw new TypeError(`${who}: baseUrl must not carry credentials; use getAccessToken`);
  }
  const host = HOST.exec(authority);
  if (!host || (host[2] !== undefined && Number(host[2]) > 65535)) {
    throw new TypeError(`${who}: baseUrl has an invalid host ${JSON.stringify(authority)}`);
  }
  const hostname = (host[1] ?? "").toLowerCase();
  if (protocol === "http" && !isLoopbackHost(hostname)) {
    throw new TypeError(
      `${who}: baseUrl must use https: — plain http: is allowed only on loopback hosts (127.0.0.0/8, ::1, localhost), got http://${authority}`,
    );
  }
  if (query !== undefined || fragment !== undefined) {
    throw new TypeError(`${who}: baseUrl must not have a query or a fragment`);
  }
  return {
    origin: `${protocol}://${authority.toLowerCase()}`,
    host: hostname,
    prefix: path.replace(/\/+$/, ""),
  };
};

/** The URL of a protocol path (`/v1/…`) under the base URL, keeping the base's own path prefix. */
export const resolvePath = (
  base: BaseUrl,
  path: string,
  query?: Readonly<Record<string, string>>,
): string => {
  const search = Object.entries(query ?? {})
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join("&");
  return `${base.origin}${base.prefix}${path}${search === "" ? "" : `?${search}`}`;
};
