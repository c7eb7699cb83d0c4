/**
 * The enrollment flow in a React Native app: `useEnrollment` (pims-enrollment/react) rendered with React
 * Native's components, on the embedded simulator, whose SMS show in a simulated phone below the screen.
 * An app on its backend passes `createHttpTransport`'s services (pims-enrollment/http) instead and has no
 * simulated phone. docs/guides/react-native.md.
 */
import { type EnrollmentClock, type EnrollmentLimits, registerLocale } from "pims-enrollment";
import { de } from "pims-enrollment/locales/de";
import { es } from "pims-enrollment/locales/es";
import { fr } from "pims-enrollment/locales/fr";
import { it } from "pims-enrollment/locales/it";
import { useEnrollment } from "pims-enrollment/react";
import type { Simulator } from "pims-enrollment/simulator";
import { useState } from "react";
import { ScrollView } from "react-native";
import { type Language, strings } from "../shared/strings";
import { EnrollmentScreen } from "./EnrollmentScreen";
import { LanguagePicker } from "./LanguagePicker";
import { SimulatedPhone } from "./SimulatedPhone";
import { styles } from "./styles";

// The view model reads English by default; the app's four other languages are registered, so that
// `useEnrollment({ locale })` gives them. An app registers only the languages it offers.
registerLocale(fr, de, it, es);

export interface AppProps {
  readonly simulator: Simulator;
  /** The flow's clock; tests pass xstate's `SimulatedClock` to move time by hand. */
  readonly clock?: EnrollmentClock;
  /** The flow's limits (resend cooldown, code lifetime…); the engine's defaults otherwise. */
  readonly limits?: Partial<EnrollmentLimits>;
}

export const App = ({ simulator, clock, limits }: AppProps) => {
  const [language, setLanguage] = useState<Language>("en");
  const t = strings[language];
  const enrollment = useEnrollment({
    services: simulator.services,
    locale: language,
    // WebOTP is a browser's API; on a phone the keyboard offers the code (see CodeField).
    smsAutofill: false,
    ...(clock === undefined ? {} : { clock }),
    ...limits,
  });
  return (
    <ScrollView contentContainerStyle={styles.app} keyboardShouldPersistTaps="handled">
      <LanguagePicker language={language} onChange={setLanguage} t={t} />
      <EnrollmentScreen enrollment={enrollment} t={t} />
      <SimulatedPhone outbox={simulator.outbox} t={t} />
    </ScrollView>
  );
};
