import type { Annotation } from "./types";

export type AnnotationKind = Annotation["kind"];

/** Markers closer than this many pixels are drawn as one, showing their count. */
export const CLUSTER_PX = 10;

export interface Cluster {
  /** Where the cluster is drawn: the time of its first marker, in ms. */
  t: number;
  items: Annotation[];
}

const isOpen = (state: string) => state === "open" || state === "forced_open";
const isClosed = (state: string) => state === "closed" || state === "forced_closed";

/**
 * Markers grouped left to right: each cluster takes the markers within `px` pixels of its first
 * one, at `pxPerMs` pixels a millisecond, so however many changes a flapping fleet makes, a chart
 * shows as many markers as it has room for.
 */
export function clusterAnnotations(annotations: readonly Annotation[], pxPerMs: number, px = CLUSTER_PX): Cluster[] {
  const sorted = [...annotations].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const clusters: Cluster[] = [];
  for (const annotation of sorted) {
    const t = Date.parse(annotation.at);
    const last = clusters.at(-1);
    if (last && (t - last.t) * pxPerMs < px) last.items.push(annotation);
    else clusters.push({ t, items: [annotation] });
  }
  return clusters;
}

/** How many of each kind a cluster holds, most first: "3 breaker, 1 mode". */
export function kindCounts(items: readonly Annotation[]): [AnnotationKind, number][] {
  const counts = new Map<AnnotationKind, number>();
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

/**
 * The periods in which at least one breaker of one instance was open, merged, within `bounds`. A
 * breaker whose first transition in range is a close from open was open since before the range;
 * one still open at the end is open until the range's end. Half-open probes do not end a period.
 */
export function openPeriods(annotations: readonly Annotation[], bounds: [number, number]): [number, number][] {
  const openSince = new Map<string, number>();
  const seen = new Set<string>();
  const periods: [number, number][] = [];
  const transitions = annotations.filter((a) => a.breaker).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const a of transitions) {
    const { name, instance, from, to } = a.breaker!;
    const key = `${instance}\n${name}`;
    const t = Date.parse(a.at);
    if (!seen.has(key) && isClosed(to) && !isClosed(from)) openSince.set(key, bounds[0]);
    seen.add(key);
    if (isOpen(to) && !openSince.has(key)) openSince.set(key, t);
    if (isClosed(to) && openSince.has(key)) {
      periods.push([openSince.get(key)!, t]);
      openSince.delete(key);
    }
  }
  for (const start of openSince.values()) periods.push([start, bounds[1]]);
  return merged(periods.map(([a, b]) => [Math.max(a, bounds[0]), Math.min(b, bounds[1])] as [number, number]).filter(([a, b]) => b > a));
}

function merged(periods: [number, number][]): [number, number][] {
  const sorted = [...periods].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = out.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}
