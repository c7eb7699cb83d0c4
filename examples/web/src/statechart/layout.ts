import type { ELK as ElkEngine, ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import type { ChartEdge, ChartGraph, ChartPseudoState, ChartState } from "./graph";

/**
 * The drawing's geometry, computed by ELK's layered algorithm from the graph: every state a box (compound
 * states hold their substates), every transition a routed arrow with its label placed beside it. Sizes
 * of boxes and labels are estimated from their text in a monospaced font, so the layout needs no DOM.
 */

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedState extends Box {
  readonly state: ChartState;
  /** Nesting depth: 0 for a top-level state. */
  readonly depth: number;
}

export interface PlacedPseudoState extends Box {
  readonly pseudo: ChartPseudoState;
}

export interface PlacedEdge {
  readonly edge: ChartEdge;
  /** The route, start to end, in the drawing's coordinates. */
  readonly points: readonly { readonly x: number; readonly y: number }[];
  readonly label: Box | null;
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly states: readonly PlacedState[];
  readonly pseudoStates: readonly PlacedPseudoState[];
  readonly edges: readonly PlacedEdge[];
}

/** Pixel sizes the renderer draws with (styles.css uses the same fonts). */
export const METRICS = {
  stateFont: 13,
  labelFont: 11,
  labelLine: 14,
  /** A monospaced glyph's advance, as a share of the font size (generous, so text never overflows). */
  glyph: 0.62,
  stateHeight: 30,
  invokeLine: 16,
  statePaddingX: 12,
  compoundHeader: 26,
  pseudo: 14,
} as const;

const textWidth = (text: string, font: number) => Math.ceil(text.length * font * METRICS.glyph);

const stateSize = (state: ChartState) => {
  const lines = [state.key, ...state.invokes.map((id) => `⚙ ${id}`)];
  const width =
    Math.max(...lines.map((line) => textWidth(line, METRICS.stateFont))) + 2 * METRICS.statePaddingX;
  return {
    width: Math.max(width, 90),
    height: METRICS.stateHeight + state.invokes.length * METRICS.invokeLine,
  };
};

/**
 * Top to bottom in the machine's own order (the flow reads down the page), orthogonal routes, tight
 * spacing: at 1,400 px the drawing fits the panel at about its natural size.
 */
const LAYOUT_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.layered.cycleBreaking.strategy": "MODEL_ORDER",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  "elk.layered.nodePlacement.strategy": "NETWORK_SIMPLEX",
  "elk.layered.spacing.nodeNodeBetweenLayers": "22",
  "elk.spacing.nodeNode": "10",
  "elk.spacing.edgeNode": "8",
  "elk.spacing.edgeEdge": "5",
  "elk.spacing.edgeLabel": "3",
  "elk.layered.spacing.edgeNodeBetweenLayers": "8",
  "elk.layered.spacing.edgeEdgeBetweenLayers": "5",
};

const COMPOUND_OPTIONS: Record<string, string> = {
  "elk.padding": `[top=${METRICS.compoundHeader + 8},left=12,bottom=12,right=12]`,
};

