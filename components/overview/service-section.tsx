"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { InstanceView, ServiceView } from "@/lib/domain/services/list-services";
import { HealthBadge } from "./health-badge";
import { InstancesTable } from "./instances-table";
import { ServiceSparkline } from "./service-sparkline";

/** One line per service, opened to its instances when it is in trouble or when asked. */
export function ServiceSection({ service, isStale, troubled }: { service: ServiceView; isStale: (i: InstanceView) => boolean; troubled: boolean }) {
  const live = service.instances.filter((i) => !isStale(i)).length;
  // Opened or closed by hand, it stays so across live updates; trouble opens it.
  const [open, setOpen] = useState(troubled);
  useEffect(() => {
    if (troubled) setOpen(true);
  }, [troubled]);
  return (
    <section aria-label={`service ${service.name}`} id={`service-${encodeURIComponent(service.name)}`} className="relative">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="group rounded-md border border-zinc-200 dark:border-zinc-800">
        <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 py-2 pr-40 pl-3 focus-visible:outline-2 focus-visible:outline-accent-500">
          <h2 className="text-sm font-semibold">{service.name}</h2>
          <HealthBadge health={service.health} />
          {service.breakers.open > 0 && <Badge tone="red">{service.breakers.open} open breaker{service.breakers.open === 1 ? "" : "s"}</Badge>}
          {service.desiredMode.mode !== service.declaredModes[0] && <Badge tone="amber">{service.desiredMode.mode}</Badge>}
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            {live} of {service.instances.length} {service.instances.length === 1 ? "instance" : "instances"} reporting · last report <RelativeTime at={service.lastSeen} />
          </span>
        </summary>
        <div className="border-t border-zinc-200 p-2 dark:border-zinc-800">
          <InstancesTable service={service.name} instances={service.instances} isStale={isStale} />
        </div>
      </details>
      {/* Beside the summary, not in it: a link inside a summary is a control inside a control. */}
      <Link href={`/metrics/${encodeURIComponent(service.name)}`} aria-label={`${service.name} metrics`} className="absolute top-1.5 right-3">
        <ServiceSparkline service={service.name} />
      </Link>
    </section>
  );
}
