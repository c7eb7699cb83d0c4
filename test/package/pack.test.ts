import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The package as an app receives it: built (`npm run build`), packed with `npm pack`, installed from the
// tarball into a fresh project beside its peers; then every entry of `exports` is imported from ESM and CJS
// and type-checked under `bundler` and `node16` resolution. Entries are read from package.json, so new ones
// are covered.

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "../..");
const requireFromRoot = createRequire(join(root, "package.json"));

interface PackageJson {
  name: string;
  exports: Record<string, unknown>;
  peerDependencies?: Record<string, string>;
}

const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as PackageJson;

/** `"."` → `pims-enrollment`, `"./simulator"` → `pims-enrollment/simulator`; `./package.json` is not code. */
const specifiers = Object.keys(pkg.exports)
  .filter((key) => !key.endsWith(".json"))
  .map((key) => (key === "." ? pkg.name : `${pkg.name}/${key.slice(2)}`));

/** The version installed here, so the packed package is checked against the peers we develop with. */
const installedVersion = (name: string): string =>
  (requireFromRoot(`${name}/package.json`) as { version: string }).version;

/** Every peer, plus the type packages an entry's declarations may import: Node's (the server), react's. */
const peers = (): string[] => {
  const names = [...Object.keys(pkg.peerDependencies ?? {}), "@types/node"];
  if (names.includes("react")) names.push("@types/react");
  return names.map((name) => `${name}@${installedVersion(name)}`);
};

let project = "";

const node = async (args: string[]): Promise<string> =>
  (await run(process.execPath, args, { cwd: project, timeout: 20_000 })).stdout;

/** Imports each specifier in one Node process and prints its export names per specifier. */
const exportNames = async (mode: "esm" | "cjs"): Promise<Record<string, string[] | string>> => {
  const load = mode === "esm" ? "await import(s)" : "require(s)";
  const script = `
    const out = {};
    for (const s of ${JSON.stringify(specifiers)}) {
      try { out[s] = Object.keys(${load}).filter((k) => k !== "default" && k !== "module.exports").sort(); }
      catch (e) { out[s] = String(e && e.message || e); }
    }
    console.log(JSON.stringify(out));`;
  const stdout = await node(["--input-type", mode === "esm" ? "module" : "commonjs", "-e", script]);
  return JSON.parse(stdout) as Record<string, string[] | string>;
};

const typeCheck = async (name: string, compilerOptions: object, files: string[]) => {
  const tsconfig = `tsconfig.${name}.json`;
  const config = { compilerOptions: { strict: true, noEmit: true, ...compilerOptions }, files };
  await writeFile(join(project, tsconfig), JSON.stringify(config, null, 2));
  const tsc = join(root, "node_modules/.bin/tsc");
  try {
    // Two of these run at once; on a machine shared with other builds each took up to a minute.
    await run(tsc, ["-p", tsconfig], { cwd: project, timeout: 110_000 });
    return "";
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return `${stdout ?? ""}${stderr ?? ""}` || String(error);
  }
};

/**
 * Builds into a private staging copy of the package (package.json, docs and a fresh `dist`) and packs that,
 * so a build running at the same time in the working tree cannot change what this test installs.
 */
const packStaged = async (): Promise<string> => {
  const staging = join(project, "staging");
  await mkdir(staging);
  await run("npm", ["run", "build", "--", "--out-dir", join(staging, "dist")], {
    cwd: root,
    timeout: 120_000,
  });
  for (const file of ["package.json", "README.md", "LICENSE", "CHANGELOG.md"]) {
    if (existsSync(join(root, file))) await copyFile(join(root, file), join(staging, file));
  }
  const { stdout } = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", project], {
    cwd: staging,
    timeout: 60_000,
  });
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  if (!packed) throw new Error("npm pack produced no tarball");
  return join(project, packed.filename);
};

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), "pims-pack-"));
  const tarball = await packStaged();
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "pack-check", private: true }));
  await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball, ...peers()], {
    cwd: project,
    timeout: 120_000,
  });
}, 240_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

describe("the packed package, installed in a fresh project", () => {
  it("lists at least the main entry and the simulator in exports", () => {
    expect(specifiers).toEqual(expect.arrayContaining([pkg.name, `${pkg.name}/simulator`]));
  });

  it("carries no install-time script: installing it runs nothing", async () => {
    const installed = JSON.parse(
      await readFile(join(project, "node_modules", pkg.name, "package.json"), "utf8"),
    ) as { scripts?: Record<string, string> };
    // What npm runs when an app installs the package (`prepare` too, for a git or folder dependency).
    const atInstall = [
      "preinstall",
      "install",
      "postinstall",
      "prepublish",
      "preprepare",
      "prepare",
      "postprepare",
    ];
    expect(Object.keys(installed.scripts ?? {}).filter((name) => atInstall.includes(name))).toEqual([]);
  });

  it("imports every exported entry from ESM, each with named exports", async () => {
    const names = await exportNames("esm");
    for (const specifier of specifiers) {
      expect(names[specifier], specifier).toEqual(expect.any(Array));
      expect((names[specifier] as string[]).length, specifier).toBeGreaterThan(0);
    }
  });

  it("requires every exported entry from CJS, with the same names as its ESM build", async () => {
    const [esm, cjs] = [await exportNames("esm"), await exportNames("cjs")];
    for (const specifier of specifiers) expect(cjs[specifier], specifier).toEqual(esm[specifier]);
  });

  it("type-checks an import of every entry under bundler and node16 resolution (ESM and CJS)", async () => {
    const imports = specifiers.map((s, i) => `import * as entry${i} from "${s}";`).join("\n");
    const use = `export const entries = [${specifiers.map((_, i) => `entry${i}`).join(", ")}];\n`;
    const body = `${imports}\n${use}`;
    await writeFile(join(project, "check.ts"), body);
    await writeFile(join(project, "check.mts"), body);
    await writeFile(join(project, "check.cts"), body);
    // Both at once: each is a separate tsc process.
    const [bundler, node16] = await Promise.all([
      typeCheck("bundler", { module: "esnext", moduleResolution: "bundler", target: "es2022" }, ["check.ts"]),
      typeCheck("node16", { module: "node16", moduleResolution: "node16", target: "es2022" }, [
        "check.mts",
        "check.cts",
      ]),
    ]);
    expect(bundler, "bundler").toBe("");
    expect(node16, "node16").toBe("");
  });

  it("type-checks the main entry without Node's types, as a browser or React Native app does", async () => {
    await writeFile(
      join(project, "browser.ts"),
      `import * as engine from "${pkg.name}";\nexport { engine };\n`,
    );
    const options = { module: "esnext", moduleResolution: "bundler", target: "es2022", types: [] };
    expect(await typeCheck("browser", options, ["browser.ts"])).toBe("");
  });
});
