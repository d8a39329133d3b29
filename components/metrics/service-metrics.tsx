"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { chartsFor } from "./chart-specs";
import { MetricChart } from "./metric-chart";
import { RangePicker } from "./range-picker";
import { rangeKey, type TimeRange } from "./time-range";
import type { Annotation, MetricService } from "./types";
import { annotationsUrl } from "./use-chart-data";
import { useLiveTick } from "./use-live-tick";

const LIVE_PRESETS = new Set(["15m", "1h", "6h", "24h"]);

/** A service's charts over the chosen range, each with the changes that explain its curves. */
export function ServiceMetrics({ service, initialCatalog }: { service: string; initialCatalog: { services: MetricService[] } }) {
  const [range, setRange] = useState<TimeRange>({ preset: "1h" });
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

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <RangePicker range={range} onChange={setRange} />
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{live ? "Live: redraws as points arrive." : "Fixed range."}</p>
      </div>
      {charts.length === 0 ? (
        <EmptyState title={`${service} has no metrics yet`}>Its reports, `POST /api/v1/metrics` and OTLP exports add them.</EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {charts.map((spec) => (
            <MetricChart key={spec.title} service={service} spec={spec} range={range} tick={tick} annotations={annotations ?? []} />
          ))}
        </div>
      )}
    </div>
  );
}
