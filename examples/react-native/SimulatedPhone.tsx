import type { SentSms } from "pims-enrollment/simulator";
import { Text, View } from "react-native";
import type { Strings } from "../shared/strings";
import { styles } from "./styles";

/** The SMS the simulated backend sent, as the phone would show them: where to read the code. */
export const SimulatedPhone = ({ outbox, t }: { outbox: readonly SentSms[]; t: Strings }) => (
  <View style={styles.phone} aria-label={t.phoneTitle}>
    <Text role="heading" style={styles.label}>
      {t.phoneTitle}
    </Text>
    {outbox.map((sms) => (
      <Text key={`${sms.at}-${sms.code}`}>{t.sms(sms.code)}</Text>
    ))}
  </View>
);
