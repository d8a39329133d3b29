import { eq, sql } from "drizzle-orm";
import { instances, services } from "@/drizzle/schema";
import type { LiveEvent } from "@/lib/live/events";
import { recordSnapshots } from "../breakers/record-snapshots";
import { controlDocumentAt } from "../control/cached-document";
import { changeEvents } from "../control/change-events";
import { controlDocument } from "../control/document";
import { recordReportMetrics } from "../metrics/report-metrics";
import { refreshAutomaticMode } from "../modes/automatic-mode";
import { defineMutation } from "../mutation";
import { deliveredNow, deliveryOnConflict, deliveryOnInsert } from "./delivery-columns";
import { isStale } from "./liveness";
import { rateUpdateDue } from "./rate-updates";
import { readPrior } from "./report-prior";
import { reportInput } from "./report-schema";

/**
 * One instance's report. Telemetry, not a decision: it is audited only when the instance first
 * appears or its health changes, and it notifies browsers only when something they show changed.
 * It runs for every instance every few seconds, so it keeps to a handful of statements.
 */
export const ingestReport = defineMutation({
  action: "service.report",
  permit: "service",
  input: reportInput,
  target: (i) => `instance:${i.service}/${i.instance}`,
  service: (i) => i.service,
  async run(tx, input) {
    const now = new Date();
    const prior = await readPrior(tx, input.service, input.instance);
    const before = prior.instance;
    const next = {
      environment: input.environment,
      health: input.health?.status ?? "healthy",
      checks: input.health?.checks ?? {},
      mode: input.mode ?? before?.mode ?? null,
      automaticMode: input.automaticMode ?? before?.automaticMode ?? null,
      configVersion: input.configVersion ?? before?.configVersion ?? null,
      queueDepth: input.queueDepth ?? null,
    };
    const [{ delivered } = { delivered: false }] = await tx
      .insert(instances)
      .values({ service: input.service, instance: input.instance, ...next, ...deliveryOnInsert({ controlRevision: input.controlRevision, configVersion: next.configVersion }) })
      .onConflictDoUpdate({ target: [instances.service, instances.instance], set: { ...next, ...deliveryOnConflict, lastReportAt: sql`now()` } })
      .returning({ delivered: deliveredNow });

    const events = new Map<string, LiveEvent>();
    const notify = (...list: LiveEvent[]) => list.forEach((e) => events.set(`${e.topic}:${e.id}`, e));
    const visibleChange =
      !before ||
      before.environment !== next.environment ||
      before.health !== next.health ||
      JSON.stringify(before.checks) !== JSON.stringify(next.checks) ||
      before.mode !== next.mode ||
      before.automaticMode !== next.automaticMode ||
      before.configVersion !== next.configVersion ||
      before.queueDepth !== next.queueDepth ||
      delivered;
    if (visibleChange) notify({ topic: "service", id: input.service });

    const declared = input.modes !== undefined && !sameModes(prior.declaredModes, input.modes);
    if (declared) await tx.update(services).set({ modes: input.modes }).where(eq(services.name, input.service));
    // The fleet's choice moves only when an instance joins, comes back from stale, or changes its own choice.
    const rejoined = !before || isStale(before.lastReportAt, now);
    const automaticMoved =
      next.automaticMode !== null && (rejoined || before?.automaticMode !== next.automaticMode) && (await refreshAutomaticMode(tx, input.service));
    if (declared || automaticMoved || (before && before.mode !== next.mode)) notify(...changeEvents("mode", input.service));

    if (input.breakers) {
      const recorded = await recordSnapshots(tx, input.service, input.instance, input.breakers, prior.breakers, now);
      if (recorded.transitions > 0 || recorded.firstSeen > 0) notify(...changeEvents("breaker", input.service));
      else if (rateUpdateDue(input.service, now)) notify({ topic: "breaker", id: input.service });
    }

    notify(...(await recordReportMetrics(tx, input, prior.breakers, now)));

    const audited = !before || before.health !== next.health;
    return {
      // A moved automatic mode may have changed the document in this very transaction.
      result: automaticMoved ? await controlDocument(tx, input.service) : await controlDocumentAt(tx, input.service, prior.revision),
      audit: audited
        ? {
            before: before ? { health: before.health } : null,
            after: { environment: next.environment, health: next.health },
            reason: before ? "health changed" : "first report",
          }
        : null,
      events: [...events.values()],
    };
  },
});

function sameModes(a: string[] | null, b: string[]): boolean {
  return a !== null && a.length === b.length && a.every((m, i) => m === b[i]);
}
