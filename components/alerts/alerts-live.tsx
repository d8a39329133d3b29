"use client";

import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { useLiveQuery } from "@/components/live/use-live-query";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { FormError } from "@/components/ui/form-error";
import { useDebounced } from "@/components/ui/use-debounced";
import type { Role, SendFix } from "@/components/incidents/types";
import { AlertDrawer } from "./alert-drawer";
import { AlertFilters, alertsUrl, noFilters, type Filters } from "./alert-filters";
import { AlertsTable } from "./alerts-table";
import { SilenceDialog } from "./silence-dialog";
import { SilencesList } from "./silences-list";
import type { AlertActions, AlertItem, AlertsPage, Matcher } from "./types";
import { useAlertCursor } from "./use-alert-cursor";
import { useAlertKeys } from "./use-alert-keys";

interface Props {
  initialData: AlertsPage;
  /** Present for responders and above. */
  actions: AlertActions | null;
  role: Role;
  sendFix: SendFix | null;
}

/** The alert's own labels as equality matchers, its name first. */
const similar = (alert: AlertItem): Matcher[] =>
  Object.entries(alert.labels)
    .sort(([a], [b]) => Number(b === "alertname") - Number(a === "alertname"))
    .map(([label, value]) => ({ label, op: "=", value }));

const blank: Matcher[] = [{ label: "", op: "=", value: "" }];

export function AlertsLive({ initialData, actions, role, sendFix }: Props) {
  const [filters, setFilters] = useState<Filters>(noFilters);
  const url = alertsUrl(useDebounced(filters, 250));
  const { data, error } = useLiveQuery<AlertsPage>(["alert", "list", url], url, { initialData: url === alertsUrl(noFilters) ? initialData : undefined, on: ["alert"] });
  const alerts = useMemo(() => data?.alerts ?? [], [data]);
  const cursor = useAlertCursor(useMemo(() => alerts.map((a) => a.id), [alerts]));

  // `?alert=ID` opens that alert's drawer: the command palette and links from elsewhere land on it.
  const requested = Number(useSearchParams().get("alert"));
  const [open, setOpen] = useState<number | null>(Number.isSafeInteger(requested) && requested > 0 ? requested : null);
  const [silencing, setSilencing] = useState<Matcher[] | null>(null);
  const [pending, setPending] = useState(false);
  const [ackError, setAckError] = useState<string | null>(null);

  async function ack(ids: number[]) {
    if (!actions || ids.length === 0) return;
    setPending(true);
    const result = await actions.ackAlerts({ ids });
    setPending(false);
    setAckError(result.ok ? null : result.error);
    if (result.ok) cursor.selectAll(false);
  }

  const selectedCount = alerts.filter((a) => cursor.selected.has(a.id)).length;

  useAlertKeys({
    move(step) {
      const next = cursor.move(step);
      if (next !== null) document.querySelector<HTMLElement>(`tr[data-alert-id="${next}"]`)?.focus();
    },
    toggle() {
      const { focused } = cursor.read();
      if (actions && focused !== null) cursor.toggle(focused);
    },
    ack() {
      const selection = cursor.visibleSelection();
      const { focused } = cursor.read();
      void ack(selection.length > 0 ? selection : focused !== null ? [focused] : []);
    },
    open() {
      const { focused } = cursor.read();
      if (focused !== null) setOpen(focused);
    },
    silence() {
      const focusedAlert = alerts.find((a) => a.id === cursor.read().focused);
      if (actions && focusedAlert) setSilencing(similar(focusedAlert));
    },
    close: () => setOpen(null),
  });

  return (
    <div className="space-y-4">
      <AlertFilters value={filters} onChange={setFilters} />
      {error && <ErrorState title="The alerts could not be refreshed.">They show the last data received; it retries by itself.</ErrorState>}
      {actions && (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <Button variant="primary" disabled={pending || selectedCount === 0} onClick={() => ack(cursor.visibleSelection())}>
            Acknowledge
          </Button>
          <Button onClick={() => setSilencing(blank)}>New silence</Button>
          <span className="text-zinc-500 dark:text-zinc-400">
            {selectedCount} selected · j/k move, x select, a acknowledge, s silence, Enter details, Esc close
          </span>
          <FormError error={ackError} />
        </div>
      )}
      {alerts.length === 0 ? (
        <EmptyState title="No alert matches.">Alerts arrive through POST /api/v1/alerts or the Alertmanager webhook, and show here as they fire.</EmptyState>
      ) : (
        <AlertsTable
          alerts={alerts}
          focused={cursor.focused}
          selected={cursor.selected}
          onToggle={actions ? cursor.toggle : null}
          onToggleAll={actions ? cursor.selectAll : null}
          onFocus={cursor.focus}
          onOpen={setOpen}
          sort={filters.sort}
          onSort={(sort) => setFilters({ ...filters, sort })}
        />
      )}
      <SilencesList expireSilence={actions?.expireSilence ?? null} />
      {open !== null && <AlertDrawer id={open} actions={actions} role={role} sendFix={sendFix} onSilence={(alert) => setSilencing(similar(alert))} onClose={() => setOpen(null)} />}
      {silencing && actions && <SilenceDialog initialMatchers={silencing} createSilence={actions.createSilence} onClose={() => setSilencing(null)} />}
    </div>
  );
}
