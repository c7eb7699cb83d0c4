import type { AnyStateNode, Snapshot } from "xstate";
import * as z from "zod/mini";
import { type ErrorCode, isErrorCode } from "../errors/index.js";
import { limitSchema } from "../schemas/limits.js";
import { ENROLLMENT_STATUSES } from "../schemas/status.js";
import { enrollmentMachine } from "./enrollment.machine.js";
import { MAX_COUNT, timerLimits } from "./limits.js";
import type { EnrollmentContext, EnrollmentLimits } from "./types.js";

/**
 * The format of a persisted enrollment snapshot, as its `version` says. Snapshots of the first release
 * have no `version`; they are read as this one when they validate.
 */
export const ENROLLMENT_SNAPSHOT_VERSION = 1;

/** A persisted snapshot that cannot be restored: its message says what is wrong with it. */
export class EnrollmentSnapshotError extends Error {
  constructor(message: string) {
    super(`Cannot restore this enrollment snapshot: ${message}`);
    this.name = "EnrollmentSnapshotError";
  }
}

/** The latest instant a `Date` holds, in ms since the epoch. */
const MAX_EPOCH_MS = 8.64e15;

/** An actor a state invokes, as the machine defines it: its id, the name of its logic, and its input. */
type Invoke = AnyStateNode["invoke"][number];

/** A state the flow can be persisted in: its node, and the actors it (and its ancestors) invoke. */
interface RestingState {
  readonly node: AnyStateNode;
  /** Its value as a persisted snapshot holds it (`{ awaitingCode: "editing" }`), in JSON. */
  readonly value: string;
  /** By invoke id, as a persisted child is recorded. */
  readonly invokes: ReadonlyMap<string, Invoke>;
}

/**
 * Every state of the machine a snapshot can be in, by its value in JSON, read from the machine itself:
 * its leaves, less those it only passes through (an unguarded `always` leaves them in the same step).
 * The machine has no parallel and no history states.
 */
const collectRestingStates = (
  node: AnyStateNode,
  path: readonly string[],
  inherited: ReadonlyMap<string, Invoke>,
  into: Map<string, RestingState>,
): Map<string, RestingState> => {
  const invokes = new Map(inherited);
  for (const invoke of node.invoke) invokes.set(invoke.id, invoke);
  if (node.always?.some((transition) => transition.guard === undefined)) return into;
  const children = Object.values(node.states);
  if (children.length === 0) {
    const value = JSON.stringify(
      path.reduceRight<unknown>((inner, key) => (inner ? { [key]: inner } : key), ""),
    );
    into.set(value, { node, value, invokes });
  }
  for (const child of children) collectRestingStates(child, [...path, child.key], invokes, into);
  return into;
};

/** The states a snapshot can be in, by value in JSON; no other value is one. */
const restingStates = /* @__PURE__ */ collectRestingStates(enrollmentMachine.root, [], new Map(), new Map());

/** An absolute deadline: an instant a `Date` holds, or none. */
const deadlineSchema = () => z.nullable(limitSchema({ min: 0, max: MAX_EPOCH_MS, integer: false }));
/** A count of sends or attempts; `refine` checks it against its limit. */
const counterSchema = () => limitSchema({ min: 0, max: MAX_COUNT, integer: true });

/** The flow's limits, each within its documented bounds: one check per entry of `timerLimits`. */
const timersSchema = () =>
  z.strictObject(
    Object.fromEntries(
      Object.entries(timerLimits).map(([name, limit]) => [name, limitSchema(limit)]),
    ) as Record<keyof EnrollmentLimits, ReturnType<typeof limitSchema>>,
  );

/** The context, field by field: types, and ranges (each limit within its documented bounds, counters within their limits). */
const contextSchema = () =>
  z
    .strictObject({
      timers: timersSchema(),
      phoneNumber: z.nullable(z.string()),
      sendsUsed: counterSchema(),
      attemptsLeft: counterSchema(),
      codeExpiresAt: deadlineSchema(),
      resendAvailableAt: deadlineSchema(),
      resendReady: z.boolean(),
      online: z.boolean(),
      status: z.nullable(z.enum(ENROLLMENT_STATUSES)),
      error: z.nullable(
        z.strictObject({
          code: z.custom<ErrorCode>((code) => isErrorCode(code), { message: "not a code of the catalogue" }),
          label: z.string(),
        }),
      ),
    })
    .check(
      z.refine((context) => context.sendsUsed <= context.timers.maxSends, {
        message: "sendsUsed is more than timers.maxSends",
      }),
      z.refine((context) => context.attemptsLeft <= context.timers.maxAttempts, {
        message: "attemptsLeft is more than timers.maxAttempts",
      }),
    ) satisfies z.ZodMiniType<EnrollmentContext, unknown>;

