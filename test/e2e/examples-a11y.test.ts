import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { languages, strings } from "../../examples/shared/strings";
import { de } from "../../src/locales/de";
import { es } from "../../src/locales/es";
import { fr } from "../../src/locales/fr";
import { it as italian } from "../../src/locales/it";
import { en } from "../../src/view/locales/en";
import { exampleForSuite, focused } from "./support";

// The Vue and Svelte examples in each of the five languages: every screen on the way to the handoff has
// 0 axe-core violations and shows that language's strings, the engine's messages included (each example
// registers the four languages other than English).
const engineWords = { en, fr, de, it: italian, es };
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

const suite = (name: "vue" | "svelte") =>
  describe(`the ${name} example`, () => {
    const example = exampleForSuite(name);

    it.each(languages)(
      "in %s: every screen to the handoff in that language, with 0 axe-core violations",
      async (lang) => {
        const t = strings[lang];
        const { page, errors } = await example.open(`?lang=${lang}`);
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
        // For support, the code and the SDK's untranslated label, as small print only.
        const detail = page.getByRole("alert").locator("small[lang=en]");
        expect(await detail.count()).toBe(1);
        expect(await detail.textContent()).toMatch(/^2102 /);
        expect(await page.getByRole("alert").textContent()).toContain(engineWords[lang].messages[2102]);
        expect(await page.locator("[data-pims-attempts-left]").textContent()).toBe(t.attemptsLeft(3));
        screens.error = await violations(page);

        // A wrong code: the focus stays in the field, its content selected so that typing replaces it, and
        // the error is the field's description.
        const code = await page.evaluate<string>("window.pimsSimulator.lastCode()");
        const field = page.getByLabel(t.codeLabel);
        await field.fill(code === "000000" ? "111111" : "000000");
        await field.press("Enter");
        await expect
          .poll(() => page.locator("[data-pims-attempts-left]").textContent())
          .toBe(t.attemptsLeft(2));
        // The field had the focus already (Enter was pressed in it): wait for its content to be selected.
        await expect
          .poll(() => field.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd]))
          .toEqual([0, 6]);
        expect(await focused(page)).toBe("#sms-code");
        const alertId = await page.getByRole("alert").getAttribute("id");
        expect((await field.getAttribute("aria-describedby"))?.split(" ")).toContain(alertId);
        expect(await field.getAttribute("aria-invalid")).toBe("true");
        screens.wrongCode = await violations(page);

        await page.getByLabel(t.codeLabel).fill(code);
        await page.getByRole("button", { name: t.confirm }).click();
        await expect.poll(() => heading.textContent()).toBe(t.titles.handoff);
        expect(await page.locator("main").textContent()).toContain(t.next.newPin);
        screens.handoff = await violations(page);

        console.log(`${name} ${lang}: axe-core violations per screen ${JSON.stringify(screens)}`);
        expect(screens).toEqual({ idle: [], code: [], error: [], wrongCode: [], handoff: [] });
        expect(errors).toEqual([]);
        await page.close();
      },
    );
  });

suite("vue");
suite("svelte");
