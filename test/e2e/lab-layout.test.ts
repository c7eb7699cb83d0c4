import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { axeViolations } from "./axe";
import { type DemoPage, demoForSuite, VIEWPORTS, visible } from "./support";

const demo = demoForSuite();

const horizontalOverflow = (d: DemoPage) =>
  d.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The URL parameters `main.tsx` reads, from its source: the list the page and the README must document. */
const readParameters = (): string[] => {
  const source = readFileSync("examples/web/src/main.tsx", "utf8");
  const names = [...source.matchAll(/params\.get\("(\w+)"\)|seconds\(params, "(\w+)"\)/g)].map(
    (match) => match[1] ?? match[2] ?? "",
  );
  return [...new Set(names)].sort();
};

describe("the page's layout", () => {
  it("puts the sections behind tabs on a 390 px phone: the controls one tap away, nothing wider than the screen", async () => {
    const d = await demo.open({}, undefined, VIEWPORTS.phone);
    const tabs = d.page.getByRole("tablist", { name: "Sections of the demo" });
    await visible(tabs);
    expect(await tabs.getByRole("tab").allTextContents()).toEqual(["App", "Statechart", "Controls", "About"]);
    expect(await d.controls.isVisible()).toBe(false);

    await tabs.getByRole("tab", { name: "Controls" }).click();
    await visible(d.controls);
    const top = await d.controls.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(VIEWPORTS.phone.height / 2);
    expect(await d.page.evaluate(() => window.scrollY)).toBe(0);
    expect(await horizontalOverflow(d)).toBe(0);
    expect(await axeViolations(d.page, "main")).toEqual([]);
    await d.screenshot("lab-03-phone-controls-tab");

    // The arrow keys move between tabs.
    await tabs.getByRole("tab", { name: "Controls" }).press("ArrowLeft");
    expect(await tabs.getByRole("tab", { name: "Statechart" }).getAttribute("aria-selected")).toBe("true");
    await tabs.getByRole("tab", { name: "App" }).click();

    await d.app.getByRole("button", { name: "Start" }).click();
    await visible(d.app.getByRole("heading", { name: "Enter the code" }));
    await tabs.getByRole("tab", { name: "App" }).focus();
    await d.smsCount(1);
    await d.app.getByLabel("SMS code").fill(await d.latestCode());
    await d.app.getByRole("button", { name: "Confirm" }).click();
    await visible(d.app.getByRole("heading", { name: "Phone number confirmed" }));
    await d.app.getByText("What the app calls next").click();
    await visible(d.app.locator("pre"));
    expect(await horizontalOverflow(d)).toBe(0);
    expect(d.problems).toEqual([]);
  });

  it("shows the whole choice of every menu of the controls at 1,400 px", async () => {
    const d = await demo.open({}, undefined, VIEWPORTS.desktop);
    await d.controls.getByLabel("Start over with").selectOption("alreadyEnrolled");
    await visible(d.app.getByRole("button", { name: "Start" }));
    const cut = await d.controls.locator("select").evaluateAll((selects) =>
      selects
        .map((element) => {
          const select = element as HTMLSelectElement;
          const style = getComputedStyle(select);
          const context = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const text = select.selectedOptions[0]?.textContent ?? "";
          // Room for the text: the box less its padding, borders and the arrow (about 24 px in Chromium).
          const room =
            select.clientWidth -
            Number.parseFloat(style.paddingLeft) -
            Number.parseFloat(style.paddingRight) -
            24;
          return {
            label: select.labels[0]?.textContent,
            text,
            fits: context.measureText(text).width <= room,
          };
        })
        .filter((entry) => !entry.fits && entry.label !== "Error code"),
    );
    // The error code's menu holds the catalogue's long labels; it is as wide as its column allows.
    expect(cut).toEqual([]);
    expect(await horizontalOverflow(d)).toBe(0);
  });

  it("tells a blocked PIN from a blocked account at a glance", async () => {
    const d = await demo.open({ scenario: "accountBlocked" }, undefined, VIEWPORTS.desktop);
    await d.app.getByRole("button", { name: "Start" }).click();
    await visible(d.app.getByRole("heading", { name: "Your account is blocked" }));
    const account = await d.app.locator(".final.blocked").evaluate((el) => ({
      kind: el.className,
      color: getComputedStyle(el.querySelector("h3") as Element).color,
      mark: getComputedStyle(el.querySelector("h3") as Element, "::before").content,
    }));
    await d.screenshot("lab-04-account-blocked");

    await d.controls.getByLabel("Start over with").selectOption("pinBlocked");
    await d.app.getByRole("button", { name: "Start" }).click();
    await visible(d.app.getByRole("heading", { name: "Your PIN is blocked" }));
    expect(await d.app.textContent()).toContain("Too many wrong PINs");
    const pin = await d.app.locator(".final.blocked").evaluate((el) => ({
      kind: el.className,
      color: getComputedStyle(el.querySelector("h3") as Element).color,
      mark: getComputedStyle(el.querySelector("h3") as Element, "::before").content,
    }));
    await d.screenshot("lab-05-pin-blocked");
    expect(account.kind).toContain("account");
    expect(pin.kind).toContain("pin");
    expect(pin.color).not.toBe(account.color);
    expect(pin.mark).not.toBe(account.mark);
    await d.app.getByText("What the app calls next").click();
    expect(JSON.parse((await d.app.locator("pre").textContent()) ?? "null")).toEqual({
      outcome: "accountBlocked",
      next: { api: "pims.authentication.enrollment", action: "remove" },
      blockState: "PINBlocked",
    });
    expect(d.problems).toEqual([]);
  });

  it("documents every URL parameter the page reads, in the page and in the README", async () => {
    const parameters = readParameters();
    expect(parameters).toEqual([
      "autofill",
      "backend",
      "cooldown",
      "lang",
      "lifetime",
      "scenario",
      "timeout",
    ]);
    const readme = readFileSync("README.md", "utf8");
    for (const name of parameters) expect(readme, name).toContain(`\`?${name}`);

    const d = await demo.open({ lang: "de" }, undefined, VIEWPORTS.desktop);
    const about = d.page.getByRole("region", { name: "Über diese Demo" });
    await visible(about);
    const rows = await about
      .locator("tr[data-parameter]")
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-parameter")));
    expect([...rows].sort()).toEqual(parameters);
    expect(await axeViolations(d.page, "section.about")).toEqual([]);
    expect(await axeViolations(d.page, "section.faults")).toEqual([]);
    expect(await axeViolations(d.page, "section.statechart")).toEqual([]);
  });
});
