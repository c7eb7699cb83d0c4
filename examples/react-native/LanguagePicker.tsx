import { Pressable, Text, View } from "react-native";
import { type Language, languages, type Strings, strings } from "../shared/strings";
import { styles } from "./styles";

interface LanguagePickerProps {
  readonly language: Language;
  readonly onChange: (language: Language) => void;
  readonly t: Strings;
}

/** The five languages, each named in itself; the view model's messages follow the choice. */
export const LanguagePicker = ({ language, onChange, t }: LanguagePickerProps) => (
  <View style={styles.languages} role="radiogroup" aria-label={t.languageLabel}>
    <Text>{t.languageLabel}</Text>
    {languages.map((lang) => (
      <Pressable
        key={lang}
        role="radio"
        aria-checked={lang === language}
        onPress={() => onChange(lang)}
        style={[styles.language, lang === language && styles.languageSelected]}
      >
        <Text>{strings[lang].languageName}</Text>
      </Pressable>
    ))}
  </View>
);
