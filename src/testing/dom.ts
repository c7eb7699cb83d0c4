import type { ScreenReading } from "./types.js";

/**
 * The data attributes a screen carries for the DOM drivers, rendered from the view model:
 * - `data-pims-step` and `data-pims-phase` on the screen's root: `view.step` and `view.phase` (no phase
 *   attribute, or an empty one, when `view.phase` is null);
 * - `data-pims-error="<code>"` on the element that shows the error, only while it shows one;
 * - `data-pims-attempts-left` on the element whose text tells the attempts left (its first number is read);
 * - `data-pims-field="code"` on the code field, `data-pims-action="submit"` on the button that sends it;
 * - `data-pims-action="start" | "resend" | "retry" | "cancel"` on those buttons.
 * Only what shows counts: an element that is `hidden`, or inside one, or not rendered, is not read.
 */
export const selectors = {
  step: "[data-pims-step]",
  error: "[data-pims-error]",
  attemptsLeft: "[data-pims-attempts-left]",
  codeField: '[data-pims-field="code"]',
  action: (name: string) => `[data-pims-action="${name}"]`,
} as const;

/**
 * What the screen under `root` shows. Self-contained (no closure, no import), so that a browser driver can
 * send it to the page as it is.
 */
export function readScreen(root: ParentNode): ScreenReading {
  // `isShown`, repeated here: a function sent to a page takes nothing with it.
  const shows = (element: Element): boolean => {
    for (let node: Element | null = element; node; node = node.parentElement) {
      if ((node as HTMLElement).hidden) return false;
    }
    const check = (element as Element & { checkVisibility?: () => boolean }).checkVisibility;
    return typeof check === "function" ? check.call(element) : true;
  };
  const shown = (selector: string): Element | null =>
    Array.from(root.querySelectorAll(selector)).find(shows) ?? null;
  const screen = shown("[data-pims-step]");
  const error = shown("[data-pims-error]")?.getAttribute("data-pims-error");
  const attempts = shown("[data-pims-attempts-left]")?.textContent?.match(/\d+/)?.[0];
  return {
    step: screen?.getAttribute("data-pims-step") ?? null,
    phase: screen?.getAttribute("data-pims-phase") || null,
    errorCode: error ? Number(error) : null,
    attemptsLeft: attempts === undefined ? null : Number(attempts),
  };
}

/** Whether an element shows: neither it nor an ancestor `hidden`, and rendered where the DOM can tell. */
const isShown = (element: Element): boolean => {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if ((node as HTMLElement).hidden) return false;
  }
  const check = (element as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check === "function" ? check.call(element) : true;
};

/** The element matching `selector` that shows under `root`; throws saying there is none. */
export const shownElement = (root: ParentNode, selector: string): HTMLElement => {
  const all = Array.from(root.querySelectorAll<HTMLElement>(selector));
  const element = all.find(isShown);
  if (!element) throw new Error(`the screen shows no ${selector}${all.length > 0 ? " (it is hidden)" : ""}`);
  return element;
};
