// The engine app with French registered: what one language beyond English adds under Metro.
import { createEnrollmentActor, createPims, registerLocale, toViewModel } from "pims-enrollment";
import { fr } from "pims-enrollment/locales/fr";
import { AppRegistry } from "react-native";

registerLocale(fr);
globalThis.app = { createEnrollmentActor, createPims, toViewModel };
AppRegistry.registerComponent("Empty", () => () => null);
