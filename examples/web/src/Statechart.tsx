import { type PointerEvent, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { LabStrings } from "./i18n-lab";
import type { UseEnrollment } from "./pims";
import type { TransitionFeed } from "./statechart/feed";
import { ANY_STATE_ID } from "./statechart/graph";
import { type ChartLayout, METRICS, type PlacedEdge, type PlacedState } from "./statechart/layout";
import { useChartLayout } from "./statechart/useChartLayout";

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

type Snapshot = UseEnrollment["snapshot"];
type Actor = UseEnrollment["actor"];

/** `{ checkingDevice: "offline" }` → the ids of the active states, outermost first. */
const activeIds = (value: Snapshot["value"], prefix = "enrollment"): string[] => {
  if (typeof value === "string") return [`${prefix}.${value}`];
  return Object.entries(value).flatMap(([key, child]) => [
    `${prefix}.${key}`,
    ...(child === undefined ? [] : activeIds(child as Snapshot["value"], `${prefix}.${key}`)),
  ]);
};

const pathOf = (value: Snapshot["value"]): string =>
  activeIds(value).at(-1)?.slice("enrollment.".length) ?? "";

const ZOOMS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1, 1.2, 1.5];
/** Below this a fitted drawing is too small to read: a phone shows it at this scale and pans. */
const MIN_FIT = 0.75;

/**
 * Marks the active states and the last transition on the drawing itself, on every snapshot and every
 * step, outside React's rendering: React would batch a fast succession of snapshots into one render and
 * the drawing would skip states the flow went through.
 */
const useLiveMarks = (
  svg: SVGSVGElement | null,
  actor: Actor,
  feed: TransitionFeed,
  onActive: (id: string) => void,
) => {
  useEffect(() => {
    if (svg === null) return;
    const markStates = (snapshot: Snapshot) => {
      const ids = activeIds(snapshot.value);
      const current = ids.at(-1);
      for (const node of Array.from(svg.querySelectorAll<SVGGElement>("[data-state-id]"))) {
        const id = node.dataset.stateId ?? "";
        const mark = id === current ? "current" : ids.includes(id) ? "ancestor" : null;
        if (mark === null) node.removeAttribute("data-active");
        else if (node.getAttribute("data-active") !== mark) node.setAttribute("data-active", mark);
      }
      if (current !== undefined) onActive(current);
    };
    const markStep = () => {
      const step = feed.last();
      const taken = new Set(step?.transitions ?? []);
      for (const node of Array.from(svg.querySelectorAll<SVGGElement>("[data-transitions]"))) {
        const keys = (node.dataset.transitions ?? "").split(" ");
        const isTaken = keys.some((key) => taken.has(key));
        if (isTaken) node.setAttribute("data-taken", "true");
        else node.removeAttribute("data-taken");
        // A marker's colour cannot follow its path's from CSS: the emphasised arrow gets its own head.
        const path = node.querySelector("path");
        const head = isTaken ? path?.dataset.takenMarker : path?.dataset.marker;
        if (path && head) path.setAttribute("marker-end", `url(#${head})`);
      }
    };
    markStates(actor.getSnapshot());
    markStep();
    const subscription = actor.subscribe(markStates);
    const unsubscribe = feed.subscribe(markStep);
    return () => {
      subscription.unsubscribe();
      unsubscribe();
    };
  }, [svg, actor, feed, onActive]);
};

/** The machine drawn, live: its active state highlighted, its last transition emphasised. */
export function Statechart({
  snapshot,
  actor,
  feed,
  events,
  t,
}: {
  readonly snapshot: Snapshot;
  readonly actor: Actor;
  readonly feed: TransitionFeed;
  readonly events: readonly LoggedEvent[];
  readonly t: LabStrings;
}) {
  const id = useId();
  const layoutState = useChartLayout();
  const step = useSyncExternalStore(feed.subscribe, feed.last);
  return (
    <section className="panel statechart" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.statechartTitle}</h2>
      <p className="current" aria-live="polite">
        {t.currentState} <code>{pathOf(snapshot.value)}</code>
      </p>
      <p className="last-transition">
        {t.lastTransition}{" "}
        {step === null ? (
          t.noTransition
        ) : (
          <>
            <code>{step.event}</code>: <code>{step.from.slice("enrollment.".length) || "enrollment"}</code> →{" "}
            <code>{step.to.slice("enrollment.".length)}</code>
          </>
        )}
      </p>
      <div className="sc-body">
        {layoutState.status === "ready" ? (
          <Diagram layout={layoutState.layout} actor={actor} feed={feed} t={t} />
        ) : (
          <p className="sc-pending" role={layoutState.status === "failed" ? "alert" : "status"}>
            {layoutState.status === "failed" ? t.layoutFailed(layoutState.message) : t.layingOut}
          </p>
        )}
        <aside className="sc-events">
          <h3 className="sc-heading">{t.acceptedHeading}</h3>
          <ul className="events">
            {PUBLIC_EVENTS.map((event) => {
              const accepted = snapshot.status === "active" && snapshot.can(event);
              return (
                <li key={event.type} className={accepted ? "accepted" : undefined}>
                  <code>{event.type}</code>
                  <span className="visually-hidden">{accepted ? t.accepted : t.ignored}</span>
                </li>
              );
            })}
          </ul>
          <h3 className="sc-heading">{t.lastEventsHeading}</h3>
          <ol className="event-log">
            {events.length === 0 ? (
              <li>{t.noEvents}</li>
            ) : (
              events.map((event) => <li key={event.id}>{event.type}</li>)
            )}
          </ol>
        </aside>
      </div>
    </section>
  );
}

