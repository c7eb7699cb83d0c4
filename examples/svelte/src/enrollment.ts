import { useActorRef, useSelector } from "@xstate/svelte";
import { onDestroy } from "svelte";
import { derived, type Readable, readable } from "svelte/store";
import {
  type CreateEnrollmentActorOptions,
  type EnrollmentViewModel,
  prepareEnrollmentActor,
  toViewModel,
} from "../../../src/index";

/**
 * The enrollment flow for Svelte on @xstate/svelte: the actor (started with the component, stopped with
 * it), its view model as a store, and the flow's commands. In an app, import from "pims-enrollment".
 */
export function useEnrollment(options: CreateEnrollmentActorOptions, locale: Readable<string>) {
  const prepared = prepareEnrollmentActor(options);
  const actor = useActorRef(prepared.machine, prepared.actorOptions);
  prepared.bind(actor);
  const snapshot = useSelector(actor, (s) => s);
  // Countdowns (resend, code expiry) move with time, not only with the machine.
  const now = readable(Date.now(), (set) => {
    const timer = setInterval(() => set(Date.now()), 1000);
    return () => clearInterval(timer);
  });
  const view: Readable<EnrollmentViewModel> = derived([snapshot, now, locale], ([$snapshot, $now, $locale]) =>
    toViewModel($snapshot, { now: Math.max($now, Date.now()), locale: $locale }),
  );
  const online = () => actor.send({ type: "network.online" });
  const offline = () => actor.send({ type: "network.offline" });
  window.addEventListener("online", online);
  window.addEventListener("offline", offline);
  onDestroy(() => {
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
