import type { AuditEvent } from "./types";

/** The parts of an event too long for its row: before and after, and where the request came from. */
export function AuditDetails({ event }: { event: AuditEvent }) {
  const facts = [
    ["Request", event.requestId],
    ["IP", event.ip],
    ["User agent", event.userAgent],
    ["Hash", event.hash],
    ["Previous hash", event.prevHash],
  ] as const;
  return (
    <div className="grid gap-3 py-1 lg:grid-cols-2">
      <Json label="Before" value={event.before} />
      <Json label="After" value={event.after} />
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs lg:col-span-2">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
            <dd className="font-mono break-all">{value ?? "—"}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <p className="mb-1 text-xs text-zinc-500 dark:text-zinc-400">{label}</p>
      <pre className="max-h-64 overflow-auto rounded-md bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-950">
        {value === null || value === undefined ? "—" : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}
