import { RelativeTime } from "@/components/ui/relative-time";
import type { Delivery } from "./types";

export function DeliveryLog({ deliveries }: { deliveries: Delivery[] }) {
  if (deliveries.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">No notification was sent for this alert.</p>;
  return (
    <ul aria-label="Delivery log" className="space-y-3 text-sm">
      {deliveries.map((d) => (
        <li key={d.id} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
          <p>
            <span className="font-medium">{d.channel.name}</span> ({d.channel.type}) · {d.event} · <span className="font-medium">{d.status}</span>
          </p>
          {d.lastError && <p className="text-red-700 dark:text-red-400">{d.lastError}</p>}
          <ol className="mt-1 space-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
            {d.attempts.map((a, i) => (
              <li key={i}>
                attempt {i + 1}: <RelativeTime at={a.at} /> · {a.ok ? "ok" : "failed"} · {a.statusCode ?? "no response"}
                {a.durationMs !== null && ` · ${a.durationMs} ms`}
                {a.error && ` · ${a.error}`}
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ul>
  );
}
