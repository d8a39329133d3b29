import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { preparing } from "@/lib/db/prepared";
import type { LiveEvent } from "@/lib/live/events";
import type { BatchChange, Pending } from "../batched-mutation";
import { recordSnapshots } from "../breakers/record-snapshots";
import { controlStateAt } from "../control/cached-document";
import { changeEvents } from "../control/change-events";
import { controlState, documentFor, type ControlDocument, type ControlState } from "../control/document";
import { reportPoints } from "../metrics/report-metrics";
import { writePoints } from "../metrics/write-points";
import { refreshAutomaticMode } from "../modes/automatic-mode";
import { deliveredNow, deliveryOnConflict, deliveryOnInsert } from "./delivery-columns";
import { isStale } from "./liveness";
import { rateUpdateDue } from "./rate-updates";
import { readPriors } from "./report-priors";
import type { ReportInput } from "./report-schema";

type Audit = BatchChange<ControlDocument>["audits"][number]["audit"];

/**
 * Writes a batch of reports with set-based statements. The batch is cut into rounds holding each
 * instance at most once, in arrival order: the second report of an instance then reads what the
 * first wrote, so its transitions and health change are recorded after the first's, as when the
 * two came in apart.
 */
export async function applyReports(tx: Db, batch: Pending<ReportInput>[]): Promise<BatchChange<ControlDocument>> {
  // Every batch runs the same few statements: prepared, each is one round trip.
  const writer = preparing(tx);
  const results: ControlDocument[] = new Array<ControlDocument>(batch.length);
  const audits: BatchChange<ControlDocument>["audits"] = [];
  const events = new Map<string, LiveEvent>();
  let clock = 0;
  for (const round of rounds(batch)) {
    // Each round a later instant, so a transition of the second report follows the first's.
    clock = Math.max(Date.now(), clock + 1);
    const applied = await applyRound(tx, writer, round.map((i) => batch[i]!.input), new Date(clock));
    round.forEach((index, k) => {
      results[index] = applied.results[k]!;
      const audit = applied.audits[k];
      if (audit) audits.push({ index, audit });
    });
    for (const e of applied.events) events.set(`${e.topic}:${e.id}`, e);
  }
  return { results, audits, events: [...events.values()] };
}

/** Indexes of the batch, cut so that no round holds an instance twice; order kept within each instance. */
function rounds(batch: Pending<ReportInput>[]): number[][] {
  const seen = new Map<string, number>();
  const out: number[][] = [];
  batch.forEach(({ input }, index) => {
    const key = `${input.service}\u0000${input.instance}`;
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (out[round] ??= []).push(index);
  });
  return out;
}

interface Round {
  results: ControlDocument[];
  audits: (Audit | null)[];
  events: LiveEvent[];
}

