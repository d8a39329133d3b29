"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { focusRing } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { BreakerCard as Card } from "@/lib/domain/breakers/types";
import { latencies, percent, perSecond, rateTone, stateCounts } from "./format";
import { OverrideControls } from "./override-controls";
import { OverrideNote } from "./override-note";
import { Sparkline } from "./sparkline";
import { StateBadge } from "./state-badge";
import type { OverrideChoice } from "./types";

// Repeated under dark: so the card's dark border colour does not paint over the edge.
const edges = {
  green: "border-l-green-500 dark:border-l-green-500",
  amber: "border-l-amber-500 dark:border-l-amber-500",
  red: "border-l-red-500 dark:border-l-red-500",
  accent: "border-l-accent-500 dark:border-l-accent-500",
  neutral: "border-l-zinc-400 dark:border-l-zinc-400",
};

interface Props {
  card: Card;
  /** The drill-down; on the list, Enter on the focused card opens it. */
  href?: string;
  /** Present for operators and above; viewers and responders get no controls at all. */
  onOverride?: (choice: OverrideChoice) => void;
}

/** One breaker over its instances, its left edge coloured by its error rate. */
export function BreakerCard({ card, href, onOverride }: Props) {
  const router = useRouter();
  const name = `${card.service}/${card.breaker}`;
  const tone = rateTone(card.failureRate);
  return (
    <article
      aria-label={`breaker ${name}`}
      tabIndex={href ? 0 : undefined}
      onKeyDown={(event) => {
        if (href && event.key === "Enter" && event.target === event.currentTarget) router.push(href);
      }}
      className={`flex flex-1 flex-col gap-3 rounded-lg border border-l-4 border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900 ${edges[tone]} ${focusRing}`}
    >
      <header className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{card.service}</p>
          <h2 className="truncate text-sm font-semibold" title={name}>
            {href ? (
              <Link href={href} tabIndex={-1} className="hover:underline">
                {card.breaker}
              </Link>
            ) : (
              card.breaker
            )}
          </h2>
        </div>
        <StateBadge state={card.state} />
      </header>

      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {stateCounts(card.stateCounts)}
        {card.staleInstances > 0 && (
          <>
            {" "}
            <Badge tone="amber">{card.staleInstances} stale</Badge>
          </>
        )}
      </p>

      <dl className="grid grid-cols-3 gap-x-3 gap-y-2 text-xs">
        <Metric label="Failure rate">
          <Badge tone={tone}>{percent(card.failureRate)}</Badge>
        </Metric>
        <Metric label="Calls/s">{perSecond(card.callsPerSecond)}</Metric>
        <Metric label="Rejects/s">{perSecond(card.rejectsPerSecond)}</Metric>
        <Metric label="Latency p50 / p95 / p99" wide>
          {latencies(card.latencyMs)}
        </Metric>
        <Metric label="Last transition">
          <RelativeTime at={card.lastTransitionAt} />
        </Metric>
      </dl>

      <Sparkline points={card.sparkline} tone={tone} />

      {card.override && <OverrideNote override={card.override} />}
      {onOverride && <OverrideControls override={card.override} onChoose={onOverride} />}
    </article>
  );
}

function Metric({ label, wide = false, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? "col-span-2" : undefined}>
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 font-medium tabular-nums text-zinc-800 dark:text-zinc-200">{children}</dd>
    </div>
  );
}
