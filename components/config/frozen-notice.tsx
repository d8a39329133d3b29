import { RelativeTime } from "@/components/ui/relative-time";
import type { DocumentPolicy } from "./types";

/** Says before anyone types that the document is frozen, by which alerts, and what still goes through. */
export function FrozenNotice({ alerts }: { alerts: NonNullable<DocumentPolicy["frozen"]>["alerts"] }) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-300">
      <strong>Frozen</strong> while{" "}
      {alerts.map((a, i) => (
        <span key={a.id}>
          {i > 0 && ", "}
          {a.name} (critical, since <RelativeTime at={a.since} />)
        </span>
      ))}{" "}
      fires. A publish needs an override with a reason, or break glass; rollbacks are never frozen.
    </div>
  );
}
