import {
  type AnyEventObject,
  createMachine as createXStateMachine,
  type EventObject,
  type MachineContext,
  type MetaObject,
  type NonReducibleUnknown,
  type ParameterizedObject,
  type UnknownActorLogic,
  type setup as xstateSetup,
} from "xstate";

type Implementations = Parameters<typeof createXStateMachine>[1];

/**
 * XState's `setup` less the action creators (`assign`, `sendTo`, `raise`, …) that XState's result carries
 * as properties and that this machine never calls: as properties, no bundler can drop them, which cost
 * every app 0.8 kB gzip. It takes XState's `setup` arguments, with their inference, and returns only
 * `createMachine`: XState's `createMachine` with the named implementations, as `setup` makes it.
 */
type SetupWithoutActionCreators = <
  TContext extends MachineContext,
  TEvent extends AnyEventObject,
  TActors extends Record<string, UnknownActorLogic> = {},
  TChildrenMap extends Record<string, string> = {},
  TActions extends Record<string, ParameterizedObject["params"] | undefined> = {},
  TGuards extends Record<string, ParameterizedObject["params"] | undefined> = {},
  TDelay extends string = never,
  TTag extends string = string,
  TInput = NonReducibleUnknown,
  TOutput extends NonReducibleUnknown = NonReducibleUnknown,
  TEmitted extends EventObject = EventObject,
  TStateMeta extends MetaObject = MetaObject,
  TTransitionMeta extends MetaObject = TStateMeta,
>(
  ...implementations: Parameters<
    typeof xstateSetup<
      TContext,
      TEvent,
      TActors,
      TChildrenMap,
      TActions,
      TGuards,
      TDelay,
      TTag,
      TInput,
      TOutput,
      TEmitted,
      TStateMeta,
      TTransitionMeta
    >
  >
) => Pick<
  ReturnType<
    typeof xstateSetup<
      TContext,
      TEvent,
      TActors,
      TChildrenMap,
      TActions,
      TGuards,
      TDelay,
      TTag,
      TInput,
      TOutput,
      TEmitted,
      TStateMeta,
      TTransitionMeta
    >
  >,
  "createMachine"
>;

export const setup = ((implementations: Implementations) => ({
  createMachine: (config: Parameters<typeof createXStateMachine>[0]) =>
    createXStateMachine(config, implementations),
})) as unknown as SetupWithoutActionCreators;
