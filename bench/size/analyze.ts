// Where the bytes go: bundles the sources like size-limit bundles dist (esbuild, minified) and lists each
// module's share of the output, largest first. `npx tsx bench/size/analyze.ts [--peers]`; with `--peers`
// it measures the consumer bundle (bench/size/consumer.js pointed at src), xstate and zod included.
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const peers = process.argv.includes("--peers");
const entry = peers ? "bench/size/consumer.js" : "src/index.ts";

const result = await build({
  entryPoints: [entry],
  plugins: [
    {
      name: "dist-to-src",
      setup: (b) => {
        b.onResolve({ filter: /dist\/index\.js$/ }, () => ({ path: resolve("src/index.ts") }));
      },
    },
  ],
  bundle: true,
  write: false,
  metafile: true,
  minify: true,
  treeShaking: true,
  format: "esm",
  outdir: "/tmp/pims-size",
  external: peers ? [] : ["xstate", "zod"],
});

const output = result.outputFiles.find((file) => file.path.endsWith(".js"));
if (!output) throw new Error("esbuild produced no JavaScript");
const meta = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
if (!meta) throw new Error("no entry output in the metafile");

const byPackage = new Map<string, number>();
const rows = Object.entries(meta.inputs).map(([path, { bytesInOutput }]) => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? "(own code)";
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytesInOutput);
  return { path, bytesInOutput };
});
rows.sort((a, b) => b.bytesInOutput - a.bytesInOutput);

console.log(`${entry}: ${output.contents.length} B minified, ${gzipSync(output.contents).length} B gzipped`);
console.log("\nby package (minified bytes):");
for (const [pkg, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]))
  console.log(`  ${String(bytes).padStart(7)}  ${pkg}`);
console.log("\nlargest inputs (minified bytes):");
for (const { path, bytesInOutput } of rows.slice(0, 40))
  console.log(`  ${String(bytesInOutput).padStart(7)}  ${path}`);
