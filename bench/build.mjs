// Bundles the bench as tsup bundles the package (esbuild, no keepNames), so that every row runs code
// compiled the way it ships: tsx's on-the-fly transform keeps function names, which alone adds
// kilobytes to every closure-holding object and would skew the memory rows.
import { build } from "esbuild";

await build({
  entryPoints: ["bench/run.ts"],
  outfile: "bench/.out/run.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
