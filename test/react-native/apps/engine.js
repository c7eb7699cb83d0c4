// The empty app importing the facade, the machine and the view model, and using them (nothing it imports is
// unused).
import { createEnrollmentActor, createPims, toViewModel } from "pims-enrollment";
import { AppRegistry } from "react-native";

globalThis.app = { createEnrollmentActor, createPims, toViewModel };
AppRegistry.registerComponent("Empty", () => () => null);