function Diagram({
  layout,
  actor,
  feed,
  t,
}: {
  readonly layout: ChartLayout;
  readonly actor: Actor;
  readonly feed: TransitionFeed;
  readonly t: LabStrings;
}) {
  const id = useId();
  const viewport = useRef<HTMLElement>(null);
  const [svg, setSvg] = useState<SVGSVGElement | null>(null);
  const [zoom, setZoom] = useState<number | null>(null);
  const [follow, setFollow] = useState(true);
  const followRef = useRef(follow);
  followRef.current = follow;

  // The first zoom fits the drawing to the panel's width, but never below what stays readable.
  useEffect(() => {
    const width = viewport.current?.clientWidth ?? layout.width;
    setZoom((current) => current ?? Math.min(1, Math.max(MIN_FIT, width / layout.width)));
  }, [layout.width]);
  const scale = zoom ?? 1;
  const scaleRef = useRef(scale);
  scaleRef.current = scale;

  const boxes = useMemo(() => new Map(layout.states.map((placed) => [placed.state.id, placed])), [layout]);
  const scrollTo = useMemo(
    () => (stateId: string) => {
      const box = boxes.get(stateId);
      const view = viewport.current;
      if (!followRef.current || box === undefined || view === null) return;
      const s = scaleRef.current;
      const [left, top, right, bottom] = [
        box.x * s,
        box.y * s,
        (box.x + box.width) * s,
        (box.y + box.height) * s,
      ];
      const inView =
        left >= view.scrollLeft &&
        right <= view.scrollLeft + view.clientWidth &&
        top >= view.scrollTop &&
        bottom <= view.scrollTop + view.clientHeight;
      if (!inView) {
        view.scrollTo({
          left: Math.max(0, (left + right) / 2 - view.clientWidth / 2),
          top: Math.max(0, (top + bottom) / 2 - view.clientHeight / 2),
        });
      }
    },
    [boxes],
  );
  useLiveMarks(svg, actor, feed, scrollTo);

  // A viewport that was hidden (a phone's other tab) has no size: follow the current state once it has one.
  useEffect(() => {
    const view = viewport.current;
    if (view === null) return;
    const observer = new ResizeObserver(() => {
      const current = svg?.querySelector<SVGGElement>('[data-active="current"]')?.dataset.stateId;
      if (current !== undefined && view.clientWidth > 0) scrollTo(current);
    });
    observer.observe(view);
    return () => observer.disconnect();
  }, [svg, scrollTo]);

  const zoomBy = (direction: 1 | -1) =>
    setZoom((current) => {
      const now = current ?? 1;
      const next =
        direction > 0
          ? ZOOMS.find((z) => z > now + 0.001)
          : [...ZOOMS].reverse().find((z) => z < now - 0.001);
      return next ?? now;
    });
  const fit = () => {
    const width = viewport.current?.clientWidth ?? layout.width;
    setZoom(Math.min(1.5, width / layout.width));
  };

  // Dragging with a mouse moves the drawing; touch screens scroll it natively.
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    const view = viewport.current;
    if (event.pointerType !== "mouse" || view === null) return;
    drag.current = { x: event.clientX, y: event.clientY, left: view.scrollLeft, top: view.scrollTop };
  };
  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const view = viewport.current;
    if (drag.current === null || view === null) return;
    view.scrollLeft = drag.current.left - (event.clientX - drag.current.x);
    view.scrollTop = drag.current.top - (event.clientY - drag.current.y);
  };
  const endDrag = () => {
    drag.current = null;
  };

  const depthOrder = [...layout.states].sort((a, b) => a.depth - b.depth);
  return (
    <div className="sc-diagram">
      <div className="sc-toolbar">
        <button type="button" className="secondary" onClick={() => zoomBy(-1)} aria-label={t.zoomOut}>
          −
        </button>
        <span className="sc-zoom" aria-live="polite">
          {Math.round(scale * 100)} %
        </span>
        <button type="button" className="secondary" onClick={() => zoomBy(1)} aria-label={t.zoomIn}>
          +
        </button>
        <button type="button" className="secondary" onClick={fit}>
          {t.fitWidth}
        </button>
        <button type="button" className="secondary" onClick={() => setZoom(1)}>
          {t.actualSize}
        </button>
        <label className="inline sc-follow">
          <input type="checkbox" checked={follow} onChange={(event) => setFollow(event.target.checked)} />{" "}
          {t.follow}
        </label>
      </div>
      <section
        className="sc-viewport"
        ref={viewport}
        aria-label={t.diagramLabel}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take the focus, or a keyboard cannot scroll it (WCAG 2.1.1)
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerLeave={endDrag}
      >
        <svg
          ref={setSvg}
          className="sc-svg"
          width={Math.ceil(layout.width * scale)}
          height={Math.ceil(layout.height * scale)}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="img"
          aria-labelledby={`${id}-svg-title`}
        >
          <title id={`${id}-svg-title`}>{t.diagramLabel}</title>
          <defs>
            <marker
              id={`${id}-arrow`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerUnits="userSpaceOnUse"
              markerWidth="8"
              markerHeight="8"
              orient="auto"
            >
              <path d="M0 0L10 5L0 10z" className="sc-arrowhead" />
            </marker>
            <marker
              id={`${id}-arrow-taken`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerUnits="userSpaceOnUse"
              markerWidth="11"
              markerHeight="11"
              orient="auto"
            >
              <path d="M0 0L10 5L0 10z" className="sc-arrowhead taken" />
            </marker>
          </defs>
          {depthOrder.map((placed) => (
            <StateBox key={placed.state.id} placed={placed} />
          ))}
          {layout.pseudoStates.map((placed) =>
            placed.pseudo.kind === "initial" ? (
              <circle
                key={placed.pseudo.id}
                className="sc-initial"
                cx={placed.x + placed.width / 2}
                cy={placed.y + placed.height / 2}
                r={5}
              />
            ) : (
              <g key={placed.pseudo.id} className="sc-any" data-pseudo={ANY_STATE_ID}>
                <rect x={placed.x} y={placed.y} width={placed.width} height={placed.height} rx={8} />
                <text x={placed.x + METRICS.statePaddingX} y={placed.y + 19} className="sc-state-name">
                  {t.anyState}
                </text>
              </g>
            ),
          )}
          {layout.edges.map((placed) => (
            <Edge
              key={placed.edge.id}
              placed={placed}
              arrow={`${id}-arrow`}
              takenArrow={`${id}-arrow-taken`}
            />
          ))}
        </svg>
      </section>
      <p className="sc-legend note">
        <span className="sc-key current" aria-hidden="true" /> {t.legend.current}{" "}
        <span className="sc-key taken" aria-hidden="true" /> {t.legend.taken}{" "}
        <span className="sc-key final" aria-hidden="true" /> {t.legend.final}{" "}
        <span className="sc-key initial" aria-hidden="true" /> {t.legend.initial}
        <br />
        {t.drawnBy}
      </p>
    </div>
  );
}

function StateBox({ placed }: { readonly placed: PlacedState }) {
  const { state, x, y, width, height } = placed;
  const inset = 3.5;
  return (
    <g className={`sc-state ${state.kind}`} data-state-id={state.id}>
      <rect x={x} y={y} width={width} height={height} rx={state.kind === "compound" ? 10 : 8} />
      {state.kind === "final" && (
        <rect
          className="sc-final-inner"
          x={x + inset}
          y={y + inset}
          width={width - 2 * inset}
          height={height - 2 * inset}
          rx={5}
        />
      )}
      <text x={x + METRICS.statePaddingX} y={y + 19} className="sc-state-name">
        {state.key}
      </text>
      {state.invokes.map((invoked, index) => (
        <text
          key={invoked}
          x={x + METRICS.statePaddingX}
          y={y + 19 + METRICS.invokeLine * (index + 1)}
          className="sc-invoke"
        >
          ⚙ {invoked}
        </text>
      ))}
    </g>
  );
}

function Edge({
  placed,
  arrow,
  takenArrow,
}: {
  readonly placed: PlacedEdge;
  readonly arrow: string;
  readonly takenArrow: string;
}) {
  const { edge, points, label } = placed;
  const d = points.map((point, index) => `${index === 0 ? "M" : "L"}${point.x} ${point.y}`).join(" ");
  return (
    <g className={`sc-edge ${edge.kind}`} data-edge={edge.id} data-transitions={edge.transitions.join(" ")}>
      <path d={d} markerEnd={`url(#${arrow})`} data-marker={arrow} data-taken-marker={takenArrow} />
      {label !== null &&
        edge.lines.map((line, index) => (
          <text key={line} x={label.x + 2} y={label.y + 12 + index * METRICS.labelLine} className="sc-label">
            {line}
          </text>
        ))}
    </g>
  );
}
