import * as z from "zod/mini";
import { fail, type Result, succeed } from "../errors/index.js";
import { invalid, type RouteAnswer } from "./route.js";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A request body checked against its schema, or the 400 refusal the SDK would give: 2101 "Missing X
 * parameter" when a required field is absent, 2102 "Invalid X parameter" otherwise (X = "body" when the
 * body itself is not an object).
 */
export const parseBody = <T>(schema: z.ZodMiniType<T>, body: unknown): Result<T, RouteAnswer> => {
  if (!isRecord(body)) return fail(invalid(2102, "body", "the body must be a JSON object"));
  const parsed = z.safeParse(schema, body);
  if (parsed.success) return succeed(parsed.data);
  const issue = parsed.error.issues[0];
  const name = issue?.path[0] === undefined ? "body" : String(issue.path[0]);
  const missing = name !== "body" && body[name] === undefined;
  return fail(invalid(missing ? 2101 : 2102, name));
};
