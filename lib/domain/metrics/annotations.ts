import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

export const annotationKinds = ["mode", "breaker", "override", "config", "alert"] as const;

/** A change drawn on the charts, with the page where it can be looked into. */
export type Annotation = {
  at: string;
  kind: (typeof annotationKinds)[number];
  title: string;
  detail: string | null;
  href: string;
  /** For a breaker's transition: which breaker of which instance, from and to what, so charts can shade its open periods. */
  breaker: { name: string; instance: string; from: string; to: string } | null;
};

const MAX_ANNOTATIONS = 500;
const auditActions = ["mode.set", "mode.clear", "mode.expire", "mode.automatic", "breaker.override", "breaker.override.expire", "config.publish", "config.rollback"];

/**
 * What changed around a service between two times, read from where each change is already
 * recorded: mode flips, overrides and config changes from the audit log, breaker opens and closes
 * from the transitions, alerts firing and resolving from their timelines. Newest last.
 */
export async function listAnnotations(db: Db, service: string, from: Date, to: Date): Promise<Annotation[]> {
  const f = from.toISOString();
  const t = to.toISOString();
  const rows = await db.execute<Annotation>(sql`
    (select a.at, case when a.action like 'mode.%' then 'mode' when a.action like 'breaker.%' then 'override' else 'config' end as kind,
        a.action || ' ' || coalesce(a.after ->> 'mode', a.after ->> 'override', a.after ->> 'version', '') as title,
        concat_ws(' · ', a.actor, a.reason) as detail,
        case when a.action like 'mode.%' then '/modes'
             when a.action like 'breaker.%' then '/breakers/' || ${service} || '/' || split_part(a.target, '/', 2)
             else '/config' end as href,
        null::json as breaker
      from audit_events a
      where a.at >= ${f}::timestamptz and a.at < ${t}::timestamptz and a.outcome = 'ok'
        and a.action in ${auditActions}
        and (a.target = ${`service:${service}`} or a.target like ${`breaker:${service}/%`} or a.target like ${`config:${service}/%`})
      order by a.at desc limit ${MAX_ANNOTATIONS})
    union all
    (select b.at, 'breaker', b.breaker || ' ' || replace(b.to_state, '_', '-'),
        concat_ws(' · ', b.instance, 'from ' || replace(b.from_state, '_', '-')),
        '/breakers/' || b.service || '/' || b.breaker,
        json_build_object('name', b.breaker, 'instance', b.instance, 'from', b.from_state, 'to', b.to_state)
      from breaker_transitions b
      where b.service = ${service} and b.at >= ${f}::timestamptz and b.at < ${t}::timestamptz
        and b.source <> 'override' and b.to_state in ('open', 'closed', 'forced_open', 'forced_closed')
      order by b.at desc limit ${MAX_ANNOTATIONS})
    union all
    (select e.at, 'alert', coalesce(al.labels ->> 'alertname', 'alert') || ' ' || case when e.kind = 'resolved' then 'resolved' else 'firing' end,
        concat_ws(' · ', al.severity, al.annotations ->> 'summary'),
        '/alerts',
        null::json
      from alert_events e join alerts al on al.id = e.alert_id
      where al.service = ${service} and e.at >= ${f}::timestamptz and e.at < ${t}::timestamptz
        and e.kind in ('fired', 'refired', 'resolved')
      order by e.at desc limit ${MAX_ANNOTATIONS})`);
  return rows
    .map((r) => ({ ...r, at: new Date(r.at).toISOString(), title: r.title.trim() }))
    .sort((a, b) => (a.at < b.at ? -1 : 1));
}
