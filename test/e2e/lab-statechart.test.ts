import { describe, expect, it } from "vitest";
import type { AnyStateNode } from "xstate";
import { enrollmentMachine } from "../../src/index";
import { axeViolations } from "./axe";
import { type DemoPage, demoForSuite, SCREENSHOTS, VIEWPORTS, visible } from "./support";

const demo = demoForSuite();

/** Every state node of the machine, counted from the machine itself. */
const countStates = (node: AnyStateNode): number =>
  Object.values(node.states).reduce((sum: number, child) => sum + 1 + countStates(child as AnyStateNode), 0);

/** Waits for ELK's layout, then records every state the drawing highlights as current, in order. */
const recordHighlights = async (d: DemoPage): Promise<() => Promise<string[]>> => {
  await visible(d.statechart.locator("svg.sc-svg"), 20_000);
  await d.page.evaluate(() => {
    const seen: string[] = [];
    const svg = document.querySelector("svg.sc-svg");
    const note = () => {
      const current = svg?.querySelector('[data-active="current"]')?.getAttribute("data-state-id");
      if (current && seen.at(-1) !== current) seen.push(current);
    };
    note();
    // Every attribute change is a record, even several in one task: no highlighted state is missed.
    new MutationObserver((records) => {
      for (const record of records) {
        const element = record.target as Element;
        if (element.getAttribute("data-active") === "current") {
          const id = element.getAttribute("data-state-id");
          if (id && seen.at(-1) !== id) seen.push(id);
        }
      }
    }).observe(svg as Element, { subtree: true, attributes: true, attributeFilter: ["data-active"] });
    (window as unknown as { highlighted: string[] }).highlighted = seen;
  });
  return () => d.page.evaluate(() => [...(window as unknown as { highlighted: string[] }).highlighted]);
};

const marked = (d: DemoPage, mark: string) =>
  d.statechart
    .locator(`[data-active="${mark}"]`)
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-state-id")));
const taken = (d: DemoPage) =>
  d.statechart
    .locator("[data-taken]")
    .evaluateAll((edges) => edges.map((edge) => edge.getAttribute("data-edge")));

