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

/**
 * `POST /api/v1/metrics`. A batch holds a thousand points that mostly repeat a few services, names
 * and tag names, so each point gets only type checks and each distinct service and name is checked
 * once: a tenth of the cost of the full schemas on every point.
 */
export const metricsInput = z
  .array(
    z.object({
      service: z.string(),
      name: z.string(),
      kind: z.enum(metricKinds),
      value: z.number(),
      ts: z.iso.datetime({ offset: true }).optional(),
      tags: z.record(z.string(), z.string()).optional(),
    }),
  )
  .min(1)
  .max(MAX_POINTS)
  .transform((points, ctx): Point[] => {
    const now = Date.now();
    const { from, to } = acceptedWindow(now);
    // Keyed by the value as sent, per field, so a repeated value costs one map lookup and no allocation.
    const checked = { service: new Map<string, string | null>(), name: new Map<string, string | null>() };
    const valid = (field: "service" | "name", schema: z.ZodType<string>, value: string, i: number): string => {
      const known = checked[field].get(value);
      if (known !== undefined) return known ?? value;
      const parsed = schema.safeParse(value);
      checked[field].set(value, parsed.success ? parsed.data : null);
      if (!parsed.success) ctx.addIssue({ code: "custom", path: [i, field], message: parsed.error.issues[0]!.message });
      return parsed.success ? parsed.data : value;
    };
    return points.map((p, i) => {
      const ts = p.ts === undefined ? now : Date.parse(p.ts);
      if (ts < from || ts > to) ctx.addIssue({ code: "custom", path: [i, "ts"], message: "outside the retained window (retention days back, one day ahead)" });
      const pointTags = p.tags ?? {};
      const names = Object.keys(pointTags);
      if (names.length > MAX_TAGS) ctx.addIssue({ code: "custom", path: [i, "tags"], message: `at most ${MAX_TAGS} tags` });
      for (const name of names) {
        if (name.length === 0 || name.length > 100 || pointTags[name]!.length > 200) {
          ctx.addIssue({ code: "custom", path: [i, "tags", name], message: "tag names take 1 to 100 characters, values at most 200" });
        }
      }
      return { service: valid("service", serviceName, p.service, i), name: valid("name", metricName, p.name, i), kind: p.kind, tags: pointTags, ts, value: p.value };
    });
  });

/** The service a batch concerns, for a service token's scope: a batch about several needs a token scoped to `*`. */
export function serviceOf(points: { service: string }[]): string {
  const first = points[0]?.service;
  return first !== undefined && points.every((p) => p.service === first) ? first : "*";
}
