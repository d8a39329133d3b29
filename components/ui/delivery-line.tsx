import type { Delivery } from "@/lib/domain/control/delivery-types";

/** "Reached N of M instances, the last after X ms", naming those that have not: the proof a change arrived. */
export function DeliveryLine({ delivery, what }: { delivery: Delivery; what: string }) {
  const { reached, live, lastAfterMs, pending, pendingCount } = delivery;
  const done = reached === live;
  const unnamed = pendingCount - pending.length;
  return (
    <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="delivery">
      <span className={`font-medium ${done ? "text-green-700 dark:text-green-400" : "text-amber-700 dark:text-amber-400"}`}>
        {what} reached {reached} of {live} {live === 1 ? "instance" : "instances"}
      </span>
      {lastAfterMs !== null && <>, the last after {formatAfter(lastAfterMs)}</>}
      {pendingCount > 0 && (
        <>
          ; not yet: <span className="font-mono text-xs">{pending.join(", ")}</span>
          {unnamed > 0 && ` and ${unnamed} more`}
        </>
      )}
      .
    </p>
  );
}

function formatAfter(ms: number): string {
  return ms < 10_000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
