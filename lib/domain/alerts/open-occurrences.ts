import { sql } from "drizzle-orm";
import { alertEvents, alerts } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { addSeconds, type GroupState } from "../routing/grouping";
import { currentRouting } from "../routing/current-routing";
import { Unprocessable } from "../errors";
import { activeSilences, silencing } from "../silences/active-silences";
import { lockSilences } from "../silences/apply-silences";
import { allChannels, groupStates, groupsOf, insertIntents, reachedRoutes, triggers } from "./notifications";
import type { IncomingAlert } from "./intake-input";
import { policyFor } from "./policy";
import { severityOf } from "./severity";

export type Source = (typeof alerts.$inferInsert)["source"];

/**
 * New occurrences: routed, checked against the active silences, inserted with their first
 * timeline entries in one statement, and their notifications queued unless silenced. A concurrent
 * request may have opened the same fingerprint first; its occurrence stands. Returns the new ids.
 */
export async function openOccurrences(tx: Db, opening: { alert: IncomingAlert; previousId: number | null }[], source: Source): Promise<number[]> {
  if (opening.length === 0) return [];
  // One round trip, the channels with them rather than after routing; the silences' lock still
  // runs before their read, as statements run in order.
  const [{ tree }, , active, channels] = await Promise.all([currentRouting(tx), lockSilences(tx, "shared"), activeSilences(tx), allChannels(tx)]);
  const now = new Date();
  const rows = opening.map(({ alert, previousId }) => {
    const policy = policyFor(tree, alert.labels);
    const silencedBy = silencing(active, alert.labels);
    const notifying = silencedBy.length === 0;
    return {
      fingerprint: alert.fingerprint,
      silenced_by: silencedBy,
      severity: severityOf(alert.labels),
      service: alert.labels.service ?? null,
      labels: alert.labels,
      annotations: alert.annotations,
      generator_url: alert.generatorUrl,
      starts_at: (alert.startsAt ?? now).toISOString(),
      ends_at: alert.endsAt?.toISOString() ?? null,
      policy,
      group_keys: [...new Set(policy.routes.map((r) => r.groupKey))],
      escalate_at: notifying && policy.escalation ? addSeconds(now, policy.escalation.afterSeconds).toISOString() : null,
      repeat_at: notifying ? addSeconds(now, policy.repeatIntervalSeconds).toISOString() : null,
      previous_id: previousId,
    };
  });
  const reached = reachedRoutes(
    rows.filter((r) => r.silenced_by.length === 0),
    channels,
  );
  // One round trip: the cap's count runs first, so it sees none of the new rows, and a payload past
  // the cap rolls the insert back. A group made for an alert a concurrent request opened first is
  // that alert's group too. The insert, the largest, goes last: postgres.js sends what is queued
  // as soon as a statement passes 1 KB, so this way the three leave in one write.
  const [, groups, opened] = await Promise.all([
    refuseOverCap(tx, opening.map((o) => o.alert)),
    reached.length === 0 ? new Map<string, GroupState>() : groupStates(tx, groupsOf(reached, now)),
    insertOccurrences(tx, rows, source),
  ]);
  const ids = new Map(opened.map((a) => [a.fingerprint, Number(a.id)]));
  const notifiable = reached.flatMap(({ alert, route, channelId }) => {
    const id = ids.get(alert.fingerprint);
    return id === undefined ? [] : [{ alert: { id, cycle: 0, repeats: 0, policy: alert.policy }, route, channelId }];
  });
  await insertIntents(tx, triggers(notifiable, groups, now));
  return opened.map((a) => Number(a.id));
}

function insertOccurrences(tx: Db, rows: object[], source: Source) {
  return tx.execute<{ id: string; fingerprint: string }>(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
        fingerprint text, silenced_by uuid[], severity text, service text, labels jsonb, annotations jsonb, generator_url text,
        starts_at timestamptz, ends_at timestamptz, policy jsonb, group_keys text[], escalate_at timestamptz, repeat_at timestamptz, previous_id bigint)
    ), opened as (
      insert into ${alerts} (fingerprint, state, silenced_by, severity, service, labels, annotations, generator_url, source, starts_at, ends_at, policy, group_keys, escalate_at, repeat_at)
      select fingerprint, 'firing', silenced_by, severity, service, labels, annotations, generator_url, ${source}, starts_at, ends_at, policy, group_keys, escalate_at, repeat_at
      from input order by fingerprint
      on conflict (fingerprint) where state <> 'resolved' do nothing
      returning id, fingerprint, silenced_by
    ), timeline as (
      insert into ${alertEvents} (alert_id, kind, detail)
      select o.id, case when i.previous_id is null then 'fired' else 'refired' end,
        case when i.previous_id is null then null else jsonb_build_object('previousId', i.previous_id) end
      from opened o join input i using (fingerprint)
      union all
      select o.id, 'silenced', jsonb_build_object('silences', to_jsonb(o.silenced_by)) from opened o where cardinality(o.silenced_by) > 0
    )
    select id, fingerprint from opened`);
}

/**
 * Each service keeps at most `ALERTS_OPEN_PER_SERVICE` open alerts: fingerprints come from labels
 * a sender chooses, and a runaway rule (a label holding a request id, say) would otherwise open one
 * per evaluation. A payload that would pass it is refused whole with 422, naming the service.
 * Concurrent payloads are not serialised for this, so the bound may be passed by one payload.
 */
async function refuseOverCap(tx: Db, opening: IncomingAlert[]): Promise<void> {
  const cap = env().ALERTS_OPEN_PER_SERVICE;
  const adding = new Map<string, number>();
  for (const a of opening) {
    const service = a.labels.service;
    if (service !== undefined) adding.set(service, (adding.get(service) ?? 0) + 1);
  }
  if (adding.size === 0) return;
  const open = await tx.execute<{ service: string; open: number }>(sql`
    select service, count(*)::int as open from ${alerts}
    where state <> 'resolved' and service in (select value from jsonb_array_elements_text(${JSON.stringify([...adding.keys()])}::jsonb))
    group by service`);
  const openNow = new Map(open.map((o) => [o.service, o.open]));
  for (const [service, count] of adding) {
    const total = (openNow.get(service) ?? 0) + count;
    if (total > cap) {
      throw new Unprocessable(
        `The service ${service} would have ${total} open alerts; at most ${cap} may be open at once (ALERTS_OPEN_PER_SERVICE). Resolve some, or fix the rule that opens a new fingerprint each time.`,
      );
    }
  }
}
