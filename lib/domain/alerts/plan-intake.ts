import type { IncomingAlert } from "./intake-input";

/** The latest occurrence of a fingerprint, as intake needs it. */
export interface Occurrence {
  id: number;
  state: "firing" | "acknowledged" | "resolved";
  startsAt: Date;
  endsAt: Date | null;
  annotations: Record<string, string>;
  generatorUrl: string | null;
}

export type Step =
  | { kind: "open"; alert: IncomingAlert; previousId: number | null }
  | { kind: "update"; alert: IncomingAlert; id: number }
  | { kind: "resolve"; alert: IncomingAlert; id: number };

/**
 * The requests of one batch (group commit) cut into rounds, in arrival order, no fingerprint in two
 * requests of one round. Each round is planned against what the rounds before it wrote, so two
 * requests about one alert apply one after the other, exactly as in transactions of their own;
 * requests about distinct alerts, the usual case, make a single round.
 */
export function intakeRounds(requests: IncomingAlert[][]): IncomingAlert[][] {
  const rounds: IncomingAlert[][] = [];
  let round: IncomingAlert[] = [];
  let seen = new Set<string>();
  for (const request of requests) {
    const fingerprints = new Set(request.map((a) => a.fingerprint));
    if ([...fingerprints].some((f) => seen.has(f))) {
      rounds.push(round);
      round = [];
      seen = new Set();
    }
    round.push(...request);
    for (const f of fingerprints) seen.add(f);
  }
  if (round.length > 0) rounds.push(round);
  return rounds;
}

/**
 * What a round of incoming alerts changes, given the latest occurrence of each fingerprint:
 * - firing, with an open occurrence: an update if anything it carries changed, else nothing;
 * - firing, with none open: a new occurrence, unless it is the resolved one sent again (the same
 *   start time), which is how a retried or late payload stays harmless;
 * - resolved, with an open occurrence: it resolves; with none, there is nothing to do.
 * A fingerprint sent twice in one request counts once, the last copy winning.
 */
export function planIntake(batch: IncomingAlert[], latest: ReadonlyMap<string, Occurrence>): Step[] {
  const byFingerprint = new Map(batch.map((a) => [a.fingerprint, a]));
  const steps: Step[] = [];
  for (const alert of [...byFingerprint.values()].sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1))) {
    const last = latest.get(alert.fingerprint);
    const open = last && last.state !== "resolved" ? last : undefined;
    if (alert.status === "resolved") {
      if (open) steps.push({ kind: "resolve", alert, id: open.id });
    } else if (open) {
      if (changed(open, alert)) steps.push({ kind: "update", alert, id: open.id });
    } else if (!(last && alert.startsAt && last.startsAt.getTime() === alert.startsAt.getTime())) {
      steps.push({ kind: "open", alert, previousId: last?.id ?? null });
    }
  }
  return steps;
}

function changed(open: Occurrence, alert: IncomingAlert): boolean {
  return (
    (open.endsAt?.getTime() ?? null) !== (alert.endsAt?.getTime() ?? null) ||
    open.generatorUrl !== alert.generatorUrl ||
    !sameRecord(open.annotations, alert.annotations)
  );
}

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
