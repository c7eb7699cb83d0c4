import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { mergeConfig } from "@react-native/metro-config";
import Metro from "metro";

const here = import.meta.dirname;
const outDir = await mkdtemp(join(tmpdir(), "pims-metro-"));

/** Metro's configuration for these checks (metro.config.cjs), with `overrides` merged in. */
export const metroConfig = async (overrides = {}) =>
  mergeConfig(await Metro.loadConfig({ config: join(here, "metro.config.cjs") }), overrides);

/**
 * A release bundle of `entry`, as `react-native bundle --dev false` makes one for Android: minified for the
 * `default` transform profile (JavaScriptCore's, and the Hermes CLI's), not for `hermes-stable`, whose
 * output hermesc compiles to bytecode (Metro never minifies that profile). Returns the file and its bytes.
 */
export const bundle = async (entry, { profile = "default", config } = {}) => {
  const out = join(outDir, `${basename(entry, ".js")}.${profile}.js`);
  await Metro.runBuild(config ?? (await metroConfig()), {
    entry: join(here, entry),
    out,
    dev: false,
    minify: profile === "default",
    platform: "android",
    unstable_transformProfile: profile,
    sourceMap: false,
  });
  return { file: out, bytes: readFileSync(out) };
};