/**
 * What a persisted snapshot says besides its state value: its status and context. What else it holds is
 * derived again (the children, the output) or has nothing to say (the machine has no history state).
 */
const persistedSchema = () => z.object({ status: z.enum(["active", "done"]), context: contextSchema() });

/**
 * A restored child's input: what the machine's invoke gives it, from the context just checked (the deadline
 * timers; the token's post-synchronization, retried on restore with the validated status). The machine's
 * inputs (inputs.ts) read the context only.
 */
const restoredInput = ({ input }: Invoke, context: EnrollmentContext): unknown =>
  typeof input === "function"
    ? (input as (args: { context: EnrollmentContext }) => unknown)({ context })
    : input;

const schema = /* @__PURE__ */ persistedSchema();

/**
 * One zod issue as a line: where, what is wrong (zod's issue code, or the check's own message), and
 * zod's details (`{"minimum":0,…}`, `{"expected":"number"}`, `{"keys":["extra"]}`).
 */
const describeIssue = ({ path, code, message, ...details }: z.core.$ZodIssue): string =>
  `${path.join(".")}: ${code === "custom" ? message : code.replaceAll("_", " ")} ${JSON.stringify(details)}`;

const refuse = (message: string): never => {
  throw new EnrollmentSnapshotError(message);
};

/**
 * Checks a persisted enrollment snapshot (`actor.getPersistedSnapshot()`, as stored) and returns what
 * the machine can restore, or throws an `EnrollmentSnapshotError` saying what is wrong. Checked: the
 * format version; the shape; the state, one of the machine's own (read from it, so a new state is
 * covered); every context field's type and range. What the state and the context decide is derived
 * again, not read: the children (exactly the actors that state runs, still running, a deadline timer's
 * input from the context), and a finished flow's output (what its final state gives its context). The
 * result is a copy: nothing of `value` is kept.
 *
 * `createEnrollmentActor({ snapshot })` calls it; an app that calls `createActor(enrollmentMachine,
 * { snapshot })` itself calls it first, since XState turns a failed restore into an actor in an error
 * state rather than a throw.
 */
export const parseEnrollmentSnapshot = (value: unknown): Snapshot<unknown> => {
  try {
    return parse(value as Partial<Record<"version" | "value", unknown>> | null | undefined);
  } catch (error) {
    if (error instanceof EnrollmentSnapshotError) throw error;
    // A getter or a proxy that throws.
    return refuse(`it could not be read (${String(error)})`);
  }
};

const parse = (persisted: Partial<Record<"version" | "value", unknown>> | null | undefined) => {
  const version = persisted?.version;
  if (version !== undefined && version !== ENROLLMENT_SNAPSHOT_VERSION) {
    refuse(`its format version is ${String(version)}, this release reads ${ENROLLMENT_SNAPSHOT_VERSION}`);
  }
  const result = schema.safeParse(persisted);
  if (!result.success) return refuse(result.error.issues.slice(0, 5).map(describeIssue).join("; "));
  const { status, context } = result.data;
  const value = JSON.stringify(persisted?.value) ?? "undefined";
  const state = restingStates.get(value);
  if (!state) return refuse(`value: ${value} is not a state of the enrollment machine`);
  const final = state.node.type === "final";
  if ((status === "done") !== final) refuse(`status: "${status}" does not fit the state ${value}`);
  return {
    status,
    value: JSON.parse(state.value),
    historyValue: {},
    context,
    // Exactly the actors this state runs, still running. A persisted child's own snapshot holds nothing to
    // keep: a request sent once reads no input (it answers "interrupted"); a deadline timer and the
    // post-synchronization start from the context just checked, as they did when they were started.
    children: Object.fromEntries(
      [...state.invokes].map(([id, invoke]) => [
        id,
        { src: invoke.src, snapshot: { status: "active", input: restoredInput(invoke, context) } },
      ]),
    ),
    // A finished flow's output is its final state's, from the context just checked.
    output: final ? outputOf(state.node, context) : undefined,
    error: undefined,
  } as Snapshot<unknown>;
};

/**
 * What a final state outputs for `context`: the machine's own output function (every final state has
 * one). The step's answer that brought the flow there is long gone, so they read no event (an
 * accountBlocked output then has no `blockState`).
 */
const outputOf = (node: AnyStateNode, context: EnrollmentContext): unknown =>
  (node.output as (args: { context: EnrollmentContext; event: { type: string } }) => unknown)({
    context,
    event: { type: "xstate.restore" },
  });
