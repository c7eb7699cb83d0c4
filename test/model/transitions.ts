export {
  allStateIds,
  allTransitions,
  createTransitionRecorder,
  transitionKey,
} from "../../src/testing/coverage";
