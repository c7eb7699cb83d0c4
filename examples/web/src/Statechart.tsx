import type { AnyStateNode } from "xstate";
import { enrollmentMachine, type UseEnrollment } from "./pims";

type Node = AnyStateNode;

/** An event the root actor received; `id` orders them. */
export interface LoggedEvent {
  readonly id: number;
  readonly type: string;
}

/** The public events, in the order the spec lists them; `code.submit` is probed with a well-formed code. */
const PUBLIC_EVENTS = [
  { type: "start" },
  { type: "code.submit", code: "000000" },
  { type: "code.resend" },
  { type: "retry" },
  { type: "cancel" },
  { type: "network.online" },
  { type: "network.offline" },
] as const;

/** The top-level states a state's transitions (its substates' included) lead to. */
const targetsOf = (node: Node): string[] => {
  const targets = new Set<string>();
  const visit = (n: Node) => {
    for (const transitions of n.transitions.values()) {
      for (const transition of transitions) {
        for (const target of transition.target ?? []) {
          const top = target.path[0];
          if (top !== undefined && top !== node.key) targets.add(top);
        }
      }
    }
    for (const always of n.always ?? []) {
      for (const target of always.target ?? []) {
        const top = target.path[0];
        if (top !== undefined && top !== node.key) targets.add(top);
      }
    }
    for (const child of Object.values(n.states)) visit(child as Node);
  };
  visit(node);
  return [...targets];
};

const topLevel = Object.values(enrollmentMachine.root.states) as Node[];
const edges = new Map(topLevel.map((node) => [node.key, targetsOf(node)]));

/** The machine's own states, read from `enrollmentMachine.root`, with the current one highlighted. */
export function Statechart({
  snapshot,
  events,
}: {
  readonly snapshot: UseEnrollment["snapshot"];
  readonly events: readonly LoggedEvent[];
}) {
  const value = snapshot.value;
  const [activeTop, activeSub] =
    typeof value === "string" ? [value, undefined] : (Object.entries(value)[0] ?? [undefined, undefined]);
  return (
    <section className="panel statechart" aria-labelledby="statechart-title" lang="en">
      <h2 id="statechart-title">Live statechart</h2>
      <p className="current" aria-live="polite">
        Current state: <code>{activeSub ? `${activeTop}.${String(activeSub)}` : activeTop}</code>
      </p>
      <ol className="states">
        {topLevel.map((node) => {
          const active = node.key === activeTop;
          return (
            <li
              key={node.key}
              className={`state ${node.type}${active ? " active" : ""}`}
              aria-current={active ? "step" : undefined}
              data-state={node.key}
            >
              <span className="state-name">{node.key}</span>
              {node.type === "final" && <span className="badge">final</span>}
              {Object.keys(node.states).length > 0 && (
                <ul className="substates">
                  {Object.keys(node.states).map((key) => (
                    <li
                      key={key}
                      className={active && key === activeSub ? "active" : undefined}
                      aria-current={active && key === activeSub ? "step" : undefined}
                    >
                      {key}
                    </li>
                  ))}
                </ul>
              )}
              {(edges.get(node.key)?.length ?? 0) > 0 && (
                <span className="edges">→ {edges.get(node.key)?.join(", ")}</span>
              )}
            </li>
          );
        })}
      </ol>
      <h3 className="sc-heading">Events accepted now</h3>
      <ul className="events">
        {PUBLIC_EVENTS.map((event) => {
          const accepted = snapshot.status === "active" && snapshot.can(event);
          return (
            <li key={event.type} className={accepted ? "accepted" : undefined}>
              <code>{event.type}</code>
              <span className="visually-hidden">{accepted ? " (accepted)" : " (ignored)"}</span>
            </li>
          );
        })}
      </ul>
      <h3 className="sc-heading">Last events</h3>
      <ol className="event-log">
        {events.length === 0 ? (
          <li>none yet</li>
        ) : (
          events.map((event) => <li key={event.id}>{event.type}</li>)
        )}
      </ol>
    </section>
  );
}
