import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import type { ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { focused, launchBrowser, SCREENSHOTS, visible } from "./support";

let server: ViteDevServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  const { createServer } = await import("vite");
  server = await createServer({
    root: fileURLToPath(new URL("../../examples/vanilla", import.meta.url)),
    configFile: false,
    logLevel: "warn",
    server: { host: "127.0.0.1", port: 0 },
  });
  await server.listen();
  url = server.resolvedUrls?.local[0] ?? "";
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the vanilla example (no framework: actor.subscribe + toViewModel)", () => {
  it("runs the flow to the handoff with plain DOM", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(url);
    await page.getByRole("button", { name: "Start" }).click();
    await visible(page.getByRole("heading", { name: "Enter the code" }));
    await expect.poll(() => focused(page)).toBe("#code");
    const sms = await page.locator("#sms li").last().textContent();
    const code = /[0-9]{4,10}/.exec(sms ?? "")?.[0] ?? "";

    await page.getByLabel("SMS code").fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("This code is not correct");
    // The focus stays in the field, the error its description.
    expect(await focused(page)).toBe("#code");
    expect(await page.getByLabel("SMS code").getAttribute("aria-describedby")).toBe("error");

    await page.getByLabel("SMS code").fill(code);
    await page.getByRole("button", { name: "Confirm" }).click();
    await visible(page.getByRole("heading", { name: "Phone number confirmed" }));
    expect(await page.locator("#status").textContent()).toBe("Next: choose a PIN for this device.");
    await page.screenshot({ path: `${SCREENSHOTS}/18-vanilla-handoff.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
