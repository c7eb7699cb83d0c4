import { fileURLToPath } from "node:url";
import { asJson, table } from "./format";
import { isParked, measure, measureParked, PARKED_ACTORS } from "./measure";
import { judge } from "./targets";

// `npm run bench` prints the table and the targets; `npm run bench -- --json` prints one JSON object with
// the same figures. bench/measure.ts measures, bench/targets.ts judges, bench/format.ts prints. Run as
// `--parked=<variant>`, this file is the child process that measures one variant's heap per parked flow.

const parked = process.argv.find((arg) => arg.startsWith("--parked="))?.slice("--parked=".length);

if (parked === undefined) {
  const measurements = await measure(fileURLToPath(import.meta.url));
  const judgements = judge(measurements);
  if (process.argv.includes("--json")) console.log(JSON.stringify(asJson(measurements, judgements), null, 2));
  else for (const line of table(measurements, judgements)) console.log(line);
} else if (isParked(parked)) {
  console.log(JSON.stringify(await measureParked(parked, PARKED_ACTORS)));
} else {
  throw new Error(`unknown variant ${parked}`);
}
