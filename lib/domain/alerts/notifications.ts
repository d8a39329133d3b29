import { inArray, sql } from "drizzle-orm";
import { alertGroups, alerts, channels, channelTypes, deliveries, type AlertPolicy } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { addSeconds, triggerDueAt, type GroupState } from "../routing/grouping";
import { listParam } from "./list-param";

/** An alert about to notify: its notifications are keyed by its cycle (triggers) or repeat count. */
export interface Notifiable {
  id: number;
  cycle: number;
  repeats: number;
  policy: AlertPolicy;
}

export interface Intent {
  alertId: number;
  channelId: string;
  event: (typeof deliveries.$inferInsert)["event"];
  idempotencyKey: string;
  groupKey?: string;
  dueAt: Date;
}

/** Notification channels by name, as routes name their receivers. */
export type ChannelsByName = ReadonlyMap<string, { id: string; type: string }>;

/**
 * The trigger of every channel the alert's routes reach, timed by the route's group; or `now`, for
 * an alert notifying again because nobody kept it acknowledged.
 */
export async function queueTriggers(tx: Db, targets: Notifiable[], timing: "grouped" | "now" = "grouped"): Promise<void> {
  const now = new Date();
  const reached = reachedRoutes(targets, await channelsNamed(tx, targets.flatMap((a) => a.policy.routes.map((r) => r.receiver))));
  if (reached.length === 0) return;
  const groups = timing === "now" ? new Map<string, GroupState>() : await groupStates(tx, groupsOf(reached, now));
  await insertIntents(tx, triggers(reached, groups, now, timing));
}

type Reached<T> = { alert: T; route: AlertPolicy["routes"][number]; channelId: string };

/** Each route of the alerts that reaches an existing channel, with that channel. */
export function reachedRoutes<T extends { policy: AlertPolicy }>(targets: T[], byName: ChannelsByName): Reached<T>[] {
  return targets.flatMap((alert) => alert.policy.routes.flatMap((route) => {
    const channel = byName.get(route.receiver);
    return channel ? [{ alert, route, channelId: channel.id }] : [];
  }));
}

/** The groups these routes notify through, each first due after its route's group wait if it is new. */
export function groupsOf(reached: Reached<unknown>[], now: Date): { key: string; firstDueAt: Date }[] {
  return reached.map((r) => ({ key: r.route.groupKey, firstDueAt: addSeconds(now, r.route.groupWaitSeconds) }));
}

/** The trigger notifications of the reached routes, timed by their groups' state (`groupStates`). */
export function triggers(reached: Reached<Notifiable>[], groups: ReadonlyMap<string, GroupState>, now: Date, timing: "grouped" | "now" = "grouped"): Intent[] {
  return reached.map(({ alert, route, channelId }) => ({
    alertId: alert.id,
    channelId,
    event: "trigger",
    idempotencyKey: `${alert.id}:trigger:${alert.cycle}:${channelId}`,
    groupKey: route.groupKey,
    dueAt: timing === "now" ? now : triggerDueAt(groups.get(route.groupKey) ?? null, now, route),
  }));
}

/** A reminder to every channel of the alert's routes, now. */
export async function queueRepeats(tx: Db, targets: Notifiable[]): Promise<void> {
  const byName = await channelsNamed(tx, targets.flatMap((a) => a.policy.routes.map((r) => r.receiver)));
  const intents = targets.flatMap((alert) =>
    [...new Set(alert.policy.routes.map((r) => byName.get(r.receiver)?.id))].flatMap((channelId): Intent[] =>
      channelId ? [{ alertId: alert.id, channelId, event: "repeat", idempotencyKey: `${alert.id}:repeat:${alert.repeats}:${channelId}`, dueAt: new Date() }] : [],
    ),
  );
  await insertIntents(tx, intents);
}

/** The escalation receiver's notification, now; returns the channel it went to, if any. */
export async function queueEscalation(tx: Db, alert: Notifiable): Promise<string | null> {
  const receiver = alert.policy.escalation?.receiver;
  const channel = receiver ? (await channelsNamed(tx, [receiver])).get(receiver) : undefined;
  if (!channel) return null;
  await insertIntents(tx, [
    { alertId: alert.id, channelId: channel.id, event: "escalate", idempotencyKey: `${alert.id}:escalate:${alert.cycle}:${channel.id}`, dueAt: new Date() },
  ]);
  return receiver!;
}

/**
 * After an ack or a resolve, tells the channels that heard of the alert. A trigger still waiting
 * for its group is dropped instead when the alert resolves, so nobody hears of it at all.
 * Acknowledgements go only to channels that understand them (PagerDuty, webhooks).
 */
