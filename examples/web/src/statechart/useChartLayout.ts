import ELK from "elkjs/lib/elk-api.js";
import elkWorkerUrl from "elkjs/lib/elk-worker.min.js?url";
import { useEffect, useState } from "react";
import { enrollmentMachine } from "../pims";
import { type ChartGraph, chartGraph } from "./graph";
import { type ChartLayout, layOut } from "./layout";

/** The machine's graph: the same for every run of the page. */
export const enrollmentGraph: ChartGraph = chartGraph(enrollmentMachine.root);

let pending: Promise<ChartLayout> | undefined;

/** ELK runs in a Web Worker, once per page: the layout depends on the machine only. */
const enrollmentLayout = (): Promise<ChartLayout> => {
  pending ??= layOut(new ELK({ workerUrl: elkWorkerUrl }), enrollmentGraph);
  return pending;
};

export type LayoutState =
  | { readonly status: "pending" }
  | { readonly status: "ready"; readonly layout: ChartLayout }
  | { readonly status: "failed"; readonly message: string };

export const useChartLayout = (): LayoutState => {
  const [state, setState] = useState<LayoutState>({ status: "pending" });
  useEffect(() => {
    let live = true;
    enrollmentLayout().then(
      (layout) => live && setState({ status: "ready", layout }),
      (error: unknown) =>
        live &&
        setState({ status: "failed", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
};
