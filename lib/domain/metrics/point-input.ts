import { z } from "zod";
import { metricKinds } from "@/drizzle/schema";
import { serviceName } from "../services/report-schema";
import { acceptedWindow, type Point } from "./write-points";

export const MAX_POINTS = 5_000;
const MAX_TAGS = 20;

export const metricName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z_][\w.:/-]*$/, "letters, digits and _ . : / - only, starting with a letter or _");

export const tags = z
  .record(z.string().min(1).max(100), z.string().max(200))
  .refine((t) => Object.keys(t).length <= MAX_TAGS, `at most ${MAX_TAGS} tags`);

const time = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));

/** `POST /api/v1/metrics`: kept to plain checks, since a batch holds a thousand points and more. */
export const metricsInput = z
  .array(
    z.object({
      service: serviceName,
      name: metricName,
      kind: z.enum(metricKinds),
      value: z.number(),
      ts: time.optional(),
      tags: tags.optional(),
    }),
  )
  .min(1)
  .max(MAX_POINTS)
  .transform((points, ctx): Point[] => {
    const now = Date.now();
    const { from, to } = acceptedWindow(now);
    return points.map((p, i) => {
      const ts = p.ts ?? now;
      if (ts < from || ts > to) ctx.addIssue({ code: "custom", path: [i, "ts"], message: "outside the retained window (retention days back, one day ahead)" });
      return { service: p.service, name: p.name, kind: p.kind, tags: p.tags ?? {}, ts, value: p.value };
    });
  });

/** The service a batch concerns, for a service token's scope: a batch about several needs a token scoped to `*`. */
export function serviceOf(points: { service: string }[]): string {
  const first = points[0]?.service;
  return first !== undefined && points.every((p) => p.service === first) ? first : "*";
}
