import { Pressable, Text } from "react-native";
import { styles } from "./styles";

interface ButtonProps {
  readonly label: string;
  readonly onPress: () => void;
  readonly disabled?: boolean;
  /** The screen's main action (filled) or another one (outlined). */
  readonly primary?: boolean;
}

/** A button people and screen readers both find by its label. */
export const Button = ({ label, onPress, disabled = false, primary = false }: ButtonProps) => (
  <Pressable
    role="button"
    aria-disabled={disabled}
    disabled={disabled}
    onPress={onPress}
    style={[primary ? styles.button : styles.secondary, disabled && styles.disabled]}
  >
    <Text style={primary ? styles.buttonText : styles.secondaryText}>{label}</Text>
  </Pressable>
);
