/**
 * The app's entry file, as `react-native init` makes one (`AppRegistry.registerComponent`). The
 * polyfill comes first: React Native has no `crypto.getRandomValues`, which the simulator's SMS codes
 * need (docs/guides/react-native.md, "Globals and polyfills").
 */
import "react-native-get-random-values";
import { createSimulator } from "pims-enrollment/simulator";
import { AppRegistry } from "react-native";
import { App } from "./App";

const simulator = createSimulator();

AppRegistry.registerComponent("PimsEnrollment", () => () => <App simulator={simulator} />);
