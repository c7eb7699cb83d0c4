import { buildDemo } from "../../examples/web/server";

/** Builds the page once, as `npm start` does; each test file then serves it on a free port. */
export default async function setup(): Promise<void> {
  await buildDemo();
}
