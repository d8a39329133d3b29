"use client";

import { useState } from "react";
import { useLiveQuery } from "@/components/live/use-live-query";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Panel } from "@/components/ui/panel";
import type { ServiceBreakers } from "@/lib/domain/breakers/types";
import { BreakerCard } from "./breaker-card";
import { InstancesTable } from "./instances-table";
import { OverrideDialog } from "./override-dialog";
import { TransitionTimeline } from "./transition-timeline";
import { serviceBreakersKey, type BreakerActions, type PendingOverride } from "./types";

interface Props {
  service: string;
  breaker: string;
  initialData: ServiceBreakers;
  actions: BreakerActions | null;
}

/** One breaker: its aggregate, each instance, and its transitions newest first. */
export function BreakerDetailLive({ service, breaker, initialData, actions }: Props) {
  const { data, error } = useLiveQuery<ServiceBreakers>(serviceBreakersKey(service), `/api/v1/services/${encodeURIComponent(service)}/breakers`, {
    initialData,
    on: [{ topic: "breaker", id: service }],
  });
  const [pending, setPending] = useState<PendingOverride | null>(null);
  const detail = data?.breakers.find((b) => b.breaker === breaker);
  const name = `${service}/${breaker}`;

  return (
    <div className="space-y-6">
      {error && <ErrorState title="This breaker could not be refreshed.">It shows the last data received; it retries by itself.</ErrorState>}
      {!detail ? (
        <EmptyState title={`${name} has not reported.`}>No instance of {service} lists a breaker by this name.</EmptyState>
      ) : (
        <>
          <div className="grid items-start gap-6 lg:grid-cols-[22rem_minmax(0,1fr)]">
            <BreakerCard card={detail} onOverride={actions ? (override) => setPending({ card: detail, override }) : undefined} />
            <Panel title="Instances" description="Each instance's breaker as it last reported. A stale instance is left out of the totals.">
              <InstancesTable name={name} instances={detail.instances} />
            </Panel>
          </div>
          <Panel title="Transitions" description="Newest first: state changes reported by instances, and overrides set, cleared or expired.">
            <TransitionTimeline name={name} transitions={detail.transitions} />
          </Panel>
        </>
      )}
      {actions && pending && <OverrideDialog pending={pending} overrideBreaker={actions.overrideBreaker} onClose={() => setPending(null)} />}
    </div>
  );
}
