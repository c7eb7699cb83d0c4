import { useActorRef, useSelector } from "@xstate/svelte";
import { onDestroy } from "svelte";
import { derived, type Readable, writable } from "svelte/store";
import { type CreateEnrollmentActorOptions, prepareEnrollmentActor } from "../../../src/index";
import { type ConnectFlowOptions, connectFlow, viewAt } from "../../shared/page-flow";

/**
 * The enrollment flow for Svelte on @xstate/svelte: the actor (started with the component, stopped with
 * it), its view model as a store, and the flow's commands (../../shared/page-flow.ts). In an app, import
 * from "pims-enrollment".
 */
export function useEnrollment(
  options: CreateEnrollmentActorOptions,
  locale: Readable<string>,
  page: Omit<ConnectFlowOptions, "onSecond">,
) {
  const prepared = prepareEnrollmentActor(options);
  const actor = useActorRef(prepared.machine, prepared.actorOptions);
  prepared.bind(actor);
  const snapshot = useSelector(actor, (s) => s);
  const now = writable(Date.now());
  const { disconnect, ...commands } = connectFlow(actor, {
    ...page,
    onSecond: () => now.set(Date.now()),
  });
  onDestroy(disconnect);
  return {
    view: derived([snapshot, now, locale], ([$snapshot, $now, $locale]) => viewAt($snapshot, $now, $locale)),
    ...commands,
  };
}
