import { useId } from "react";
import { scenarios } from "./backend";
import type { LabStrings, UrlParameter } from "./i18n-lab";

/** Every URL parameter `main.tsx` reads, with the values it accepts: the words come from `LabStrings`. */
export const URL_PARAMETERS: readonly { readonly name: UrlParameter; readonly values: string }[] = [
  { name: "backend", values: "http, embedded" },
  { name: "lang", values: "en, fr, de, it, es" },
  { name: "scenario", values: Object.keys(scenarios).join(", ") },
  { name: "cooldown", values: "> 0 (s)" },
  { name: "timeout", values: "> 0 (s)" },
  { name: "lifetime", values: "> 0 (s)" },
  { name: "autofill", values: "off" },
];

/** What the demo is, and every URL parameter it reads. */
export function About({ t, example }: { readonly t: LabStrings; readonly example: string }) {
  const id = useId();
  return (
    <section className="panel about" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.aboutTitle}</h2>
      <p>{t.aboutIntro}</p>
      <section
        className="table-scroll"
        aria-label={t.paramsCaption}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the table scrolls sideways, and a keyboard must reach it to scroll it
        tabIndex={0}
      >
        <table className="params">
          <caption>{t.paramsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.paramsHeader.name}</th>
              <th scope="col">{t.paramsHeader.values}</th>
              <th scope="col">{t.paramsHeader.fallback}</th>
              <th scope="col">{t.paramsHeader.effect}</th>
            </tr>
          </thead>
          <tbody>
            {URL_PARAMETERS.map(({ name, values }) => (
              <tr key={name} data-parameter={name}>
                <th scope="row">
                  <code>?{name}</code>
                </th>
                <td>
                  <code>{values}</code>
                </td>
                <td>{t.params[name].fallback}</td>
                <td>{t.params[name].effect}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p className="note">
        {t.paramsExample} <code>{example}</code>
      </p>
    </section>
  );
}
