import { useActorRef, useSelector } from "@xstate/vue";
import { computed, onScopeDispose, type Ref, ref } from "vue";
import { type CreateEnrollmentActorOptions, prepareEnrollmentActor } from "../../../src/index";
import { type ConnectFlowOptions, connectFlow, viewAt } from "../../shared/page-flow";

/**
 * The enrollment flow as a Vue composable on @xstate/vue: the actor (started on mount, stopped on
 * unmount), its view model, and the flow's commands (../../shared/page-flow.ts). In an app, import from
 * "pims-enrollment".
 */
export function useEnrollment(
  options: CreateEnrollmentActorOptions,
  locale: Ref<string>,
  page: Omit<ConnectFlowOptions, "onSecond">,
) {
  const prepared = prepareEnrollmentActor(options);
  const actor = useActorRef(prepared.machine, prepared.actorOptions);
  // Before the actor starts (on mount): its actors reach their facade through it.
  prepared.bind(actor);
  const snapshot = useSelector(actor, (s) => s);
  const now = ref(Date.now());
  const { disconnect, ...commands } = connectFlow(actor, {
    ...page,
    onSecond: () => {
      now.value = Date.now();
    },
  });
  onScopeDispose(disconnect);
  return { view: computed(() => viewAt(snapshot.value, now.value, locale.value)), ...commands };
}
