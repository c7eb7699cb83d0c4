import type { AnyStateNode, AnyTransitionDefinition } from "xstate";

/**
 * The statechart as a graph, read from a machine's own state nodes: every state (nested in its parent),
 * every transition with a target (an arrow labelled with its event and guard), each compound state's
 * initial arrow, and the root's transitions drawn from an "any state" node. Nothing here is placed by
 * hand; `layout.ts` hands this graph to ELK.
 */

export type StateKind = "atomic" | "compound" | "final";

export interface ChartState {
  /** The state node's id (`enrollment.checkingDevice.offline`): what a snapshot's `matches` speaks of. */
  readonly id: string;
  readonly key: string;
  readonly kind: StateKind;
  /** The compound state that holds it; `null` for a top-level state. */
  readonly parent: string | null;
  /** The actors it invokes, by id. */
  readonly invokes: readonly string[];
}

/** A point an arrow starts from that is not a state: a compound state's initial dot, or "any state". */
export interface ChartPseudoState {
  readonly id: string;
  readonly kind: "initial" | "any";
  readonly parent: string | null;
}

export type EdgeKind = "event" | "done" | "error" | "always" | "initial";

/**
 * One arrow: the transitions from one state to another, each a line of its label (`retry`,
 * `network.online`), in the order the machine tries them.
 */
export interface ChartEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** The transitions drawn by this arrow, by `transitionKey`. */
  readonly transitions: readonly string[];
  readonly lines: readonly string[];
  /** The kind of its first transition (all of an arrow's are of one kind but for `done` and `error`). */
  readonly kind: EdgeKind;
}

export interface ChartGraph {
  readonly states: readonly ChartState[];
  readonly pseudoStates: readonly ChartPseudoState[];
  readonly edges: readonly ChartEdge[];
}

const DONE_PREFIX = "xstate.done.actor.";
const ERROR_PREFIX = "xstate.error.actor.";
/** The pseudo state the root's own transitions (`cancel`) start from. */
export const ANY_STATE_ID = "(any state)";

/**
 * A transition's identity from its place in its source state: the state, the event, its index among that
 * event's transitions, and the target. The same for a machine and its `provide`d copies, whose transition
 * objects differ; inspection's `@xstate.microstep` hands out the copies'.
 */
export const transitionKey = (transition: AnyTransitionDefinition, target: AnyStateNode): string => {
  const source: AnyStateNode = transition.source;
  const siblings: readonly AnyTransitionDefinition[] =
    transition.eventType === ""
      ? (source.always ?? [])
      : (source.transitions.get(transition.eventType) ?? []);
  return `${source.id}|${transition.eventType}|${siblings.indexOf(transition)}|${target.id}`;
};

const guardLabel = (transition: AnyTransitionDefinition): string | null => {
  const guard: unknown = transition.guard;
  if (guard === undefined) return null;
  if (typeof guard === "string") return guard;
  if (guard !== null && typeof guard === "object" && "type" in guard) {
    const { type, params } = guard as { type: string; params?: unknown };
    // A parameterised guard says more by its parameter (`errorRecoveryIs` of `when-online`).
    return typeof params === "string" ? params : type;
  }
  return "guard";
};

const edgeOf = (
  transition: AnyTransitionDefinition,
): { readonly kind: EdgeKind; readonly event: string | null } => {
  const type = transition.eventType;
  if (type === "") return { kind: "always", event: null };
  if (type.startsWith(DONE_PREFIX)) return { kind: "done", event: "done" };
  if (type.startsWith(ERROR_PREFIX)) return { kind: "error", event: "error" };
  return { kind: "event", event: type };
};

/** `code.submit [codeFormatValid]`, `done [replySucceeded]`, `[when-online]`, `always`. */
const labelOf = (transition: AnyTransitionDefinition): { label: string; kind: EdgeKind } => {
  const { kind, event } = edgeOf(transition);
  const guard = guardLabel(transition);
  const label = [event, guard === null ? null : `[${guard}]`].filter((part) => part !== null).join(" ");
  return { kind, label: label === "" ? "always" : label };
};

const childrenOf = (node: AnyStateNode): AnyStateNode[] => Object.values(node.states) as AnyStateNode[];

/** The graph of a machine's root state node (`enrollmentMachine.root`). */
export const chartGraph = (root: AnyStateNode): ChartGraph => {
  const states: ChartState[] = [];
  const pseudoStates: ChartPseudoState[] = [];
  const edges: ChartEdge[] = [];

  const addTransitions = (node: AnyStateNode, sourceId: string) => {
    const all: AnyTransitionDefinition[] = [...[...node.transitions.values()].flat(), ...(node.always ?? [])];
    const bySource = new Map<string, { transitions: string[]; lines: string[]; kind: EdgeKind }>();
    for (const transition of all) {
      for (const target of (transition.target ?? []) as AnyStateNode[]) {
        const { label, kind } = labelOf(transition);
        const arrow = bySource.get(target.id) ?? { transitions: [], lines: [], kind };
        bySource.set(target.id, arrow);
        arrow.transitions.push(transitionKey(transition, target));
        if (!arrow.lines.includes(label)) arrow.lines.push(label);
      }
    }
    for (const [target, arrow] of bySource) {
      edges.push({ id: `${sourceId}->${target}`, source: sourceId, target, ...arrow });
    }
  };

  const addInitial = (node: AnyStateNode, parent: string | null) => {
    const targets = (node.initial?.target ?? []) as AnyStateNode[];
    for (const target of targets) {
      const id = `${node.id}.(initial)`;
      pseudoStates.push({ id, kind: "initial", parent });
      edges.push({
        id: `${id}->${target.id}`,
        source: id,
        target: target.id,
        transitions: [],
        lines: [],
        kind: "initial",
      });
    }
  };

  const visit = (node: AnyStateNode, parent: string | null) => {
    const children = childrenOf(node);
    const kind: StateKind = node.type === "final" ? "final" : children.length > 0 ? "compound" : "atomic";
    states.push({
      id: node.id,
      key: node.key,
      kind,
      parent,
      invokes: node.invoke.map((definition: { id: string }) => definition.id),
    });
    addTransitions(node, node.id);
    if (children.length > 0) {
      addInitial(node, node.id);
      for (const child of children) visit(child, node.id);
    }
  };

  addInitial(root, null);
  for (const child of childrenOf(root)) visit(child, null);
  if ([...root.transitions.values()].some((list) => list.some((t) => (t.target?.length ?? 0) > 0))) {
    pseudoStates.push({ id: ANY_STATE_ID, kind: "any", parent: null });
    addTransitions(root, ANY_STATE_ID);
  }
  return { states, pseudoStates, edges };
};