export async function queueFollowUps(tx: Db, alertIds: number[], event: "acknowledge" | "resolve"): Promise<void> {
  if (alertIds.length === 0) return;
  const dropped = event === "resolve" ? await cancelUnsent(tx, alertIds) : [];
  const key = event === "resolve" ? sql`d.alert_id || ':resolve:' || d.channel_id` : sql`d.alert_id || ':acknowledge:' || a.cycle || ':' || d.channel_id`;
  const types = event === "resolve" ? channelTypes : ["webhook", "pagerduty"];
  await tx.execute(sql`
    insert into ${deliveries} (alert_id, channel_id, event, idempotency_key, due_at)
    select distinct d.alert_id, d.channel_id, ${event}, ${key}, now()
    from ${deliveries} d
    join ${channels} c on c.id = d.channel_id
    join ${alerts} a on a.id = d.alert_id
    where d.alert_id in ${listParam(alertIds, "bigint")} and d.event in ('trigger', 'repeat', 'escalate') and d.status <> 'cancelled'
      and c.type in ${listParam(types)} ${dropped.length > 0 ? sql`and d.id not in ${listParam(dropped, "bigint")}` : sql``}
    on conflict (idempotency_key) do nothing`);
}

/**
 * Forgets the groups of these resolved alerts that have no open alert left, so the next alert of
 * such a group starts a new one and waits `group_wait` again, as in Alertmanager.
 */
export async function closeEmptyGroups(tx: Db, resolvedIds: number[]): Promise<void> {
  if (resolvedIds.length === 0) return;
  await tx.execute(sql`
    delete from ${alertGroups} g
    where g.key in (select unnest(group_keys) from ${alerts} where id in ${listParam(resolvedIds, "bigint")})
      and not exists (select 1 from ${alerts} o where o.state <> 'resolved' and o.group_keys @> array[g.key])`);
}

/** Drops the alerts' notifications not yet tried (a silence started, or it resolved within its group wait). */
export async function cancelUnsent(tx: Db, alertIds: number[]): Promise<number[]> {
  if (alertIds.length === 0) return [];
  const rows = await tx.execute<{ id: string }>(sql`
    update ${deliveries} set status = 'cancelled'
    where alert_id in ${listParam(alertIds, "bigint")} and status = 'pending' and attempts = 0 and event in ('trigger', 'repeat', 'escalate')
    returning id`);
  return rows.map((r) => Number(r.id));
}

// Raw SQL, one statement for the batch: intake runs this for every alert that fires.
export async function insertIntents(tx: Db, intents: Intent[]): Promise<void> {
  if (intents.length === 0) return;
  const rows = intents
    .map((i) => ({ alert_id: i.alertId, channel_id: i.channelId, event: i.event, idempotency_key: i.idempotencyKey, group_key: i.groupKey ?? null, due_at: i.dueAt.toISOString() }))
    .sort((a, b) => (a.idempotency_key < b.idempotency_key ? -1 : 1));
  await tx.execute(sql`
    insert into ${deliveries} (alert_id, channel_id, event, idempotency_key, group_key, due_at)
    select alert_id, channel_id, event, idempotency_key, group_key, due_at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(alert_id bigint, channel_id uuid, event text, idempotency_key text, group_key text, due_at timestamptz)
    on conflict (idempotency_key) do nothing`);
}

/** Every channel: a handful of rows, read beside intake's other reads instead of after routing. */
export async function allChannels(tx: Db): Promise<ChannelsByName> {
  const rows = await tx.select({ id: channels.id, name: channels.name, type: channels.type }).from(channels);
  return new Map(rows.map((r) => [r.name, r]));
}

async function channelsNamed(tx: Db, names: string[]): Promise<ChannelsByName> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return new Map();
  const rows = await tx.select({ id: channels.id, name: channels.name, type: channels.type }).from(channels).where(inArray(channels.name, unique));
  return new Map(rows.map((r) => [r.name, r]));
}

/** The groups' timing; a group not seen before starts now, first due after its route's group wait. */
export async function groupStates(tx: Db, wanted: { key: string; firstDueAt: Date }[]): Promise<Map<string, GroupState>> {
  const fresh = [...new Map(wanted.map((w) => [w.key, w.firstDueAt.toISOString()]))].sort(([a], [b]) => (a < b ? -1 : 1));
  // The second select sees the table as the statement began: the groups that existed already.
  const rows = await tx.execute<{ key: string; first_due_at: string; flushed_at: string | null }>(sql`
    with wanted as (
      select * from jsonb_to_recordset(${JSON.stringify(fresh.map(([key, at]) => ({ key, first_due_at: at })))}::jsonb) as w(key text, first_due_at timestamptz)
    ), created as (
      insert into ${alertGroups} (key, first_due_at) select key, first_due_at from wanted on conflict (key) do nothing
      returning key, first_due_at, flushed_at
    )
    select key, first_due_at, flushed_at from created
    union all
    select g.key, g.first_due_at, g.flushed_at from ${alertGroups} g join wanted using (key)`);
  return new Map(rows.map((r) => [r.key, { firstDueAt: new Date(r.first_due_at), flushedAt: r.flushed_at ? new Date(r.flushed_at) : null }]));
}
