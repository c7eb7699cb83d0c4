// The same imports as apps/engine.js without React Native: what the package adds to Metro's bare runtime,
// counting the Babel helpers (classes, destructuring, async functions) that React Native's own code shares.
import { createEnrollmentActor, createPims, toViewModel } from "pims-enrollment";

globalThis.app = { createEnrollmentActor, createPims, toViewModel };
