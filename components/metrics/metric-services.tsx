"use client";

import Link from "next/link";
import { useLiveQuery } from "@/components/live/use-live-query";
import { focusRing } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { MetricService } from "./types";

/** Every service with metrics; each row opens its charts. */
export function MetricServices({ initialData }: { initialData: { services: MetricService[] } }) {
  const { data, error } = useLiveQuery<{ services: MetricService[] }>(["service", "metric-services"], "/api/v1/metrics/services", { initialData, on: ["service"] });
  const services = data?.services ?? [];
  return (
    <div className="space-y-3">
      {error && <ErrorState title="The list could not be refreshed.">It shows the last data received.</ErrorState>}
      {services.length === 0 ? (
        <EmptyState title="No metrics yet">Services add them by reporting, through `POST /api/v1/metrics`, or with an OpenTelemetry exporter pointed at `/api/otlp`.</EmptyState>
      ) : (
        <Table label="Services with metrics">
          <THead>
            <Th>Service</Th>
            <Th>Metrics</Th>
            <Th className="text-right">Series</Th>
          </THead>
          <TBody>
            {services.map((s) => (
              <Tr key={s.service}>
                <Td>
                  <Link href={`/metrics/${encodeURIComponent(s.service)}`} className={`font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-400 ${focusRing}`}>
                    {s.service}
                  </Link>
                </Td>
                <Td className="text-zinc-600 dark:text-zinc-400">{s.metrics.map((m) => m.name).join(", ")}</Td>
                <Td className="text-right tabular-nums">{s.series}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
