"use client";

import { Line, LineChart, YAxis } from "recharts";
import { formatValue } from "@/components/metrics/format";
import { useChartData } from "@/components/metrics/use-chart-data";
import { useLiveTick } from "@/components/metrics/use-live-tick";
import { reportSeries } from "@/lib/domain/metrics/report-series";

const RANGE = { preset: "1h" } as const;
const QUERIES = [{ name: reportSeries.calls, groupBy: "", agg: "sum" as const, label: () => "calls" }];

/** The service's request rate over the last hour, without axes, redrawn with the live tick. */
export function ServiceSparkline({ service }: { service: string }) {
  const tick = useLiveTick(service, true);
  const { rows } = useChartData(service, QUERIES, RANGE, 60, tick);
  const rates = rows.map((r) => r.calls ?? 0);
  const summary = rates.length ? `Request rate over the last hour: now ${formatValue(rates.at(-1)!, "perSecond")}, peak ${formatValue(Math.max(...rates), "perSecond")}` : "No request rate in the last hour";
  return (
    <div role="img" aria-label={summary} title={summary} className="h-6 w-32">
      {rows.length > 0 && (
        <LineChart responsive style={{ width: "100%", height: "100%" }} data={rows} margin={{ top: 2, right: 1, bottom: 2, left: 1 }} accessibilityLayer={false}>
          <YAxis hide domain={[0, "dataMax"]} />
          <Line type="monotone" dataKey="calls" stroke="var(--color-accent-500)" strokeWidth={1.5} dot={false} isAnimationActive={false} />
        </LineChart>
      )}
    </div>
  );
}
