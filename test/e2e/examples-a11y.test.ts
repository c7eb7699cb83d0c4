import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import type { PluginOption, ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { languages, strings } from "../../examples/shared/strings";
import { launchBrowser } from "./support";

// The Vue and Svelte examples in each of the five languages: every screen on the way to the handoff has
// 0 axe-core violations and shows that language's strings.
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
}

const violations = async (page: Page): Promise<string[]> => {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate<AxeResult>("axe.run(document)");
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
};

const suite = (name: string, plugins: () => Promise<PluginOption[]>) =>
  describe(`the ${name} example`, () => {
    let server: ViteDevServer;
    let browser: Browser;
    let base = "";
    beforeAll(async () => {
      const { createServer } = await import("vite");
      server = await createServer({
        root: fileURLToPath(new URL(`../../examples/${name}`, import.meta.url)),
        configFile: false,
        logLevel: "warn",
        plugins: await plugins(),
        server: { host: "127.0.0.1", port: 0 },
      });
      await server.listen();
      base = server.resolvedUrls?.local[0] ?? "";
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it.each(languages)(
      "in %s: every screen to the handoff in that language, with 0 axe-core violations",
      async (lang) => {
        const t = strings[lang];
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on("pageerror", (error) => errors.push(error.message));
        await page.goto(`${base}?lang=${lang}`);
        const heading = page.getByRole("heading", { level: 1 });
        const screens: Record<string, string[]> = {};

        await expect.poll(() => heading.textContent()).toBe(t.titles.idle);
        expect(await page.getAttribute("html", "lang")).toBe(lang);
        screens.idle = await violations(page);

        await page.getByRole("button", { name: t.start }).click();
        await expect.poll(() => heading.textContent()).toBe(t.titles.awaitingCode);
        screens.code = await violations(page);

        await page.getByLabel(t.codeLabel).fill("12ab");
        await page.getByRole("button", { name: t.confirm }).click();
        await expect
          .poll(() => page.locator("[data-pims-error]").getAttribute("data-pims-error"))
          .toBe("2102");
        expect(await page.getByRole("alert").textContent()).toContain(t.errorDetail(2102));
        expect(await page.locator("[data-pims-attempts-left]").textContent()).toBe(t.attemptsLeft(3));
        screens.error = await violations(page);

        const code = await page.evaluate<string>("window.pimsSimulator.lastCode()");
        await page.getByLabel(t.codeLabel).fill(code);
        await page.getByRole("button", { name: t.confirm }).click();
        await expect.poll(() => heading.textContent()).toBe(t.titles.handoff);
        expect(await page.locator("main").textContent()).toContain(t.next.newPin);
        screens.handoff = await violations(page);

        console.log(`${name} ${lang}: axe-core violations per screen ${JSON.stringify(screens)}`);
        expect(screens).toEqual({ idle: [], code: [], error: [], handoff: [] });
        expect(errors).toEqual([]);
        await page.close();
      },
    );
  });

suite("vue", async () => [(await import("@vitejs/plugin-vue")).default()]);
suite("svelte", async () => [(await import("@sveltejs/vite-plugin-svelte")).svelte()]);
