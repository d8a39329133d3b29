import { Gauge } from "prom-client";
import { breakerStateValues } from "@/drizzle/schema/breakers";
import { database } from "@/lib/db/client";
import { desiredModes } from "@/lib/domain/modes/desired-mode";
import { declaredModes } from "@/lib/domain/modes/ladder";
import { within } from "./deadline";
import { metric } from "./registry";

const SCRAPE_TIMEOUT_MS = 1_000;

// Read from the database at scrape time, so every console process answers the same figures and
// teams can keep alerting from their own Prometheus and Grafana. A scrape during a database outage
// leaves these out rather than reporting zeros that would look like a healthy fleet.

metric(
  "breakwater_breaker_instances",
  (c) =>
    new Gauge({
      ...c,
      help: "Instances whose breaker is in each state, per service and breaker; every state is present, 0 when none.",
      labelNames: ["service", "breaker", "state"],
      async collect() {
        this.reset();
        const { sql } = database();
        const rows = await within(
          sql<{ service: string; name: string; state: string; n: number }[]>`
            select service, name, state, count(*)::int as n from breakers group by service, name, state`,
          SCRAPE_TIMEOUT_MS,
        ).catch(() => null);
        if (!rows) return;
        const seen = new Set(rows.map((r) => `${r.service}\u0000${r.name}`));
        for (const key of seen) {
          const [service, breaker] = key.split("\u0000") as [string, string];
          for (const state of breakerStateValues) this.set({ service, breaker, state }, 0);
        }
        for (const r of rows) this.set({ service: r.service, breaker: r.name, state: r.state }, r.n);
      },
    }),
);

metric(
  "breakwater_service_mode",
  (c) =>
    new Gauge({
      ...c,
      help: "1 for each service's desired mode (a manual flip, else the fleet's automatic choice), 0 for its other declared modes.",
      labelNames: ["service", "mode"],
      async collect() {
        this.reset();
        const rows = await within(desiredModes(database().db), SCRAPE_TIMEOUT_MS).catch(() => null);
        for (const { service, desired, modes } of rows ?? []) {
          const ladder = declaredModes(modes);
          for (const mode of ladder.includes(desired) ? ladder : [...ladder, desired]) this.set({ service, mode }, mode === desired ? 1 : 0);
        }
      },
    }),
);

metric(
  "breakwater_alerts_firing",
  (c) =>
    new Gauge({
      ...c,
      help: "Alerts firing now (neither acknowledged, silenced nor resolved), by severity.",
      labelNames: ["severity"],
      async collect() {
        this.reset();
        const { sql } = database();
        const rows = await within(
          sql<{ severity: string; n: number }[]>`
            select v.severity, count(a.id)::int as n
            from (values ('critical'), ('warning'), ('info')) as v(severity)
            left join alerts a on a.severity = v.severity and a.status = 'firing'
            group by v.severity`,
          SCRAPE_TIMEOUT_MS,
        ).catch(() => null);
        for (const { severity, n } of rows ?? []) this.set({ severity }, n);
      },
    }),
);
