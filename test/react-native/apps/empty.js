// The empty app, the size check's baseline: React Native's runtime and an app that renders nothing.
import { AppRegistry } from "react-native";

AppRegistry.registerComponent("Empty", () => () => null);
