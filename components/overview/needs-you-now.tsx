"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useLiveQuery } from "@/components/live/use-live-query";
import { Badge, type Tone } from "@/components/ui/badge";
import { ErrorState } from "@/components/ui/error-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { TimeUntil } from "@/components/ui/time-until";
import type { Attention } from "@/lib/domain/overview/attention";
import type { AsJson } from "@/lib/json";

export type AttentionData = AsJson<Attention>;

interface Item {
  key: string;
  tone: Tone;
  /** Lower is more urgent. */
  rank: number;
  kind: string;
  href: string;
  body: ReactNode;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function itemsOf(a: AttentionData): Item[] {
  const items: Item[] = [];
  const { firing, oldestUnacknowledged: oldest } = a.alerts;
  for (const [severity, tone, rank] of [["critical", "red", 0], ["warning", "amber", 3], ["info", "neutral", 8]] as const) {
    const n = firing[severity];
    if (n === 0) continue;
    const isOldest = oldest?.severity === severity;
    items.push({
      key: `alerts-${severity}`,
      tone,
      rank,
      kind: "alerts",
      href: isOldest ? `/alerts?alert=${oldest.id}` : "/alerts",
      body: (
        <>
          {plural(n, `${severity} alert`)} firing, unacknowledged
          {isOldest && (
            <span className="text-zinc-500 dark:text-zinc-400">
              {" "}
              · oldest {oldest.name}
              {oldest.service ? ` on ${oldest.service}` : ""}, fired <RelativeTime at={oldest.since} />
            </span>
          )}
        </>
      ),
    });
  }
  for (const i of a.incidents) {
    items.push({
      key: `incident-${i.id}`,
      tone: i.severity === "critical" ? "red" : "amber",
      rank: 0.5,
      kind: "incident",
      href: `/incidents/${i.id}`,
      body: (
        <>
          {i.title}
          <span className="text-zinc-500 dark:text-zinc-400">
            {" "}
            · {i.severity} incident on {i.service}, opened <RelativeTime at={i.openedAt} />
          </span>
        </>
      ),
    });
  }
  for (const b of a.breakers) {
    items.push({
      key: `breaker-${b.service}-${b.breaker}`,
      tone: b.forced ? "amber" : "red",
      rank: 1,
      kind: "breaker",
      href: `/breakers/${encodeURIComponent(b.service)}/${encodeURIComponent(b.breaker)}`,
      body: (
        <>
          {b.breaker} open on {b.open} of {plural(b.instances, "instance")} of {b.service}
          {b.forced && <span className="text-zinc-500 dark:text-zinc-400"> · forced</span>}
        </>
      ),
    });
  }
  for (const m of a.modes) {
    items.push({
      key: `mode-${m.service}`,
      tone: "amber",
      rank: 2,
      kind: "mode",
      href: "/modes",
      body: (
        <>
          {m.service} runs {m.mode}, not {m.normal}
          <span className="text-zinc-500 dark:text-zinc-400">
            {m.source === "automatic" ? " · chosen by the fleet" : ` · set by ${m.setBy}: ${m.reason}`}
            {m.expiresAt && (
              <>
                {" "}
                · until <TimeUntil at={m.expiresAt} />
              </>
            )}
          </span>
        </>
      ),
    });
  }
  for (const e of a.expiring) {
    items.push({
      key: `expiring-${e.kind}-${e.service}-${e.breaker ?? ""}`,
      tone: "neutral",
      rank: 4,
      kind: "expiring",
      href: e.kind === "mode" ? "/modes" : `/breakers/${encodeURIComponent(e.service)}/${encodeURIComponent(e.breaker!)}`,
      body: (
        <>
          {e.kind === "mode" ? `${e.service}'s ${e.value} flip` : `${e.value} override of ${e.breaker} on ${e.service}`} ends <TimeUntil at={e.expiresAt} />
          <span className="text-zinc-500 dark:text-zinc-400"> · set by {e.setBy}</span>
        </>
      ),
    });
  }
  for (const b of a.bakes) {
    items.push({
      key: `bake-${b.service}-${b.environment}-${b.version}`,
      tone: "accent",
      rank: 5,
      kind: "bake",
      href: "/config",
      body: (
        <>
          {b.service} {b.environment} version {b.version} baking, ends <TimeUntil at={b.until} />
        </>
      ),
    });
  }
  for (const r of a.reviews) {
    items.push({
      key: `review-${r.id}`,
      tone: "amber",
      rank: 3.5,
      kind: "review",
      href: `/config?service=${encodeURIComponent(r.service)}&environment=${encodeURIComponent(r.environment)}`,
      body: (
        <>
          {r.service} {r.environment} version {r.version} published by break glass, unreviewed
          <span className="text-zinc-500 dark:text-zinc-400">
            {" "}
            · by {r.author}: {r.reason}, <RelativeTime at={r.since} />
          </span>
        </>
      ),
    });
  }
  for (const r of a.rollouts) {
    items.push({
      key: `rollout-${r.service}-${r.environment}-${r.version}`,
      tone: r.status === "paused" ? "amber" : "accent",
      rank: 5,
      kind: "rollout",
      href: `/config?service=${encodeURIComponent(r.service)}&environment=${encodeURIComponent(r.environment)}`,
      body: (
        <>
          {r.service} {r.environment} version {r.version} rolling out, {r.status === "paused" ? "paused" : "at"} {r.percent}% (step {r.step} of {r.steps})
          {r.nextStepAt && (
            <span className="text-zinc-500 dark:text-zinc-400">
              {" "}
              · next step <TimeUntil at={r.nextStepAt} />
            </span>
          )}
        </>
      ),
    });
  }
  for (const i of a.instances) {
    items.push({
      key: `instances-${i.service}`,
      tone: "neutral",
      rank: 6,
      kind: "instances",
      href: i.drifted > 0 ? "/config" : `#service-${encodeURIComponent(i.service)}`,
      body: (
        <>
          {i.service}: {[i.stale > 0 && `${i.stale} of ${i.total} stale`, i.drifted > 0 && `${i.drifted} on an old config version`].filter(Boolean).join(", ")}
        </>
      ),
    });
  }
  return items.sort((x, y) => x.rank - y.rank);
}

/** The top of the Overview: what needs someone now, most urgent first, each a link to where it is acted on. */
export function NeedsYouNow({ initialData }: { initialData: AttentionData }) {
  const { data = initialData, error } = useLiveQuery<AttentionData>(["alert", "attention"], "/api/v1/attention", {
    initialData,
    on: ["alert", "incident", "breaker", "mode", "config", "service", "change_request"],
  });
  const items = itemsOf(data);
  return (
    <section aria-label="Needs you now" className="space-y-2">
      <h2 className="text-sm font-semibold">Needs you now</h2>
      {error && <ErrorState title="This list could not be refreshed.">It shows the last data received; it retries by itself.</ErrorState>}
      {items.length === 0 ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900 dark:bg-green-950/50 dark:text-green-200">
          All clear: no firing alert, no open incident, no open breaker, every service on its normal mode, every instance reporting and current.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {items.map((item) => (
            <li key={item.key}>
              <Link href={item.href} className="flex items-center gap-3 px-3 py-2 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-accent-500 dark:hover:bg-zinc-800/60">
                <Badge tone={item.tone} dot>
                  {item.kind}
                </Badge>
                <span className="min-w-0">{item.body}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
