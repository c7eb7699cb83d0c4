// What an app ships for the SMS-code step: the facade and the machine, with xstate and zod bundled in.
// size-limit bundles this file against the built package (`npm run build` first).
import { createEnrollmentActor, createPims, toViewModel } from "../../dist/index.js";

/** @param {import("../../dist/index.js").Services} services */
export const enroll = (services, render) => {
  const pims = createPims({ services });
  pims.get("pims.authentication.trustedphonenumber", {}, render);
  const actor = createEnrollmentActor({ services });
  actor.subscribe((snapshot) => render(toViewModel(snapshot)));
  actor.start();
  actor.send({ type: "start" });
  return (code) => actor.send({ type: "code.submit", code });
};
