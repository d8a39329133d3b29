"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import type { AnnotationKind } from "./annotation-layout";
import { chartsFor } from "./chart-specs";
import { KindToggles } from "./kind-toggles";
import { MetricChart, type ChartPage } from "./metric-chart";
import { RangePicker } from "./range-picker";
import { rangeKey, type TimeRange } from "./time-range";
import type { Annotation, MetricService } from "./types";
import { annotationsUrl } from "./use-chart-data";
import { useLiveTick } from "./use-live-tick";

const LIVE_PRESETS = new Set(["15m", "1h", "6h", "24h"]);
const DEFAULT_RANGE: TimeRange = { preset: "1h" };

/**
 * A service's charts over the chosen range, each with the changes that explain its curves. The
 * charts move together: one hovered time, one zoom, one set of kinds shown; and on the default
 * range a young service's charts start where its data does, not squeezed into the right edge.
 */
export function ServiceMetrics({ service, initialCatalog }: { service: string; initialCatalog: { services: MetricService[] } }) {
  const [range, setRange] = useState<TimeRange>(DEFAULT_RANGE);
  const [hidden, setHidden] = useState<ReadonlySet<AnnotationKind>>(new Set());
  const [earliest, setEarliest] = useState<{ range: string; byChart: Record<string, number | null> }>({ range: rangeKey(range), byChart: {} });
  const live = "preset" in range && LIVE_PRESETS.has(range.preset);
  const tick = useLiveTick(service, live);
  // New metric names are rare; the catalog follows the charts' tick rather than every write.
  const { data: catalog } = useQuery({
    queryKey: ["metric-catalog", tick],
    queryFn: async ({ signal }) => {
      const res = await fetch("/api/v1/metrics/services", { signal, cache: "no-store" });
      if (!res.ok) throw new Error(`The server answered ${res.status}.`);
      return (await res.json()) as { services: MetricService[] };
    },
    initialData: tick === 0 ? initialCatalog : undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  const entry = catalog?.services.find((s) => s.service === service);
  const { data: annotations } = useQuery({
    queryKey: ["metric-annotations", service, rangeKey(range), tick],
    queryFn: async ({ signal }) => {
      const res = await fetch(annotationsUrl(service, range), { signal, cache: "no-store" });
      if (!res.ok) throw new Error(`The server answered ${res.status}.`);
      return ((await res.json()) as { annotations: Annotation[] }).annotations;
    },
    staleTime: Infinity,
  });
  const charts = chartsFor(entry);

  const key = rangeKey(range);
  const onEarliest = useCallback(
    (chart: string, t: number | null) =>
      setEarliest((e) => (e.range === key && e.byChart[chart] === t ? e : { range: key, byChart: { ...(e.range === key ? e.byChart : {}), [chart]: t } })),
    [key],
  );
  const firstPoints = Object.values(earliest.range === key ? earliest.byChart : {}).filter((t): t is number => t !== null);
  const fitFrom = range === DEFAULT_RANGE && firstPoints.length > 0 ? Math.min(...firstPoints) : null;
  const page: ChartPage = useMemo(
    () => ({
      syncId: `metrics:${service}`,
      annotations: (annotations ?? []).filter((a) => !hidden.has(a.kind)),
      bands: !hidden.has("breaker"),
      fitFrom,
      onEarliest,
      onZoom: (from, to) => setRange({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }),
    }),
    [service, annotations, hidden, fitFrom, onEarliest],
  );
  const toggle = (kind: AnnotationKind) =>
    setHidden((h) => {
      const next = new Set(h);
      if (!next.delete(kind)) next.add(kind);
      return next;
    });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <RangePicker range={range} onChange={setRange} />
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {live ? "Live: redraws as points arrive." : "Fixed range."}
          {fitFrom !== null && " Fitted to the data this service has; pick a range to see all of it."} Drag across a chart to zoom all of them.
        </p>
      </div>
      <KindToggles hidden={hidden} onToggle={toggle} />
      {charts.length === 0 ? (
        <EmptyState title={`${service} has no metrics yet`}>Its reports, `POST /api/v1/metrics` and OTLP exports add them.</EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {charts.map((spec) => (
            <MetricChart key={spec.title} service={service} spec={spec} range={range} tick={tick} page={page} />
          ))}
        </div>
      )}
    </div>
  );
}
