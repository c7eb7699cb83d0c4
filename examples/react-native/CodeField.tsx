import { useState } from "react";
import { Text, TextInput, View } from "react-native";
import type { Strings } from "../shared/strings";
import { Button } from "./Button";
import { styles } from "./styles";

interface CodeFieldProps {
  readonly t: Strings;
  /** While the code is checked: the field is read-only and the button does nothing. */
  readonly busy: boolean;
  /** `useEnrollment`'s `submit`, which passes the text through `normalizeCode`. */
  readonly onSubmit: (text: string) => void;
}

/**
 * The SMS code field with the platforms' one-time-code hints: iOS offers the code from Messages above the
 * keyboard (`textContentType`), Android's autofill service offers it from the SMS (`autoComplete`).
 */
export const CodeField = ({ t, busy, onSubmit }: CodeFieldProps) => {
  const [text, setText] = useState("");
  const submit = () => {
    if (!busy) onSubmit(text);
  };
  return (
    <View style={styles.screen}>
      <Text style={styles.label}>{t.codeLabel}</Text>
      <TextInput
        aria-label={t.codeLabel}
        accessibilityHint={t.codeHint}
        value={text}
        onChangeText={setText}
        onSubmitEditing={submit}
        editable={!busy}
        textContentType="oneTimeCode"
        autoComplete="sms-otp"
        keyboardType="number-pad"
        returnKeyType="done"
        // No maxLength: a whole SMS pasted in still gives its code (normalizeCode, in submit).
        autoFocus
        style={styles.input}
      />
      <Text style={styles.smallPrint}>{t.codeHint}</Text>
      <Button label={t.confirm} onPress={submit} disabled={busy} primary />
    </View>
  );
};
