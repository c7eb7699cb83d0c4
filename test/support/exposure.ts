import { inspect } from "node:util";
import type { AnyActorRef, InspectionEvent } from "xstate";

/**
 * Looking for secrets in what an engine exposes, three ways: as JSON (what an app or a devtool would
 * store or send), as Node's inspector prints it with everything shown (what a `console.log` would
 * print), and as every string reachable from it through properties, Map and Set entries (what any code
 * holding the value could read).
 */

export interface Leak {
  /** Where the value was captured ("logger info", "inspect @xstate.snapshot", …). */
  readonly where: string;
  /** Which serialization showed it. */
  readonly how: "json" | "inspect" | "reachable";
  /** Which secret. */
  readonly secret: string;
  /** For `reachable`: the property path to the string. */
  readonly path?: string;
}

const INSPECT_ALL = {
  depth: null,
  showHidden: true,
  maxArrayLength: Number.POSITIVE_INFINITY,
  maxStringLength: Number.POSITIVE_INFINITY,
  breakLength: Number.POSITIVE_INFINITY,
  getters: false,
} as const;

const isActorRef = (value: object): value is AnyActorRef =>
  typeof (value as Partial<AnyActorRef>).getSnapshot === "function" &&
  typeof (value as Partial<AnyActorRef>).sessionId === "string";

const isMachineSnapshot = (value: object): boolean => "machine" in value && "_nodes" in value;

const isTransitionDefinition = (value: object): boolean =>
  "eventType" in value && "source" in value && "target" in value;

const isPlain = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null || Array.isArray(value);
};

/**
 * What a value exposes, as data: an actor is its id and its snapshot; a machine snapshot is its
 * state, context, tags, children and output (not the machine definition it points to, which is the
 * same static code for every actor); a transition is its source, event, guard, actions and targets.
 * Plain objects keep every own key, symbols included, so a redacting `toJSON` or inspector survives.
 */
export const exposedData = (value: unknown, depth = 0): unknown => {
  if (typeof value !== "object" || value === null || depth > 40) return value;
  const next = (v: unknown) => exposedData(v, depth + 1);
  if (isActorRef(value)) {
    let snapshot: unknown;
    try {
      snapshot = next(value.getSnapshot());
    } catch {
      // XState refuses to show a snapshot while the actor initializes itself; the walk still reads it.
      snapshot = "(initializing)";
    }
    return { actor: value.id, sessionId: value.sessionId, snapshot };
  }
  if (isMachineSnapshot(value)) {
    const s = value as unknown as Record<string, unknown> & {
      tags: Set<string>;
      children: Record<string, unknown>;
      historyValue: Record<string, { id: string }[]>;
    };
    return {
      status: s.status,
      value: next(s.value),
      context: next(s.context),
      tags: [...s.tags],
      children: Object.fromEntries(Object.entries(s.children).map(([id, child]) => [id, next(child)])),
      historyValue: Object.fromEntries(
        Object.entries(s.historyValue ?? {}).map(([id, nodes]) => [id, nodes.map((n) => n.id)]),
      ),
      output: next(s.output),
      error: next(s.error),
    };
  }
  if (isTransitionDefinition(value)) {
    const t = value as {
      eventType: string;
      source: { id: string };
      target?: { id: string }[];
      guard?: unknown;
      actions?: unknown;
      reenter?: boolean;
    };
    return {
      eventType: t.eventType,
      source: t.source.id,
      target: (t.target ?? []).map((n) => n.id),
      guard: next(t.guard),
      actions: next(t.actions),
      reenter: t.reenter,
    };
  }
  if (value instanceof Error) {
    return {
      name: value.name,
      message: value.message,
      stack: value.stack,
      cause: next(value.cause),
      ...Object.fromEntries(Object.entries(value).map(([k, v]) => [k, next(v)])),
    };
  }
  if (value instanceof Map) return [...value].map(([k, v]) => [next(k), next(v)]);
  if (value instanceof Set) return [...value].map(next);
  if (!isPlain(value)) return value;
  if (Array.isArray(value)) return value.map(next);
  const copy: Record<PropertyKey, unknown> = {};
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && "value" in descriptor) copy[key] = next(descriptor.value);
  }
  return copy;
};

