"use client";

import { useState } from "react";
import { AlertDrawer } from "@/components/alerts/alert-drawer";
import { Button } from "@/components/ui/button";
import { writeClipboard } from "@/components/ui/copy-button";
import { ErrorState } from "@/components/ui/error-state";
import { FormError } from "@/components/ui/form-error";
import { RelativeTime } from "@/components/ui/relative-time";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/components/ui/action-result";
import { IncidentTimeline } from "./incident-timeline";
import { IncidentBadges } from "./severity";
import { type IncidentDetail, type Role, type SendFix } from "./types";
import { useIncident } from "./use-incident";

interface Props {
  initialData: IncidentDetail;
  role: Role;
  addNote: ((input: { id: number; text: string }) => Promise<ActionResult<unknown>>) | null;
  sendFix: SendFix | null;
}

/** One incident, live: its summary, its timeline, a note box for responders, and its alerts in the drawer. */
export function IncidentLive({ initialData, role, addNote, sendFix }: Props) {
  const { data: incident, error } = useIncident(initialData.id, initialData);
  const [openAlert, setOpenAlert] = useState<number | null>(null);
  return (
    <div className="space-y-5">
      {error && <ErrorState title="The incident could not be refreshed.">{error.message}</ErrorState>}
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <IncidentBadges incident={incident} />
        <span>
          opened <RelativeTime at={incident.openedAt} />
        </span>
        {incident.resolvedAt && (
          <span>
            · resolved <RelativeTime at={incident.resolvedAt} />
          </span>
        )}
        <span className="font-mono text-xs">{incident.services.join(", ")}</span>
        <span className="ml-auto flex gap-2">
          <a href={`/api/v1/incidents/${incident.id}/export?format=markdown`} download className="inline-flex h-7 items-center rounded-md border border-zinc-300 px-2 text-xs font-medium dark:border-zinc-700">
            Download Markdown
          </a>
          <a href={`/api/v1/incidents/${incident.id}/export?format=json`} download className="inline-flex h-7 items-center rounded-md border border-zinc-300 px-2 text-xs font-medium dark:border-zinc-700">
            Download JSON
          </a>
          <CopyMarkdown id={incident.id} />
        </span>
      </div>
      <section aria-label="Alerts of the incident" className="space-y-1">
        <h2 className="text-sm font-semibold">Alerts</h2>
        <ul className="flex flex-wrap gap-2">
          {incident.alerts.map((a) => (
            <li key={a.id}>
              <Button size="sm" onClick={() => setOpenAlert(a.id)}>
                {a.name} #{a.id} · {a.severity} · {a.status}
              </Button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Timeline" className="space-y-1">
        <h2 className="text-sm font-semibold">Timeline</h2>
        <IncidentTimeline entries={incident.timeline} onOpenAlert={setOpenAlert} auditLinks={role === "admin"} />
      </section>
      {addNote && <NoteBox id={incident.id} addNote={addNote} />}
      {openAlert !== null && <AlertDrawer id={openAlert} actions={null} role={role} sendFix={sendFix} onSilence={() => undefined} onClose={() => setOpenAlert(null)} />}
    </div>
  );
}

function NoteBox({ id, addNote }: { id: number; addNote: NonNullable<Props["addNote"]> }) {
  const [text, setText] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await addNote({ id, text });
    setPending(false);
    setError(result.ok ? null : result.error);
    if (result.ok) setText("");
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-2" aria-label="Add a note">
      <Textarea label="Note for the responders" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      <Button type="submit" variant="primary" disabled={pending || text.trim() === ""}>
        Add note
      </Button>
      <FormError error={error} />
    </form>
  );
}

function CopyMarkdown({ id }: { id: number }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    const response = await fetch(`/api/v1/incidents/${id}/export?format=markdown`, { cache: "no-store" });
    if (!response.ok) return setState("failed");
    await writeClipboard(await response.text());
    setState("copied");
    setTimeout(() => setState("idle"), 2000);
  }
  return (
    <Button size="sm" onClick={() => void copy()} aria-live="polite">
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy Markdown"}
    </Button>
  );
}
