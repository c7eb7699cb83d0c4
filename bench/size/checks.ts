import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import esbuildPlugins from "@size-limit/esbuild";
import filePlugins from "@size-limit/file";
import type { Metafile } from "esbuild";
import sizeLimit from "size-limit";

// The budgets of .size-limit.js, measured by size-limit's own esbuild and file plugins (the ones
// @size-limit/preset-small-lib bundles for `npm run size`), with esbuild's metafile kept for each check.

/** A check as written in .size-limit.js (the fields this project uses). */
interface ConfiguredCheck {
  readonly name: string;
  /** One file, or several when `import` names what each one gives. */
  readonly path: string | readonly string[];
  /** What the check imports from `path`, or, keyed by file, from each of several. */
  readonly import?: string | Readonly<Record<string, string>>;
  readonly ignore?: readonly string[];
  readonly gzip?: boolean;
  readonly limit?: string;
  readonly modifyEsbuildConfig?: (config: object) => object;
}

/** A check as size-limit's plugins read and fill it in (their internal shape; size-limit does not type it). */
interface RunningCheck extends Omit<ConfiguredCheck, "import" | "ignore"> {
  readonly files: readonly string[];
  readonly import?: Record<string, string>;
  readonly ignore: readonly string[];
  /** Set by @size-limit/esbuild before it builds: what it hands to esbuild. */
  esbuildConfig?: { readonly format?: string; readonly external?: readonly string[] };
  /** Set by @size-limit/esbuild once it has built. */
  esbuildMetafile?: Metafile;
  /** Set by @size-limit/file (gzip of the bundles), then net of esbuild's empty project by @size-limit/esbuild. */
  size?: number;
}

export interface MeasuredCheck {
  readonly name: string;
  readonly imports: Readonly<Record<string, string>>;
  /** The output format esbuild was given; esbuild's own default, without one, is an IIFE. */
  readonly format: string;
  readonly external: readonly string[];
  /** The figure `npm run size` compares with the limit: gzipped bytes, net of esbuild's empty project. */
  readonly size: number;
  readonly minifiedBytes: number;
  /** Minified bytes each input module contributes to the output, keyed by its path (or IMPORT_LINE). */
  readonly inputs: ReadonlyMap<string, number>;
}

const loadConfiguredChecks = async (): Promise<readonly ConfiguredCheck[]> => {
  const module = (await import(pathToFileURL(resolve(".size-limit.js")).href)) as {
    default: readonly ConfiguredCheck[];
  };
  return module.default;
};

const peerDependencies = async (): Promise<readonly string[]> => {
  const packageJson = JSON.parse(await readFile("package.json", "utf8")) as {
    peerDependencies?: Record<string, string>;
  };
  return Object.keys(packageJson.peerDependencies ?? {});
};

/**
 * What size-limit's CLI makes of a configured check before its plugins run (size-limit/get-config.js): the
 * path made absolute, the package's peer dependencies added to `ignore`, `import` keyed by the file it imports.
 */
const asRunning = (check: ConfiguredCheck, peers: readonly string[]): RunningCheck => {
  const { import: imported, ignore, path, ...rest } = check;
  const paths = typeof path === "string" ? [path] : path;
  for (const file of paths) {
    if (!existsSync(file)) throw new Error(`${file} does not exist: run \`npm run build\` first`);
  }
  const files = paths.map((file) => resolve(file));
  const importsByFile =
    imported === undefined || typeof imported === "string"
      ? undefined
      : Object.fromEntries(Object.entries(imported).map(([file, names]) => [resolve(file), names]));
  return {
    ...rest,
    path,
    files,
    ignore: [...peers, ...(ignore ?? [])],
    ...(typeof imported === "string" ? { import: { [files[0] ?? ""]: imported } } : {}),
    ...(importsByFile === undefined ? {} : { import: importsByFile }),
  };
};

/** The entry size-limit writes for a check: one import line and a `console.log` of what it imports. */
export const IMPORT_LINE = "(size-limit's import line)";

const measured = (check: RunningCheck): MeasuredCheck => {
  const { esbuildConfig, esbuildMetafile, size } = check;
  if (esbuildConfig === undefined || esbuildMetafile === undefined || size === undefined)
    throw new Error(`${check.name}: size-limit's plugins did not measure this check`);
  const outputs = Object.values(esbuildMetafile.outputs).filter((output) => output.entryPoint !== undefined);
  const inputs = new Map<string, number>();
  for (const output of outputs)
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const input = path === output.entryPoint ? IMPORT_LINE : path;
      inputs.set(input, (inputs.get(input) ?? 0) + bytesInOutput);
    }
  return {
    name: check.name,
    imports: check.import ?? {},
    format: esbuildConfig.format ?? "iife",
    external: [...new Set(esbuildConfig.external)],
    size,
    minifiedBytes: outputs.reduce((total, output) => total + output.bytes, 0),
    inputs,
  };
};

/** Every check of .size-limit.js, measured as `npm run size` measures it (reads dist/: build first). */
export const measureChecks = async (): Promise<readonly MeasuredCheck[]> => {
  const peers = await peerDependencies();
  const checks = (await loadConfiguredChecks()).map((check) => asRunning(check, peers));
  // size-limit's types call its plugins functions; they are objects with numbered steps (see the .d.ts).
  const plugins = [...esbuildPlugins, ...filePlugins] as unknown as Parameters<typeof sizeLimit>[0];
  await sizeLimit(plugins, { checks });
  return checks.map(measured);
};
