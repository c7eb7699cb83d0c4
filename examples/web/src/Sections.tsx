import { type KeyboardEvent, type ReactNode, useRef, useSyncExternalStore } from "react";
import type { LabStrings } from "./i18n-lab";

export const SECTIONS = ["flow", "statechart", "controls", "about"] as const;
export type Section = (typeof SECTIONS)[number];

/** The width under which the page shows one section at a time, behind tabs (styles.css agrees). */
const NARROW = "(max-width: 700px)";

const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

/** Whether the window is a phone's width. */
export const useNarrow = (): boolean =>
  useSyncExternalStore(subscribe, () => window.matchMedia(NARROW).matches);

/**
 * The page's sections: side by side on a wide screen; on a phone, one at a time behind a row of tabs at
 * the top, so that the controls are one tap away instead of past everything else. Every section stays
 * mounted, hidden or not, so that switching keeps what it shows.
 */
export function Sections({
  narrow,
  selected,
  onSelect,
  t,
  sections,
}: {
  readonly narrow: boolean;
  readonly selected: Section;
  readonly onSelect: (section: Section) => void;
  readonly t: LabStrings;
  readonly sections: Record<Section, ReactNode>;
}) {
  const tabs = useRef(new Map<Section, HTMLButtonElement>());
  if (!narrow) {
    return (
      <main className="layout">
        {sections.flow}
        {sections.controls}
        {sections.statechart}
        {sections.about}
      </main>
    );
  }
  // The arrow keys, Home and End move between tabs (WAI-ARIA's tabs pattern, selection following focus).
  const onKeyDown = (event: KeyboardEvent) => {
    const index = SECTIONS.indexOf(selected);
    const next =
      event.key === "ArrowRight"
        ? SECTIONS[(index + 1) % SECTIONS.length]
        : event.key === "ArrowLeft"
          ? SECTIONS[(index + SECTIONS.length - 1) % SECTIONS.length]
          : event.key === "Home"
            ? SECTIONS[0]
            : event.key === "End"
              ? SECTIONS[SECTIONS.length - 1]
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    onSelect(next);
    tabs.current.get(next)?.focus();
  };
  return (
    <main className="layout narrow">
      <div className="tabs" role="tablist" aria-label={t.sectionsLabel}>
        {SECTIONS.map((section) => (
          <button
            key={section}
            ref={(element) => {
              if (element) tabs.current.set(section, element);
            }}
            type="button"
            role="tab"
            id={`tab-${section}`}
            aria-selected={section === selected}
            aria-controls={`section-${section}`}
            tabIndex={section === selected ? 0 : -1}
            onClick={() => onSelect(section)}
            onKeyDown={onKeyDown}
          >
            {t.tabs[section]}
          </button>
        ))}
      </div>
      {SECTIONS.map((section) => (
        <div
          key={section}
          className="tabpanel"
          role="tabpanel"
          id={`section-${section}`}
          aria-labelledby={`tab-${section}`}
          hidden={section !== selected}
        >
          {sections[section]}
        </div>
      ))}
    </main>
  );
}
