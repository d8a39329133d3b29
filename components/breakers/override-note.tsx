import { RelativeTime } from "@/components/ui/relative-time";
import { TimeUntil } from "@/components/ui/time-until";
import type { BreakerOverride } from "@/lib/domain/breakers/types";
import { stateLabel } from "./format";

/** Who forced the breaker, why, and until when. */
export function OverrideNote({ override }: { override: BreakerOverride }) {
  return (
    <div aria-label="override" className="rounded-md border border-zinc-200 bg-zinc-50 px-2.5 py-2 text-xs dark:border-zinc-800 dark:bg-zinc-950/60">
      <p className="text-zinc-700 dark:text-zinc-300">
        <span className="font-medium">{stateLabel(override.override)}</span> by <span className="font-medium">{override.setBy}</span>{" "}
        <RelativeTime at={override.setAt} />, {override.expiresAt ? <>expires <TimeUntil at={override.expiresAt} /></> : "until cleared"}
      </p>
      <p className="mt-0.5 break-words text-zinc-600 dark:text-zinc-400">“{override.reason}”</p>
    </div>
  );
}
