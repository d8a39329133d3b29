import { RelativeTime } from "@/components/ui/relative-time";
import { TimeUntil } from "@/components/ui/time-until";
import type { DesiredMode } from "@/lib/domain/modes/types";

/** Who set the desired mode, why and until when; or that the instances choose it themselves. */
export function DesiredSummary({ desired }: { desired: DesiredMode }) {
  if (desired.source === "automatic") {
    return <p className="text-xs text-zinc-500 dark:text-zinc-400">Automatic: the mode most live instances chose for themselves.</p>;
  }
  return (
    <div className="text-xs">
      <p className="text-zinc-700 dark:text-zinc-300">
        Flipped by <span className="font-medium">{desired.setBy ?? "unknown"}</span> <RelativeTime at={desired.setAt} />,{" "}
        {desired.expiresAt ? (
          <>
            expires <TimeUntil at={desired.expiresAt} />
          </>
        ) : (
          "until cleared"
        )}
      </p>
      {desired.reason && <p className="mt-0.5 break-words text-zinc-600 dark:text-zinc-400">“{desired.reason}”</p>}
    </div>
  );
}
