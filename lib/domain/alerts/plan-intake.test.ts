import { describe, expect, it } from "vitest";
import { fingerprintOf } from "./fingerprint";
import type { IncomingAlert } from "./intake-input";
import { intakeRounds, planIntake, type Occurrence } from "./plan-intake";

const T0 = new Date("2026-11-21T10:00:00Z");
const T1 = new Date("2026-11-21T11:00:00Z");
const labels = { alertname: "HighErrorRate", service: "rag-api" };
const fingerprint = fingerprintOf(labels);

const alert = (over: Partial<IncomingAlert> = {}): IncomingAlert => ({
  fingerprint,
  labels,
  annotations: { summary: "errors" },
  status: "firing",
  startsAt: T0,
  endsAt: null,
  generatorUrl: null,
  ...over,
});

const occurrence = (over: Partial<Occurrence> = {}): Occurrence => ({
  id: 7,
  state: "firing",
  startsAt: T0,
  endsAt: null,
  annotations: { summary: "errors" },
  generatorUrl: null,
  ...over,
});

const latest = (o?: Occurrence) => new Map(o ? [[fingerprint, o]] : []);
const kinds = (steps: ReturnType<typeof planIntake>) => steps.map((s) => s.kind);

describe("intake planning", () => {
  it("opens an occurrence for a new fingerprint", () => {
    expect(planIntake([alert()], latest())).toEqual([{ kind: "open", alert: alert(), previousId: null }]);
  });

  it("changes nothing when the same firing alert comes again", () => {
    expect(planIntake([alert()], latest(occurrence()))).toEqual([]);
    expect(planIntake([alert()], latest(occurrence({ state: "acknowledged" })))).toEqual([]);
  });

  it("updates the open occurrence when its annotations or times change", () => {
    expect(kinds(planIntake([alert({ annotations: { summary: "more errors" } })], latest(occurrence())))).toEqual(["update"]);
    expect(kinds(planIntake([alert({ endsAt: T1 })], latest(occurrence())))).toEqual(["update"]);
    expect(kinds(planIntake([alert({ generatorUrl: "http://prom/graph" })], latest(occurrence())))).toEqual(["update"]);
  });

  it("resolves the open occurrence, and does nothing for one already resolved", () => {
    expect(planIntake([alert({ status: "resolved", endsAt: T1 })], latest(occurrence()))).toEqual([
      { kind: "resolve", alert: alert({ status: "resolved", endsAt: T1 }), id: 7 },
    ]);
    expect(planIntake([alert({ status: "resolved" })], latest(occurrence({ state: "resolved" })))).toEqual([]);
    expect(planIntake([alert({ status: "resolved" })], latest())).toEqual([]);
  });

  it("opens a new occurrence when a resolved alert fires again", () => {
    expect(planIntake([alert({ startsAt: T1 })], latest(occurrence({ state: "resolved" })))).toEqual([
      { kind: "open", alert: alert({ startsAt: T1 }), previousId: 7 },
    ]);
    expect(kinds(planIntake([alert({ startsAt: null })], latest(occurrence({ state: "resolved" }))))).toEqual(["open"]);
  });

  it("ignores a late copy of the occurrence that was resolved since", () => {
    expect(planIntake([alert({ startsAt: T0 })], latest(occurrence({ state: "resolved" })))).toEqual([]);
  });

  it("counts a fingerprint sent twice in one request once, the last copy winning", () => {
    const steps = planIntake([alert(), alert({ status: "resolved" })], latest(occurrence()));
    expect(kinds(steps)).toEqual(["resolve"]);
  });
});

describe("intake rounds", () => {
  const other = (over: Partial<IncomingAlert> = {}) => alert({ fingerprint: fingerprintOf({ alertname: "Other" }), labels: { alertname: "Other" }, ...over });

  it("writes requests about distinct alerts in one round", () => {
    expect(intakeRounds([[alert()], [other()]])).toEqual([[alert(), other()]]);
  });

  it("starts a new round at a request about an alert of the round, so the later request wins after the earlier one", () => {
    const fire = alert();
    const resolve = alert({ status: "resolved", endsAt: T1 });
    const rounds = intakeRounds([[fire, other()], [resolve], [other({ status: "resolved" })]]);
    expect(rounds).toEqual([[fire, other()], [resolve, other({ status: "resolved" })]]);
    // Applied round by round: the first opens, the second resolves what the first opened.
    const [first, second] = rounds;
    expect(kinds(planIntake(first!, latest()))).toEqual(["open", "open"]);
    expect(planIntake(second!, latest(occurrence({ id: 8 })))).toEqual([{ kind: "resolve", alert: resolve, id: 8 }]);
  });

  it("keeps a fingerprint repeated inside one request to one round", () => {
    expect(intakeRounds([[alert(), alert({ status: "resolved" })]])).toHaveLength(1);
  });
});
