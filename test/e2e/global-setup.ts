import { mkdirSync } from "node:fs";
import { buildDemo } from "../../examples/web/server";
import { SCREENSHOTS } from "./support";

/** Builds the page once, as `npm start` does; each test file then serves it on a free port. */
export default async function setup(): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await buildDemo();
}
