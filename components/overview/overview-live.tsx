"use client";

import { useLiveQuery } from "@/components/live/use-live-query";
import { ErrorState } from "@/components/ui/error-state";
import type { ServiceView } from "@/lib/domain/services/list-services";
import { NoServices } from "./no-services";
import { ServiceSection } from "./service-section";
import { useStaleCheck } from "./use-stale-check";

export interface ServicesPage {
  services: ServiceView[];
}

export function OverviewLive({ initialData, staleAfterMs, origin }: { initialData: ServicesPage; staleAfterMs: number; origin: string }) {
  const { data, error, refetch } = useLiveQuery<ServicesPage>(["service", "list"], "/api/v1/services", { initialData });
  const services = data?.services ?? [];
  const isStale = useStaleCheck(services, staleAfterMs, refetch);

  return (
    <div className="space-y-6">
      {error && <ErrorState title="The overview could not be refreshed.">It shows the last data received; it retries by itself.</ErrorState>}
      {services.length === 0 ? (
        <NoServices origin={origin} />
      ) : (
        services.map((service) => <ServiceSection key={service.name} service={service} isStale={isStale} />)
      )}
    </div>
  );
}
