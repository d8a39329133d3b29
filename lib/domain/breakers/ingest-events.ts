import { sql } from "drizzle-orm";
import { breakers, services } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { LiveEvent } from "@/lib/live/events";
import { defineMutation } from "../mutation";
import { breakerEventsInput, type BreakerEventInput } from "./inputs";
import type { BreakerState } from "./types";
import { changeEvents } from "../control/change-events";

const stateOf: Partial<Record<BreakerEventInput["event"], BreakerState>> = { open: "open", half_open: "half_open", close: "closed" };
const counters = ["failure", "success", "reject", "timeout", "fallback"] as const;
type Counter = (typeof counters)[number];

interface Tally {
  service: string;
  instance: string;
  breaker: string;
  states: { state: BreakerState; at: Date }[];
  counts: Record<Counter, number>;
}

/**
 * Exact transitions as a breaker library emits them. State events become transitions at their own
 * time; counting events (reject, failure, …) only add to per-breaker totals, never a row each.
 * A state event older than the breaker's current state is late and ignored.
 */
export const ingestBreakerEvents = defineMutation({
  action: "breaker.events",
  permit: "service",
  input: breakerEventsInput,
  target: () => null,
  // A batch about several services needs a token covering them all; "*" stands for that.
  service: (events) => (new Set(events.map((e) => e.service)).size > 1 ? "*" : (events[0]?.service ?? "*")),
  async run(tx, events) {
    const tallies = tally(events, new Date());
    if (tallies.length === 0) return { result: { accepted: 0 }, audit: null, events: [] };
    const names = [...new Set(tallies.map((t) => t.service))].sort();
    await tx.insert(services).values(names.map((name) => ({ name }))).onConflictDoNothing();
    const prior = await priorStates(tx, tallies);
    const rows: Record<string, unknown>[] = [];
    const transitions: Record<string, unknown>[] = [];
    const changed = new Set<string>();
    for (const t of tallies) {
      const key = keyOf(t);
      const before = prior.get(key);
      let state = before?.state ?? null;
      let since = before ? new Date(before.stateSince) : null;
      for (const e of t.states) {
        if ((since && e.at < since) || e.state === state) continue;
        transitions.push({ service: t.service, instance: t.instance, breaker: t.breaker, from_state: state, to_state: e.state, at: e.at.toISOString() });
        changed.add(t.service);
        state = e.state;
        since = e.at;
      }
      rows.push({
        service: t.service,
        instance: t.instance,
        name: t.breaker,
        state: state ?? "closed",
        state_since: (since ?? new Date()).toISOString(),
        ...Object.fromEntries(counters.map((c) => [c, t.counts[c]])),
      });
      if (!before) changed.add(t.service);
    }
    await tx.execute(sql`
      with tallied as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(service text, instance text, name text, state text,
          state_since timestamptz, failure bigint, success bigint, reject bigint, timeout bigint, fallback bigint)
      ), changes as (
        insert into breaker_transitions (service, instance, breaker, from_state, to_state, at, source)
        select service, instance, breaker, from_state, to_state, at, 'event'
        from jsonb_to_recordset(${JSON.stringify(transitions)}::jsonb) as t(service text, instance text, breaker text, from_state text, to_state text, at timestamptz)
      )
      insert into ${breakers} (service, instance, name, state, state_since, event_failures, event_successes, event_rejects, event_timeouts, event_fallbacks)
      select service, instance, name, state, state_since, failure, success, reject, timeout, fallback from tallied
      on conflict (service, instance, name) do update set
        state = excluded.state, state_since = excluded.state_since,
        event_failures = breakers.event_failures + excluded.event_failures,
        event_successes = breakers.event_successes + excluded.event_successes,
        event_rejects = breakers.event_rejects + excluded.event_rejects,
        event_timeouts = breakers.event_timeouts + excluded.event_timeouts,
        event_fallbacks = breakers.event_fallbacks + excluded.event_fallbacks`);
    const live: LiveEvent[] = [...changed].flatMap((id) => changeEvents("breaker", id));
    return { result: { accepted: events.length }, audit: null, events: live };
  },
});

function tally(events: BreakerEventInput[], now: Date): Tally[] {
  const byKey = new Map<string, Tally>();
  for (const e of events) {
    const key = keyOf({ service: e.service, instance: e.instance, breaker: e.breaker });
    let t = byKey.get(key);
    if (!t) {
      t = { service: e.service, instance: e.instance, breaker: e.breaker, states: [], counts: { failure: 0, success: 0, reject: 0, timeout: 0, fallback: 0 } };
      byKey.set(key, t);
    }
    const state = stateOf[e.event];
    if (state) t.states.push({ state, at: eventTime(e.at, now) });
    else t.counts[e.event as Counter] += 1;
  }
  for (const t of byKey.values()) t.states.sort((a, b) => a.at.getTime() - b.at.getTime());
  // Sorted so that concurrent batches lock rows in the same order.
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, t]) => t);
}

/** Clock skew a reporting instance may have; see eventTime. */
export const MAX_SKEW_MS = 5 * 60_000;

/**
 * When a state event happened, at most now plus the skew: an event dated in the future would
 * otherwise make every later (true) event look late, freezing the instance's state.
 */
function eventTime(at: string | Date | undefined, now: Date): Date {
  if (!at) return now;
  return new Date(Math.min(new Date(at).getTime(), now.getTime() + MAX_SKEW_MS));
}

function keyOf(t: { service: string; instance: string; breaker: string }): string {
  return JSON.stringify([t.service, t.instance, t.breaker]);
}

async function priorStates(tx: Db, tallies: Tally[]): Promise<Map<string, { state: BreakerState; stateSince: string }>> {
  const keys = tallies.map((t) => ({ service: t.service, instance: t.instance, name: t.breaker }));
  const rows = await tx.execute<{ service: string; instance: string; name: string; state: BreakerState; state_since: string }>(sql`
    select b.service, b.instance, b.name, b.state, to_json(b.state_since) #>> '{}' as state_since
    from ${breakers} b
    join jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(service text, instance text, name text)
      on b.service = k.service and b.instance = k.instance and b.name = k.name
    order by b.service, b.instance, b.name
    for update of b`);
  return new Map(rows.map((r) => [keyOf({ service: r.service, instance: r.instance, breaker: r.name }), { state: r.state, stateSince: r.state_since }]));
}
