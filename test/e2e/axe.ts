import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
/**
 * axe-core's browser build, from the package (a devDependency). It is evaluated in the page rather than
 * added as a script tag, which the page's Content-Security-Policy (script-src 'self') rightly refuses.
 */
const AXE_SCRIPT = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/** axe-core's violations inside the element matched by `selector`, WCAG 2.x A and AA and best practices. */
export const axeViolations = async (page: Page, selector: string): Promise<AxeViolation[]> => {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SCRIPT);
  return page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe;
    type AxeResults = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
      passes: unknown[];
    };
    const results = await axe.run(context, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    // A context that matched nothing passes every rule: that would prove nothing.
    if (results.passes.length === 0) throw new Error(`axe-core checked nothing in ${String(context)}`);
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  }, selector);
};