/** The ELK graph of a chart: nested nodes, and every edge at the root (ELK routes across the hierarchy). */
export const elkGraphOf = (graph: ChartGraph): ElkNode => {
  const nodes = new Map<string, ElkNode & { children: ElkNode[] }>();
  const roots: ElkNode[] = [];
  const place = (node: ElkNode, parent: string | null) => {
    const holder = parent === null ? undefined : nodes.get(parent);
    if (holder) holder.children.push(node);
    else roots.push(node);
  };
  for (const state of graph.states) {
    const node: ElkNode & { children: ElkNode[] } = {
      id: state.id,
      children: [],
      ...(state.kind === "compound" ? { layoutOptions: COMPOUND_OPTIONS } : stateSize(state)),
    };
    nodes.set(state.id, node);
  }
  // States first (their parents exist by then: chartGraph lists a parent before its children).
  for (const state of graph.states) place(nodes.get(state.id) as ElkNode, state.parent);
  for (const pseudo of graph.pseudoStates) {
    const size =
      pseudo.kind === "initial"
        ? { width: METRICS.pseudo, height: METRICS.pseudo }
        : {
            width: textWidth("any state", METRICS.stateFont) + 2 * METRICS.statePaddingX,
            height: METRICS.stateHeight,
          };
    place({ id: pseudo.id, ...size }, pseudo.parent);
  }
  const edges: ElkExtendedEdge[] = graph.edges.map((edge) => ({
    id: edge.id,
    sources: [edge.source],
    targets: [edge.target],
    labels:
      edge.lines.length === 0
        ? []
        : [
            {
              text: edge.lines.join("\n"),
              width: Math.max(...edge.lines.map((line) => textWidth(line, METRICS.labelFont))) + 4,
              height: edge.lines.length * METRICS.labelLine + 4,
              // Beside the edge's start, so that a label is read next to the state it leaves.
              layoutOptions: { "elk.edgeLabels.placement": "TAIL" },
            },
          ],
  }));
  return {
    id: "(root)",
    layoutOptions: {
      ...LAYOUT_OPTIONS,
      ...(globalThis as { ELK_OVERRIDE?: Record<string, string> }).ELK_OVERRIDE,
    },
    children: roots,
    edges,
  };
};

type LaidOutNode = ElkNode & { x: number; y: number; width: number; height: number };

/** ELK's answer in absolute coordinates, matched back to the chart's states, pseudo states and edges. */
export const readLayout = (graph: ChartGraph, laidOut: ElkNode): ChartLayout => {
  const offsets = new Map<string, { x: number; y: number }>([["(root)", { x: 0, y: 0 }]]);
  const boxes = new Map<string, Box & { depth: number }>();
  const walk = (node: ElkNode, origin: { x: number; y: number }, depth: number) => {
    for (const child of (node.children ?? []) as LaidOutNode[]) {
      const at = { x: origin.x + child.x, y: origin.y + child.y };
      offsets.set(child.id, at);
      boxes.set(child.id, { ...at, width: child.width, height: child.height, depth });
      walk(child, at, depth + 1);
    }
  };
  walk(laidOut, { x: 0, y: 0 }, 0);

  const chartEdges = new Map(graph.edges.map((edge) => [edge.id, edge]));
  const edges: PlacedEdge[] = [];
  for (const edge of (laidOut.edges ?? []) as (ElkExtendedEdge & { container?: string })[]) {
    const chartEdge = chartEdges.get(edge.id);
    const section = edge.sections?.[0];
    if (chartEdge === undefined || section === undefined) continue;
    const origin = offsets.get(edge.container ?? "(root)") ?? { x: 0, y: 0 };
    const shift = (p: { x: number; y: number }) => ({ x: p.x + origin.x, y: p.y + origin.y });
    const label = edge.labels?.[0];
    edges.push({
      edge: chartEdge,
      points: [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(shift),
      label:
        label?.x === undefined || label.y === undefined
          ? null
          : { ...shift({ x: label.x, y: label.y }), width: label.width ?? 0, height: label.height ?? 0 },
    });
  }
  const boxOf = (id: string): Box & { depth: number } => {
    const box = boxes.get(id);
    if (box === undefined) throw new Error(`ELK placed no node ${id}`);
    return box;
  };
  return {
    width: Math.ceil(laidOut.width ?? 0),
    height: Math.ceil(laidOut.height ?? 0),
    states: graph.states.map((state) => ({ state, ...boxOf(state.id) })),
    pseudoStates: graph.pseudoStates.map((pseudo) => ({ pseudo, ...boxOf(pseudo.id) })),
    edges,
  };
};

/** Lays the chart out with the given ELK instance (a Web Worker's in the page, the bundled one in Node). */
export const layOut = async (elk: ElkEngine, graph: ChartGraph): Promise<ChartLayout> =>
  readLayout(graph, await elk.layout(elkGraphOf(graph)));
