"use client";

import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { InstanceView, ServiceView } from "@/lib/domain/services/list-services";
import { HealthBadge } from "./health-badge";
import { InstancesTable } from "./instances-table";
import { ServiceSparkline } from "./service-sparkline";

export function ServiceSection({ service, isStale }: { service: ServiceView; isStale: (i: InstanceView) => boolean }) {
  const live = service.instances.filter((i) => !isStale(i)).length;
  return (
    <section aria-label={`service ${service.name}`} className="space-y-2">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 className="text-sm font-semibold">{service.name}</h2>
        <HealthBadge health={service.health} />
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          {live} of {service.instances.length} {service.instances.length === 1 ? "instance" : "instances"} reporting · last report{" "}
          <RelativeTime at={service.lastSeen} />
        </span>
        <Link href={`/metrics/${encodeURIComponent(service.name)}`} aria-label={`${service.name} metrics`} className="ml-auto">
          <ServiceSparkline service={service.name} />
        </Link>
      </header>
      <InstancesTable service={service.name} instances={service.instances} isStale={isStale} />
    </section>
  );
}
