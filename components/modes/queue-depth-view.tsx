import type { QueueDepth } from "@/lib/domain/modes/types";

/** The local queue's depth where instances report one: the total, and each instance on hover. */
export function QueueDepthView({ depth }: { depth: QueueDepth }) {
  const each = depth.instances.map((i) => `${i.instance}: ${i.depth}`).join("\n");
  return (
    <p className="text-xs text-zinc-600 dark:text-zinc-400" title={each}>
      Local queue: <span className="font-medium text-zinc-800 tabular-nums dark:text-zinc-200">{depth.total.toLocaleString("en")}</span>{" "}
      {depth.total === 1 ? "item" : "items"} over {depth.instances.length} {depth.instances.length === 1 ? "instance" : "instances"}
    </p>
  );
}
