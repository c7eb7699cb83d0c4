import { API_PATHS, HEALTH_PATH } from "../../../src/http";
import { CONTROL_PATHS } from "../../../src/http/controls";

const referencePaths = new Set<string>([
  HEALTH_PATH,
  ...Object.values(API_PATHS),
  ...Object.values(CONTROL_PATHS),
]);

/** Whether the reference server answers this request URL (the rest of the site is the static page). */
export const isReferencePath = (url: string): boolean => {
  const path = url.split("?")[0] ?? "/";
  return referencePaths.has(path) || path.startsWith("/v1/") || path.startsWith("/_sim/");
};
