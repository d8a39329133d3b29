"use client";

import { useState } from "react";
import { useLiveQuery } from "@/components/live/use-live-query";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { BreakerCard } from "./breaker-card";
import { BreakerFilters, matches, noFilter } from "./breaker-filters";
import { OverrideDialog } from "./override-dialog";
import { breakerHref, breakersKey, type BreakerActions, type BreakersPage, type PendingOverride } from "./types";

interface Props {
  initialData: BreakersPage;
  /** Present for operators and above. */
  actions: BreakerActions | null;
}

/** Every breaker of the fleet, trouble first (the server sorts), refreshed as reports arrive. */
export function BreakersLive({ initialData, actions }: Props) {
  const { data, error } = useLiveQuery<BreakersPage>(breakersKey, "/api/v1/breakers", { initialData, on: ["breaker"] });
  const [filter, setFilter] = useState(noFilter);
  const [pending, setPending] = useState<PendingOverride | null>(null);
  const cards = data?.breakers ?? [];
  const services = [...new Set(cards.map((c) => c.service))].sort();
  const shown = cards.filter((card) => matches(filter, card));

  return (
    <div className="space-y-4">
      {error && <ErrorState title="The breakers could not be refreshed.">They show the last data received; it retries by itself.</ErrorState>}
      {cards.length === 0 ? (
        <EmptyState title="No breaker has reported yet.">
          Services list their breakers in each report to <code className="font-mono">POST /api/v1/report</code>; the SDK&apos;s{" "}
          <code className="font-mono">watchOpossum</code> does it for an opossum breaker.
        </EmptyState>
      ) : (
        <>
          <BreakerFilters filter={filter} services={services} onChange={setFilter} />
          {shown.length === 0 ? (
            <EmptyState title="No breaker matches the filter." />
          ) : (
            <ul aria-label="breakers" className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
              {shown.map((card) => (
                <li key={`${card.service}/${card.breaker}`} className="flex flex-col">
                  <BreakerCard
                    card={card}
                    href={breakerHref(card.service, card.breaker)}
                    onOverride={actions ? (override) => setPending({ card, override }) : undefined}
                  />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {actions && pending && <OverrideDialog pending={pending} overrideBreaker={actions.overrideBreaker} onClose={() => setPending(null)} />}
    </div>
  );
}
