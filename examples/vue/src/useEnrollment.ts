import { useActorRef, useSelector } from "@xstate/vue";
import { computed, onScopeDispose, type Ref, ref } from "vue";
import {
  type CreateEnrollmentActorOptions,
  type EnrollmentViewModel,
  prepareEnrollmentActor,
  toViewModel,
} from "../../../src/index";

/**
 * The enrollment flow as a Vue composable on @xstate/vue: the actor (started on mount, stopped on
 * unmount), its view model, and the flow's commands. In an app, import from "pims-enrollment".
 */
export function useEnrollment(options: CreateEnrollmentActorOptions, locale: Ref<string>) {
  const prepared = prepareEnrollmentActor(options);
  const actor = useActorRef(prepared.machine, prepared.actorOptions);
  // Before the actor starts (on mount): its actors reach their facade through it.
  prepared.bind(actor);
  const snapshot = useSelector(actor, (s) => s);
  // Countdowns (resend, code expiry) move with time, not only with the machine.
  const now = ref(Date.now());
  const timer = setInterval(() => {
    now.value = Date.now();
  }, 1000);
  onScopeDispose(() => clearInterval(timer));
  const view = computed<EnrollmentViewModel>(() =>
    toViewModel(snapshot.value, { now: Math.max(now.value, Date.now()), locale: locale.value }),
  );
  const online = () => actor.send({ type: "network.online" });
  const offline = () => actor.send({ type: "network.offline" });
  window.addEventListener("online", online);
  window.addEventListener("offline", offline);
  onScopeDispose(() => {
    window.removeEventListener("online", online);
    window.removeEventListener("offline", offline);
  });
  return {
    view,
    start: () => actor.send({ type: "start" }),
    submit: (code: string) => actor.send({ type: "code.submit", code }),
    resend: () => actor.send({ type: "code.resend" }),
    retry: () => actor.send({ type: "retry" }),
    cancel: () => actor.send({ type: "cancel" }),
  };
}
