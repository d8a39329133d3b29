"use client";

import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export const ALL_SERVICES = "all services";

export interface BreakerFilter {
  service: string;
  search: string;
}

export const noFilter: BreakerFilter = { service: ALL_SERVICES, search: "" };

export function matches(filter: BreakerFilter, card: { service: string; breaker: string }): boolean {
  if (filter.service !== ALL_SERVICES && card.service !== filter.service) return false;
  const words = filter.search.trim().toLowerCase();
  return words === "" || `${card.service}/${card.breaker}`.toLowerCase().includes(words);
}

export function BreakerFilters({ filter, services, onChange }: { filter: BreakerFilter; services: string[]; onChange: (next: BreakerFilter) => void }) {
  return (
    <div role="search" className="flex flex-wrap items-end gap-2">
      <Select label="Service" options={[ALL_SERVICES, ...services]} value={filter.service} onChange={(event) => onChange({ ...filter, service: event.target.value })} />
      <Input
        label="Search"
        type="search"
        placeholder="service or breaker"
        className="w-64"
        value={filter.search}
        onChange={(event) => onChange({ ...filter, search: event.target.value })}
      />
    </div>
  );
}
