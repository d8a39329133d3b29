"use client";

import { keepPreviousData, useQueries } from "@tanstack/react-query";
import { rangeBounds, rangeKey, rangeParams, type TimeRange } from "./time-range";
import type { Annotation, QueryResult } from "./types";

/** One line source of a chart: a metric, optionally merged over tags. */
export interface LineQuery {
  name: string;
  groupBy?: string;
  agg?: "avg" | "sum" | "max" | "min";
  /** The line's label for a series of the answer; the series' tags by default. */
  label?: (tags: Record<string, string>) => string;
}

export interface ChartData {
  rows: Record<string, number>[];
  lines: string[];
  bounds: [number, number];
  loading: boolean;
  error: Error | null;
}

async function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new Error(`The server answered ${response.status}.`);
  return (await response.json()) as T;
}

const describeTags = (tags: Record<string, string>) => Object.entries(tags).map(([k, v]) => `${k}=${v}`).join(", ") || "all";

/**
 * The points of a chart's lines, merged into rows keyed by time for Recharts. `tick` (see
 * useLiveTick) is in the key, so a live chart refetches when it moves and never otherwise.
 */
export function useChartData(service: string, queries: LineQuery[], range: TimeRange, maxPoints: number, tick: number): ChartData {
  const results = useQueries({
    queries: queries.map((q) => {
      const params = new URLSearchParams({ service, name: q.name, maxPoints: String(maxPoints), ...rangeParams(range) });
      if (q.groupBy !== undefined) params.set("groupBy", q.groupBy);
      if (q.agg) params.set("agg", q.agg);
      return {
        queryKey: ["metric-chart", service, q.name, q.groupBy ?? null, q.agg ?? null, rangeKey(range), maxPoints, tick],
        queryFn: async ({ signal }: { signal: AbortSignal }) => ({ fetchedAt: Date.now(), answer: await getJson<QueryResult>(`/api/v1/metrics/query?${params}`, signal) }),
        placeholderData: keepPreviousData,
        staleTime: Infinity,
      };
    }),
  });
  const byTime = new Map<number, Record<string, number>>();
  const lines: string[] = [];
  results.forEach((result, i) => {
    const query = queries[i]!;
    for (const series of result.data?.answer.series ?? []) {
      const line = query.label ? query.label(series.tags) : describeTags(series.tags);
      lines.push(line);
      for (const [time, value] of series.points) {
        const t = Date.parse(time);
        const row = byTime.get(t) ?? { t };
        row[line] = value;
        byTime.set(t, row);
      }
    }
  });
  const fetchedAt = results[0]?.data?.fetchedAt ?? Date.now();
  return {
    rows: [...byTime.values()].sort((a, b) => a.t! - b.t!),
    lines,
    bounds: rangeBounds(range, fetchedAt),
    loading: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
  };
}

/** The changes to mark on every chart of the service over the range, refetched with the charts. */
export function annotationsUrl(service: string, range: TimeRange): string {
  return `/api/v1/metrics/annotations?${new URLSearchParams({ service, ...rangeParams(range) })}`;
}

export type { Annotation };
