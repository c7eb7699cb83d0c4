import { execFile } from "node:child_process";
import { relative } from "node:path";
import { promisify } from "node:util";
import { type MeasuredCheck, measureChecks } from "./checks";

// `npm run size:why [-- <part of a check's name>]`: where the bytes of each size budget go. It measures the
// checks of .size-limit.js (the same imports from dist/index.js, externals, format and gzip as `npm run size`)
// and lists each module's share of the minified output. Every total is then compared with what the
// size-limit CLI itself reports for that check; a difference fails the run. Reads dist/: `npm run build` first.

const TOP_MODULES = 20;
const filter = process.argv[2];

/** What `size-limit --json` reports per check (it exits 1 when a budget fails, with the same JSON). */
const cliSizes = async (): Promise<ReadonlyMap<string, number>> => {
  const run = promisify(execFile);
  const stdout = await run("node_modules/.bin/size-limit", ["--json"]).then(
    (result) => result.stdout,
    (error: { stdout?: string }) => {
      if (error.stdout === undefined) throw error;
      return error.stdout;
    },
  );
  const reported = JSON.parse(stdout) as { name: string; size: number }[];
  return new Map(reported.map(({ name, size }) => [name, size]));
};

/** The part of the bundle a module belongs to: a folder of dist/ or a package (else the module itself). */
const areaOf = (path: string): string => {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
  if (dependency !== undefined) return dependency;
  const own = /^dist\/([^/]+)\//.exec(path)?.[1];
  if (own !== undefined) return `dist/${own}`;
  return path;
};

const n = (value: number) => value.toLocaleString("en-US");
const share = (bytes: number, total: number) => `${((100 * bytes) / total).toFixed(1).padStart(5)} %`;
const row = (bytes: number, total: number, label: string) =>
  `    ${n(bytes).padStart(7)}  ${share(bytes, total)}  ${label}`;

const report = (check: MeasuredCheck, cliSize: number | undefined): boolean => {
  const total = check.minifiedBytes;
  const agrees = cliSize === check.size;
  const imports = Object.entries(check.imports).map(
    ([file, names]) => `import ${names} from "${relative(process.cwd(), file)}"`,
  );
  console.log(`\n${check.name}`);
  for (const line of imports) console.log(`  ${line}`);
  console.log(`  format ${check.format}; left out: ${check.external.join(", ") || "nothing"}`);
  console.log(`  size:why      ${n(check.size)} B gzipped (${n(total)} B minified)`);
  console.log(
    `  npm run size  ${cliSize === undefined ? "has no check of this name" : `${n(cliSize)} B gzipped`}` +
      `  ${agrees ? "(agrees)" : "(DIFFERS: this tool does not measure what the budget counts)"}`,
  );

  const byArea = new Map<string, number>();
  for (const [path, bytes] of check.inputs) byArea.set(areaOf(path), (byArea.get(areaOf(path)) ?? 0) + bytes);
  console.log("  by part (minified bytes, share of the output):");
  for (const [area, bytes] of [...byArea].sort((a, b) => b[1] - a[1])) console.log(row(bytes, total, area));
  console.log(`  largest modules (${Math.min(TOP_MODULES, check.inputs.size)} of ${check.inputs.size}):`);
  for (const [path, bytes] of [...check.inputs].sort((a, b) => b[1] - a[1]).slice(0, TOP_MODULES))
    console.log(row(bytes, total, path));
  return agrees;
};

const [checks, cli] = await Promise.all([measureChecks(), cliSizes()]);
const chosen = checks.filter((check) => filter === undefined || check.name.includes(filter));
if (chosen.length === 0) throw new Error(`no check in .size-limit.js has "${filter}" in its name`);
console.log("Bytes are minified bytes in the output; the gzipped totals are the budgets' figures.");
const allAgree = chosen.map((check) => report(check, cli.get(check.name))).every(Boolean);
if (!allAgree) process.exitCode = 1;
