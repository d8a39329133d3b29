"use client";

import { useState } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { useDebounced } from "@/components/ui/use-debounced";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { ChainBadge } from "./chain-badge";
import { ExportLinks } from "./export-links";
import { auditQuery, emptyFilter, type AuditPage, type ChainReport } from "./types";

export function AuditView({ initialPage, initialChain }: { initialPage: AuditPage; initialChain: ChainReport }) {
  const [filter, setFilter] = useState(emptyFilter);
  const query = auditQuery(useDebounced(filter));

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, refusal and sign-in, newest first. Each event carries the hash of the one before it."
        actions={
          <>
            <ChainBadge initialData={initialChain} />
            <ExportLinks query={query} />
          </>
        }
      />
      <div className="space-y-4">
        <AuditFilters filter={filter} onChange={setFilter} />
        {/* A new filter starts a new list: the pages loaded for the last one no longer apply. */}
        <AuditTable key={query} query={query} initialData={query === "" ? initialPage : undefined} />
      </div>
    </>
  );
}