describe("the drawn statechart", () => {
  it("highlights each state the flow enters, one at a time, from idle to the handoff", async () => {
    const d = await demo.open({}, undefined, VIEWPORTS.desktop);
    const highlighted = await recordHighlights(d);
    // Drawn from the machine: every state, nested in its parent, finals marked.
    expect(await d.statechart.locator("[data-state-id]").count()).toBe(countStates(enrollmentMachine.root));
    expect(await d.statechart.locator('[data-state-id="enrollment.checkingDevice"].compound').count()).toBe(
      1,
    );
    expect(await d.statechart.locator(".sc-state.final").count()).toBe(6);
    expect(await d.statechart.locator("[data-edge]").count()).toBeGreaterThan(60);

    await d.app.getByRole("button", { name: "Start" }).click();
    await visible(d.app.getByRole("heading", { name: "Enter the code" }));
    await d.smsCount(1);
    expect(await marked(d, "current")).toEqual(["enrollment.awaitingCode.editing"]);
    expect(await marked(d, "ancestor")).toEqual(["enrollment.awaitingCode"]);
    expect(await taken(d)).toEqual(["enrollment.requestingCode.sending->enrollment.awaitingCode"]);

    await d.app.getByLabel("SMS code").fill(await d.latestCode());
    await d.app.getByRole("button", { name: "Confirm" }).click();
    await visible(d.app.getByRole("heading", { name: "Phone number confirmed" }));

    expect(await highlighted()).toEqual([
      "enrollment.idle",
      "enrollment.initializing",
      "enrollment.checkingDevice.deviceActivation",
      "enrollment.checkingDevice.accountBlock",
      "enrollment.checkingTrustedPhone.reading",
      "enrollment.requestingCode.sending",
      "enrollment.awaitingCode.editing",
      "enrollment.validatingCode.checking",
      "enrollment.handoff",
    ]);
    expect(await marked(d, "current")).toEqual(["enrollment.handoff"]);
    expect(await marked(d, "ancestor")).toEqual([]);
    expect(await taken(d)).toEqual(["enrollment.validatingCode.checking->enrollment.handoff"]);
    expect(await d.statechart.locator(".last-transition").textContent()).toBe(
      "Last transition: xstate.done.actor.validateCode: validatingCode.checking → handoff",
    );
    await d.statechart.screenshot({ path: `${SCREENSHOTS}/statechart-1400-handoff.png` });
    expect(d.problems).toEqual([]);
  });

  it("emphasises every transition of the last step: the failure, then its route by recovery class", async () => {
    const d = await demo.open({}, undefined, VIEWPORTS.desktop);
    const highlighted = await recordHighlights(d);
    await d.injectFault("trustedphonenumber.get", 2202);
    await d.app.getByRole("button", { name: "Start" }).click();
    await visible(d.app.getByRole("alert"));

    expect(await marked(d, "current")).toEqual(["enrollment.checkingTrustedPhone.offline"]);
    // `failure` is left at once by its `always` routes: the drawing never stops on it.
    expect((await highlighted()).slice(-2)).toEqual([
      "enrollment.checkingTrustedPhone.reading",
      "enrollment.checkingTrustedPhone.offline",
    ]);
    expect((await taken(d)).sort()).toEqual([
      "enrollment.checkingTrustedPhone.failure->enrollment.checkingTrustedPhone.offline",
      "enrollment.checkingTrustedPhone.reading->enrollment.checkingTrustedPhone.failure",
    ]);
    await d.statechart.screenshot({ path: `${SCREENSHOTS}/statechart-1400-offline.png` });

    await d.app.getByRole("button", { name: "Try again" }).click();
    await visible(d.app.getByRole("heading", { name: "Enter the code" }));
    expect((await highlighted()).slice(-3)).toEqual([
      "enrollment.checkingTrustedPhone.reading",
      "enrollment.requestingCode.sending",
      "enrollment.awaitingCode.editing",
    ]);
    expect(d.problems).toEqual([]);
  });

  it("fits 1,400 px at a readable scale, and has no axe-core violation", async () => {
    const d = await demo.open({}, undefined, VIEWPORTS.desktop);
    await visible(d.statechart.locator("svg.sc-svg"), 20_000);
    const viewport = d.statechart.locator(".sc-viewport");
    const { scrollWidth, clientWidth } = await viewport.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const scale = Number((await d.statechart.locator(".sc-zoom").textContent())?.replace(/\D/g, ""));
    expect(scale).toBeGreaterThanOrEqual(75);
    expect(await axeViolations(d.page, "section.statechart")).toEqual([]);
    expect(await axeViolations(d.page, "section.faults")).toEqual([]);
    await d.statechart.screenshot({ path: `${SCREENSHOTS}/statechart-1400-idle.png` });
  });

  it("pans and zooms on a 390 px phone, following the current state, with no axe-core violation", async () => {
    const d = await demo.open({}, undefined, VIEWPORTS.phone);
    const tab = (name: string) => d.page.getByRole("tab", { name }).click();
    await tab("Statechart");
    await visible(d.statechart.locator("svg.sc-svg"), 20_000);
    const viewport = d.statechart.locator(".sc-viewport");
    const page = await viewport.evaluate((el) => ({ width: el.getBoundingClientRect().right }));
    expect(page.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    // Wider than the phone at a readable scale: it scrolls sideways (touch pans it natively).
    expect(await viewport.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const svgWidth = () =>
      d.statechart.locator("svg.sc-svg").evaluate((el) => el.getBoundingClientRect().width);
    const before = await svgWidth();
    await d.statechart.getByRole("button", { name: "Zoom out" }).click();
    expect(await svgWidth()).toBeLessThan(before);
    await d.statechart.getByRole("button", { name: "Zoom in" }).click();
    expect(await svgWidth()).toBe(before);

    await tab("App");
    await d.app.getByRole("button", { name: "Start" }).click();
    await visible(d.app.getByRole("heading", { name: "Enter the code" }));
    await tab("Statechart");
    // The highlighted state was scrolled into the viewport.
    const inView = await d.statechart.locator('[data-active="current"]').evaluate((node) => {
      const box = node.getBoundingClientRect();
      const view = (node.closest(".sc-viewport") as Element).getBoundingClientRect();
      return (
        box.left >= view.left && box.right <= view.right && box.top >= view.top && box.bottom <= view.bottom
      );
    });
    expect(inView).toBe(true);
    expect(await axeViolations(d.page, "section.statechart")).toEqual([]);
    await d.statechart.screenshot({ path: `${SCREENSHOTS}/statechart-390-code-entry.png` });
    expect(d.problems).toEqual([]);
  });
});
