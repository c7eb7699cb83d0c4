import { createMachine as createXStateMachine, type setup as xstateSetup } from "xstate";

type Implementations = Parameters<typeof createXStateMachine>[1];

/**
 * XState's `setup`, with XState's types, less the action creators (`assign`, `sendTo`, `raise`, …) that
 * XState's result carries as properties and that this machine never calls: as properties, no bundler can
 * drop them, which cost every app 0.8 kB gzip. The machine is XState's `createMachine` with the named
 * implementations, as `setup` makes it. The result has `createMachine` only, whatever XState's type says.
 */
export const setup = ((implementations: Implementations) => ({
  createMachine: (config: Parameters<typeof createXStateMachine>[0]) =>
    createXStateMachine(config, implementations),
})) as unknown as typeof xstateSetup;
