import { writeFileSync } from "node:fs";
import { renderErrorTable } from "./docs/errors";
import { renderStatechart } from "./docs/statechart";

writeFileSync(new URL("../docs/statechart.md", import.meta.url), renderStatechart());
writeFileSync(new URL("../docs/errors.md", import.meta.url), renderErrorTable());
console.log("wrote docs/statechart.md and docs/errors.md");
