import { z } from "zod";
import { labelName, type Labels } from "../routing/matchers";
import { fingerprintOf } from "./fingerprint";

/** One alert as intake understands it, whichever endpoint it came through. */
export interface IncomingAlert {
  fingerprint: string;
  labels: Labels;
  annotations: Record<string, string>;
  status: "firing" | "resolved";
  /** Null when the sender gave none. */
  startsAt: Date | null;
  endsAt: Date | null;
  generatorUrl: string | null;
}

const MAX_ALERTS = 1000;

// Alertmanager's Go zero time: an alert with this end time is still firing.
const GO_ZERO_TIME = Date.UTC(1, 0, 1);

const labels = z
  .record(labelName, z.string().max(2000))
  .refine((l) => Object.keys(l).length <= 100, "at most 100 labels")
  // A missing label equals the empty one, so dropping empty values keeps fingerprints canonical.
  .transform((l): Labels => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== "")));
const annotations = z.record(z.string().max(200), z.string().max(20_000)).default({});
const time = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const endTime = time.transform((d) => (d.getTime() <= GO_ZERO_TIME ? null : d));
const url = z.string().max(2000);

function incoming(a: { labels: Labels; annotations: Record<string, string>; status: "firing" | "resolved"; startsAt?: Date; endsAt?: Date | null; generatorURL?: string }): IncomingAlert {
  return {
    fingerprint: fingerprintOf(a.labels),
    labels: a.labels,
    annotations: a.annotations,
    status: a.status,
    startsAt: a.startsAt ?? null,
    endsAt: a.endsAt ?? null,
    generatorUrl: a.generatorURL || null,
  };
}

/** `POST /api/v1/alerts`: without a status, an alert whose end time has passed is resolved. */
export const nativeAlertsInput = z
  .array(
    z
      .object({
        labels: labels.refine((l) => l.alertname !== undefined, "labels.alertname is required"),
        annotations,
        status: z.enum(["firing", "resolved"]).optional(),
        startsAt: time.optional(),
        endsAt: endTime.optional(),
        generatorURL: url.optional(),
      })
      .transform((a) => incoming({ ...a, status: a.status ?? (a.endsAt && a.endsAt.getTime() <= Date.now() ? "resolved" : "firing") })),
  )
  .min(1)
  .max(MAX_ALERTS);

/** Alertmanager's webhook payload, version 4; fields it may add later are ignored. */
export const alertmanagerInput = z
  .object({
    version: z.string().max(10).optional(),
    receiver: z.string().max(500).optional(),
    status: z.enum(["firing", "resolved"]).optional(),
    groupKey: z.string().max(5000).optional(),
    truncatedAlerts: z.number().int().nonnegative().optional(),
    alerts: z
      .array(
        z.object({
          status: z.enum(["firing", "resolved"]),
          labels,
          annotations,
          startsAt: time,
          endsAt: endTime.optional(),
          generatorURL: url.optional(),
          fingerprint: z.string().max(100).optional(),
        }),
      )
      .max(MAX_ALERTS),
  })
  .transform((payload) => payload.alerts.map(incoming));
