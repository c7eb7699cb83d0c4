// The empty app with xstate alone (all of it, as Metro keeps every module an import reaches): the peer's
// share of the footprint, which the app shares with @xstate/react.
import { AppRegistry } from "react-native";
import * as xstate from "xstate";

globalThis.app = { xstate };
AppRegistry.registerComponent("Empty", () => () => null);
