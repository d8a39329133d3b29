"use client";

import { useState } from "react";
import { useLiveQuery } from "@/components/live/use-live-query";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { FormError } from "@/components/ui/form-error";
import { useDebounced } from "@/components/ui/use-debounced";
import { AlertDrawer } from "./alert-drawer";
import { AlertFilters, alertsUrl, noFilters, type Filters } from "./alert-filters";
import { AlertsTable } from "./alerts-table";
import { SilenceDialog } from "./silence-dialog";
import { SilencesList } from "./silences-list";
import type { AlertActions, AlertItem, AlertsPage, Matcher } from "./types";
import { useAlertKeys } from "./use-alert-keys";

interface Props {
  initialData: AlertsPage;
  /** Present for responders and above. */
  actions: AlertActions | null;
}

const similar = (alert: AlertItem): Matcher[] => Object.entries(alert.labels).map(([label, value]) => ({ label, op: "=", value }));

export function AlertsLive({ initialData, actions }: Props) {
  const [filters, setFilters] = useState<Filters>(noFilters);
  const url = alertsUrl(useDebounced(filters, 250));
  const { data, error } = useLiveQuery<AlertsPage>(["alert", "list", url], url, url === alertsUrl(noFilters) ? { initialData } : undefined);
  const alerts = data?.alerts ?? [];

  const [focused, setFocused] = useState<number | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [open, setOpen] = useState<number | null>(null);
  const [silencing, setSilencing] = useState<Matcher[] | null>(null);
  const [pending, setPending] = useState(false);
  const [ackError, setAckError] = useState<string | null>(null);

  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  async function ack(ids: number[]) {
    if (!actions || ids.length === 0) return;
    setPending(true);
    const result = await actions.ackAlerts({ ids });
    setPending(false);
    setAckError(result.ok ? null : result.error);
    if (result.ok) setSelected(new Set());
  }

  const visibleSelection = alerts.filter((a) => selected.has(a.id)).map((a) => a.id);
  const focusedAlert = alerts.find((a) => a.id === focused);

  useAlertKeys({
    move(step) {
      const at = alerts.findIndex((a) => a.id === focused);
      const next = alerts[at === -1 ? 0 : Math.min(alerts.length - 1, Math.max(0, at + step))];
      if (!next) return;
      setFocused(next.id);
      document.querySelector<HTMLElement>(`tr[data-alert-id="${next.id}"]`)?.focus();
    },
    toggle: () => actions && focused !== null && toggle(focused),
    ack: () => void ack(visibleSelection.length > 0 ? visibleSelection : focused !== null ? [focused] : []),
    open: () => focused !== null && setOpen(focused),
    silence: () => actions && focusedAlert && setSilencing(similar(focusedAlert)),
    close: () => setOpen(null),
  });

  return (
    <div className="space-y-4">
      <AlertFilters value={filters} onChange={setFilters} />
      {error && <ErrorState title="The alerts could not be refreshed.">They show the last data received; it retries by itself.</ErrorState>}
      {actions && (
        <div className="flex items-center gap-3 text-sm">
          <Button variant="primary" disabled={pending || visibleSelection.length === 0} onClick={() => ack(visibleSelection)}>
            Acknowledge
          </Button>
          <span className="text-zinc-500 dark:text-zinc-400">
            {visibleSelection.length} selected · j/k move, x select, a acknowledge, s silence, Enter details, Esc close
          </span>
          <FormError error={ackError} />
        </div>
      )}
      {alerts.length === 0 ? (
        <EmptyState title="No alert matches.">Alerts arrive through POST /api/v1/alerts or the Alertmanager webhook, and show here as they fire.</EmptyState>
      ) : (
        <AlertsTable
          alerts={alerts}
          focused={focused}
          selected={selected}
          onToggle={actions ? toggle : null}
          onToggleAll={actions ? (all) => setSelected(new Set(all ? alerts.map((a) => a.id) : [])) : null}
          onFocus={setFocused}
          onOpen={setOpen}
        />
      )}
      <SilencesList expireSilence={actions?.expireSilence ?? null} />
      {open !== null && <AlertDrawer id={open} actions={actions} onSilence={(alert) => setSilencing(similar(alert))} onClose={() => setOpen(null)} />}
      {silencing && actions && <SilenceDialog initialMatchers={silencing} createSilence={actions.createSilence} onClose={() => setSilencing(null)} />}
    </div>
  );
}