/** `writer` is `tx` with its statements prepared; reads of the control document stay on `tx`, the handle its cache shares reads by. */
async function applyRound(tx: Db, writer: Db, inputs: ReportInput[], now: Date): Promise<Round> {
  const priors = await readPriors(writer, inputs);
  const nexts = inputs.map((input, i) => {
    const before = priors[i]!.instance;
    return {
      environment: input.environment,
      health: input.health?.status ?? "healthy",
      checks: input.health?.checks ?? {},
      mode: input.mode ?? before?.mode ?? null,
      automaticMode: input.automaticMode ?? before?.automaticMode ?? null,
      configVersion: input.configVersion ?? before?.configVersion ?? null,
      queueDepth: input.queueDepth ?? null,
    };
  });
  const withBreakers = inputs.flatMap((input, i) =>
    input.breakers ? [{ service: input.service, instance: input.instance, reported: input.breakers, prior: priors[i]!.breakers }] : [],
  );
  const points = inputs.flatMap((input, i) => reportPoints(input, priors[i]!.breakers, now));
  // Each needs only the priors: issued together, they are pipelined on the transaction's connection.
  const [delivered, recorded, written] = await Promise.all([
    upsertInstances(writer, inputs, nexts),
    recordSnapshots(writer, withBreakers, now),
    writePoints(writer, points, "skip"),
  ]);

  const events = new Map<string, LiveEvent>();
  const notify = (...list: LiveEvent[]) => list.forEach((e) => events.set(`${e.topic}:${e.id}`, e));
  const declaredModes = new Map<string, string[]>();
  const refresh = new Set<string>();
  inputs.forEach((input, i) => {
    const before = priors[i]!.instance;
    const next = nexts[i]!;
    const visibleChange =
      !before ||
      before.environment !== next.environment ||
      before.health !== next.health ||
      JSON.stringify(before.checks) !== JSON.stringify(next.checks) ||
      before.mode !== next.mode ||
      before.automaticMode !== next.automaticMode ||
      before.configVersion !== next.configVersion ||
      before.queueDepth !== next.queueDepth ||
      delivered.has(`${input.service}\n${input.instance}`);
    if (visibleChange) notify({ topic: "service", id: input.service });
    if (input.modes !== undefined && !sameModes(priors[i]!.declaredModes, input.modes)) declaredModes.set(input.service, input.modes);
    // The fleet's choice moves only when an instance joins, comes back from stale, or changes its own choice.
    const rejoined = !before || isStale(before.lastReportAt, now);
    if (next.automaticMode !== null && (rejoined || before?.automaticMode !== next.automaticMode)) refresh.add(input.service);
    if (before && before.mode !== next.mode) notify(...changeEvents("mode", input.service));
  });
  await declareModes(writer, declaredModes);
  for (const service of declaredModes.keys()) notify(...changeEvents("mode", service));
  const moved = new Set<string>();
  for (const service of [...refresh].sort()) {
    if (await refreshAutomaticMode(tx, service)) moved.add(service);
  }
  for (const service of moved) notify(...changeEvents("mode", service));

  withBreakers.forEach(({ service }, k) => {
    const { transitions, firstSeen } = recorded[k]!;
    if (transitions > 0 || firstSeen > 0) notify(...changeEvents("breaker", service));
    else if (rateUpdateDue(service, now)) notify({ topic: "breaker", id: service });
  });

  notify(...written.events);

  // One document per service; a moved automatic mode may have changed it in this very transaction.
  const states = new Map<string, ControlState>();
  for (const [i, input] of inputs.entries()) {
    if (states.has(input.service)) continue;
    states.set(input.service, moved.has(input.service) ? await controlState(tx, input.service) : await controlStateAt(tx, input.service, priors[i]!.revision));
  }

  return {
    results: inputs.map((input) => documentFor(states.get(input.service)!, input.instance)),
    audits: inputs.map((_, i) => {
      const before = priors[i]!.instance;
      const next = nexts[i]!;
      if (before && before.health === next.health) return null;
      return {
        before: before ? { health: before.health } : null,
        after: { environment: next.environment, health: next.health },
        reason: before ? "health changed" : "first report",
      };
    }),
    events: [...events.values()],
  };
}

type NextInstance = { environment: string; health: string; checks: Record<string, string>; mode: string | null; automaticMode: string | null; configVersion: number | null; queueDepth: number | null };

/** Upserts every instance of the batch; answers the instances that reported a control revision or config version new to them. */
async function upsertInstances(tx: Db, inputs: ReportInput[], nexts: NextInstance[]): Promise<Set<string>> {
  const rows = inputs
    .map((input, i) => {
      const n = nexts[i]!;
      return {
        service: input.service,
        instance: input.instance,
        environment: n.environment,
        health: n.health,
        checks: n.checks,
        mode: n.mode,
        automatic_mode: n.automaticMode,
        config_version: n.configVersion,
        queue_depth: n.queueDepth,
        control_revision: input.controlRevision ?? null,
      };
    })
    .sort((a, b) => (a.service === b.service ? (a.instance < b.instance ? -1 : 1) : a.service < b.service ? -1 : 1));
  const upserted = await tx.execute<{ service: string; instance: string; delivered: boolean }>(sql`
    insert into instances (service, instance, environment, health, checks, mode, automatic_mode, config_version, queue_depth,
      control_revision, control_revision_at, config_version_at)
    select service, instance, environment, health, checks, mode, automatic_mode, config_version, queue_depth,
      control_revision, ${deliveryOnInsert.controlRevisionAt}, ${deliveryOnInsert.configVersionAt}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(service text, instance text, environment text, health text,
      checks jsonb, mode text, automatic_mode text, config_version int, queue_depth int, control_revision int)
    on conflict (service, instance) do update set
      environment = excluded.environment, health = excluded.health, checks = excluded.checks, mode = excluded.mode,
      automatic_mode = excluded.automatic_mode, config_version = excluded.config_version, queue_depth = excluded.queue_depth,
      control_revision = ${deliveryOnConflict.controlRevision}, control_revision_at = ${deliveryOnConflict.controlRevisionAt},
      config_version_at = ${deliveryOnConflict.configVersionAt}, last_report_at = now()
    returning service, instance, ${deliveredNow} as delivered`);
  return new Set(upserted.filter((r) => r.delivered).map((r) => `${r.service}\n${r.instance}`));
}

async function declareModes(tx: Db, declared: Map<string, string[]>): Promise<void> {
  if (declared.size === 0) return;
  const rows = [...declared].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, modes]) => ({ name, modes }));
  await tx.execute(sql`
    update services s set modes = array(select jsonb_array_elements_text(d.modes))
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as d(name text, modes jsonb)
    where s.name = d.name`);
}

function sameModes(a: string[] | null, b: string[]): boolean {
  return a !== null && a.length === b.length && a.every((m, i) => m === b[i]);
}
