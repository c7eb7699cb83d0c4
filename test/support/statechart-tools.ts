import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Stately's parser (test/unit/stately.test.ts) needs XState v4, so it lives apart, in tools/statechart, with
 * its own lockfile. It is installed here, before the tests run, rather than by an install-time script: the
 * published package carries none. Installed once, and again whenever tools/statechart pins other versions.
 */
const tools = resolve(import.meta.dirname, "../../tools/statechart");

const versionOf = (manifest: string): string | undefined =>
  existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version
    : undefined;

const installed = (): boolean => {
  const { dependencies } = JSON.parse(readFileSync(join(tools, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  return Object.entries(dependencies).every(
    ([name, version]) => versionOf(join(tools, "node_modules", name, "package.json")) === version,
  );
};

export default function installStatechartTools(): void {
  if (installed()) return;
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: tools,
    stdio: "inherit",
  });
}
