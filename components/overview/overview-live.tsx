"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import { ErrorState } from "@/components/ui/error-state";
import type { InstanceView, ServiceView } from "@/lib/domain/services/list-services";
import { NeedsYouNow, type AttentionData } from "./needs-you-now";
import { NoServices } from "./no-services";
import { ServiceSection } from "./service-section";
import { useStaleCheck } from "./use-stale-check";

export interface ServicesPage {
  services: ServiceView[];
}

const healthRank: Record<string, number> = { unhealthy: 0, degraded: 1, unknown: 2, healthy: 3 };

/** How much a service needs someone: lower first, healthy and quiet last. */
function trouble(service: ServiceView, isStale: (i: InstanceView) => boolean): number {
  const base = healthRank[service.health] ?? 2;
  const extra = service.breakers.open > 0 || service.desiredMode.mode !== service.declaredModes[0] || service.instances.some(isStale) ? 0.5 : 0;
  return base - extra;
}

export function OverviewLive({ initialData, attention, staleAfterMs, origin }: { initialData: ServicesPage; attention: AttentionData; staleAfterMs: number; origin: string }) {
  const { data, error, refetch } = useLiveQuery<ServicesPage>(["service", "list"], "/api/v1/services", { initialData, on: ["service"] });
  const services = data?.services ?? [];
  const isStale = useStaleCheck(services, staleAfterMs, refetch);
  const ranked = services.map((s) => ({ service: s, rank: trouble(s, isStale) })).sort((a, b) => a.rank - b.rank || a.service.name.localeCompare(b.service.name));

  return (
    <div className="space-y-6">
      <NeedsYouNow initialData={attention} />
      {error && <ErrorState title="The overview could not be refreshed.">It shows the last data received; it retries by itself.</ErrorState>}
      {services.length === 0 ? (
        <NoServices origin={origin} />
      ) : (
        <div className="space-y-2">
          <h2 className="text-sm font-semibold">Services</h2>
          {ranked.map(({ service, rank }) => (
            <ServiceSection key={service.name} service={service} isStale={isStale} troubled={rank < healthRank.healthy!} />
          ))}
        </div>
      )}
    </div>
  );
}
