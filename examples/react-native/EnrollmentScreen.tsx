import type { EnrollmentViewModel } from "pims-enrollment";
import type { UseEnrollment } from "pims-enrollment/react";
import { useEffect } from "react";
import { AccessibilityInfo, ActivityIndicator, Text, View } from "react-native";
import { type Strings, titleOf } from "../shared/strings";
import { Button } from "./Button";
import { CodeField } from "./CodeField";
import { styles } from "./styles";

/** What the app does next, once the flow has ended where it points somewhere. */
const nextStep = (t: Strings, view: EnrollmentViewModel): string | null => {
  const output = view.output;
  if (output?.outcome === "handoff") return output.next.pin === "new" ? t.next.newPin : t.next.existingPin;
  if (output?.outcome === "accountBlocked") return t.next.remove;
  if (output?.outcome === "trustedPhoneRequired") return t.next.addPhone;
  return null;
};

/** The meta line of code entry: the attempts left and, while it runs, the code's countdown. */
const codeMeta = (t: Strings, view: EnrollmentViewModel): string =>
  t.attemptsLeft(view.attemptsLeft) +
  (view.codeExpiresInSeconds === null ? "" : ` · ${t.codeExpiresIn(view.codeExpiresInSeconds)}`);

/**
 * Every step of the flow from `useEnrollment`'s view model: start, code entry (with its errors, attempts,
 * countdowns and resend), retry when the SMS request stalled or the phone is offline, cancel, and the
 * outcomes. The error messages come localized from the view model; the rest from `t`.
 */
export const EnrollmentScreen = ({ enrollment, t }: { enrollment: UseEnrollment; t: Strings }) => {
  const { view, snapshot } = enrollment;
  const inCodeEntry = view.step === "awaitingCode";
  const status = view.busy ? t.pleaseWait : (view.notice ?? nextStep(t, view));

  // Screen readers hear the moments that matter (a resend available, the code about to expire), never
  // the countdown's every second.
  useEffect(() => {
    if (view.announcement !== null) AccessibilityInfo.announceForAccessibility(view.announcement);
  }, [view.announcement]);

  return (
    <View style={styles.screen} aria-busy={view.busy}>
      <Text role="heading" style={styles.title}>
        {titleOf(t, view)}
      </Text>
      {view.online ? null : <Text style={styles.badge}>{t.offline}</Text>}
      {view.busy ? <ActivityIndicator /> : null}
      {status === null ? null : <Text aria-live="polite">{status}</Text>}

      {view.error === null ? null : (
        // One element for screen readers: the message, then its small print.
        <View role="alert" accessible style={styles.error}>
          <Text style={styles.errorMessage}>{view.error.message}</Text>
          {/* For support: the code and the SDK's label, untranslated. */}
          <Text style={styles.smallPrint}>{view.error.detail}</Text>
        </View>
      )}

      {view.canSubmit || view.step === "validatingCode" ? (
        // A new SMS gives an empty field; a wrong code stays there to be corrected.
        <CodeField key={snapshot.context.sendsUsed} t={t} busy={view.busy} onSubmit={enrollment.submit} />
      ) : null}
      {inCodeEntry ? <Text>{codeMeta(t, view)}</Text> : null}

      {view.step === "idle" ? <Button label={t.start} onPress={enrollment.start} primary /> : null}
      {inCodeEntry ? (
        <Button
          label={view.canResend || view.resendInSeconds === 0 ? t.resend : t.resendIn(view.resendInSeconds)}
          onPress={enrollment.resend}
          disabled={!view.canResend}
        />
      ) : null}
      {view.phase === "stalled" || view.phase === "offline" ? (
        <Button label={t.retry} onPress={enrollment.retry} disabled={!view.canRetry} />
      ) : null}
      {view.done || view.step === "idle" ? null : <Button label={t.cancel} onPress={enrollment.cancel} />}
    </View>
  );
};