const jsonOf = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? "";
  } catch (error) {
    return `unserializable: ${String(error)}`;
  }
};

/** Every string reachable from `root` through own properties (getters are not run), Map and Set entries. */
export const reachableStrings = (
  root: unknown,
  skip: (value: unknown, path: string) => boolean = () => false,
): { path: string; text: string }[] => {
  const seen = new Set<unknown>();
  const found: { path: string; text: string }[] = [];
  const stack: [unknown, string][] = [[root, "$"]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [value, path] = item;
    if (typeof value === "string") {
      found.push({ path, text: value });
      continue;
    }
    if ((typeof value !== "object" && typeof value !== "function") || value === null) continue;
    if (seen.has(value) || skip(value, path)) continue;
    seen.add(value);
    if (value instanceof Map) {
      for (const [k, v] of value) stack.push([k, `${path}<key>`], [v, `${path}.get(${String(k)})`]);
    }
    if (value instanceof Set) for (const v of value) stack.push([v, `${path}<item>`]);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && "value" in descriptor) stack.push([descriptor.value, `${path}.${String(key)}`]);
    }
  }
  return found;
};

/**
 * XState's mailbox holds the event an actor is processing until it is processed: an inspection event or
 * a snapshot observed meanwhile reaches the app's own `code.submit` through `<actor>.mailbox`. That is
 * the app's object in XState's queue, not a copy the engine made; `userEvents` are allowed there only.
 */
const inMailbox = (path: string) => /\.mailbox\._(?:current|last)(?:\.next)*\.value$/.test(path);

/** Collects leaks of `secrets` from everything handed to `check`. */
export const createLeakDetector = (
  secrets: () => readonly string[],
  userEvents: ReadonlySet<unknown> = new Set(),
) => {
  const leaks: Leak[] = [];
  let checked = 0;
  return {
    leaks,
    get checked() {
      return checked;
    },
    /**
     * Checks `raw` (as JSON and by reachability) and what it exposes (as JSON and through the
     * inspector); `allowed` are objects allowed to hold a secret, left out of the check.
     */
    check(where: string, raw: unknown, allowed: ReadonlySet<unknown> = new Set()) {
      checked += 1;
      const wanted = secrets().filter((s) => s.length > 0);
      if (wanted.length === 0) return;
      const data = exposedData(raw);
      const json = `${jsonOf(raw)}\n${jsonOf(data)}`;
      const printed = inspect(data, INSPECT_ALL);
      const strings = reachableStrings(
        raw,
        (value, path) => allowed.has(value) || (userEvents.has(value) && inMailbox(path)),
      );
      for (const secret of wanted) {
        if (json.includes(secret)) leaks.push({ where, how: "json", secret });
        if (printed.includes(secret)) leaks.push({ where, how: "inspect", secret });
        const hit = strings.find((s) => s.text.includes(secret));
        if (hit) leaks.push({ where, how: "reachable", secret, path: hit.path });
      }
    },
  };
};

export type LeakDetector = ReturnType<typeof createLeakDetector>;

/** The inspection events that may carry the user's own event: its receipt and what it caused. */
const CARRIES_CAUSE = new Set(["@xstate.snapshot", "@xstate.microstep", "@xstate.transition"]);

/**
 * Checks an inspection event, allowing a secret only where the user put it: the `code.submit` event
 * the app itself sent (`sent`), as the `.event` of its `@xstate.event` (no `sourceRef`: it came from
 * outside) and of the `@xstate.snapshot`/`@xstate.microstep`/`@xstate.transition` events it caused.
 * Returns whether the event was one of those.
 */
export const checkInspection = (
  detector: LeakDetector,
  event: InspectionEvent,
  sent: ReadonlySet<unknown>,
): boolean => {
  const carried = (event as { event?: unknown }).event;
  const userEvent =
    carried !== undefined &&
    sent.has(carried) &&
    ((event.type === "@xstate.event" && event.sourceRef === undefined) || CARRIES_CAUSE.has(event.type));
  if (!userEvent) {
    detector.check(`inspect ${event.type}`, event);
    return false;
  }
  detector.check(
    `inspect ${event.type} (its user event left out)`,
    { ...event, event: "[the app's own code.submit]" },
    new Set([carried]),
  );
  return true;
};
