"use client";

import { useState, type ReactNode } from "react";
import { useLiveQuery } from "@/components/live/use-live-query";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { FormError } from "@/components/ui/form-error";
import { RelativeTime } from "@/components/ui/relative-time";
import { Textarea } from "@/components/ui/textarea";
import { generatorLink } from "@/lib/domain/alerts/generator-link";
import type { Role, SendFix } from "@/components/incidents/types";
import { AlertContextPanel } from "./alert-context";
import { DeliveryLog } from "./delivery-log";
import { SeverityBadge, StatusBadge } from "./status-badge";
import { alertName, type AlertActions, type AlertDetail, type TimelineItem } from "./types";

interface Props {
  id: number;
  actions: AlertActions | null;
  role: Role;
  /** Present for operators and above; each suggested action still needs its own role. */
  sendFix: SendFix | null;
  onSilence: (alert: AlertDetail) => void;
  onClose: () => void;
}

export function AlertDrawer({ id, actions, role, sendFix, onSilence, onClose }: Props) {
  const { data, error } = useLiveQuery<AlertDetail>(["alert", "detail", id], `/api/v1/alerts/${id}`, { on: [{ topic: "alert", id: String(id) }] });
  return (
    <aside
      aria-label={data ? `details of ${alertName(data)}` : "alert details"}
      className="fixed inset-y-0 right-0 z-30 w-full max-w-lg space-y-4 overflow-y-auto border-l border-zinc-200 bg-white p-5 shadow-xl dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 className="text-base font-semibold">{data ? alertName(data) : "Alert"}</h2>
        <Button variant="ghost" size="sm" onClick={onClose}>
          Close
        </Button>
      </div>
      {error && <ErrorState title="The alert could not be loaded.">{error.message}</ErrorState>}
      {data && <Details alert={data} actions={actions} onSilence={() => onSilence(data)} context={<AlertContextPanel alertId={id} role={role} sendFix={sendFix} />} />}
    </aside>
  );
}

function Details({ alert, actions, onSilence, context }: { alert: AlertDetail; actions: AlertActions | null; onSilence: () => void; context: ReactNode }) {
  const link = generatorLink(alert.generatorURL);
  return (
    <>
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <SeverityBadge severity={alert.severity} /> <StatusBadge status={alert.status} /> started <RelativeTime at={alert.startsAt} />
        {alert.acknowledgedBy && <span>· acknowledged by {alert.acknowledgedBy}</span>}
      </p>
      {actions && <Respond alert={alert} actions={actions} onSilence={onSilence} />}
      {context}
      <Pairs title="Labels" pairs={alert.labels} />
      <Pairs title="Annotations" pairs={alert.annotations} />
      {link ? (
        <a href={link} target="_blank" rel="noreferrer" className="text-sm text-accent-700 underline dark:text-accent-300">
          Source (generator URL)
        </a>
      ) : (
        alert.generatorURL && <p className="break-all text-sm">Source (generator URL, not linked): {alert.generatorURL}</p>
      )}
      <section>
        <h3 className="mb-1 text-sm font-semibold">Timeline</h3>
        <ol aria-label="Timeline" className="space-y-1 text-sm">
          {alert.timeline.map((t) => (
            <li key={t.id}>
              <RelativeTime at={t.at} /> · <span className="font-medium">{describe(t)}</span>
              {t.actor && ` by ${t.actor}`}
              {t.kind === "action" && " from this alert"}
              {t.note && <span className="text-zinc-600 dark:text-zinc-400"> — {t.note}</span>}
            </li>
          ))}
        </ol>
      </section>
      <section>
        <h3 className="mb-1 text-sm font-semibold">Delivery log</h3>
        <DeliveryLog deliveries={alert.deliveries} />
      </section>
    </>
  );
}

function describe(t: TimelineItem): string {
  const summary = t.detail?.summary;
  return t.kind === "action" && typeof summary === "string" ? summary : t.kind;
}

function Pairs({ title, pairs }: { title: string; pairs: Record<string, string> }) {
  const entries = Object.entries(pairs);
  return (
    <section>
      <h3 className="mb-1 text-sm font-semibold">{title}</h3>
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">none</p>
      ) : (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-sm">
          {entries.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-mono text-zinc-500 dark:text-zinc-400">{k}</dt>
              <dd className="font-mono break-all">{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function Respond({ alert, actions, onSilence }: { alert: AlertDetail; actions: AlertActions; onSilence: () => void }) {
  const [note, setNote] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(send: () => Promise<{ ok: boolean; error?: string }>) {
    setPending(true);
    const result = await send();
    setPending(false);
    setError(result.ok ? null : (result.error ?? null));
    if (result.ok) setNote("");
  }
  const withNote = note.trim() ? { note: note.trim() } : {};
  return (
    <section className="space-y-2">
      <Textarea label="Note (optional)" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" disabled={pending || alert.status !== "firing"} onClick={() => run(() => actions.ackAlerts({ ids: [alert.id], ...withNote }))}>
          Ack
        </Button>
        <Button disabled={pending || alert.status === "resolved"} onClick={() => run(() => actions.resolveAlert({ id: alert.id, ...withNote }))}>
          Resolve
        </Button>
        <Button onClick={onSilence}>Silence similar</Button>
      </div>
      <FormError error={error} />
    </section>
  );
}
