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

const pointShape = z.object({
  service: z.string(),
  name: z.string(),
  kind: z.enum(metricKinds),
  value: z.number(),
  ts: z.iso.datetime({ offset: true }).optional(),
  tags: z.record(z.string(), z.string()).optional(),
});
type RawPoint = z.output<typeof pointShape>;

/** `POST /api/v1/metrics` as documented, and the judge of a batch the quick check below does not pass. */
export const metricsInput = z.array(pointShape).min(1).max(MAX_POINTS).transform(toPoints);

/**
 * What the intake parses. A well-typed batch (nearly every one) skips zod's walk over each of its
 * thousand points, which copies every point and was a fifth of the lane's CPU per batch; anything
 * else goes through the full schema, so a refusal names the field exactly as before.
 */
export const metricsBatch = z.unknown().transform((raw, ctx): Point[] => {
  if (wellTyped(raw)) return toPoints(raw, ctx);
  const parsed = metricsInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
  return z.NEVER;
});

const kinds = new Set<unknown>(metricKinds);
const isoTime = z.regexes.datetime({ offset: true });

/** True only where `pointShape` would pass every point unchanged: plain JSON of the right types. */
function wellTyped(raw: unknown): raw is RawPoint[] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_POINTS) return false;
  for (const p of raw as Partial<Record<keyof RawPoint, unknown>>[]) {
    if (typeof p !== "object" || p === null || Array.isArray(p)) return false;
    if (typeof p.service !== "string" || typeof p.name !== "string" || !kinds.has(p.kind)) return false;
    if (typeof p.value !== "number" || !Number.isFinite(p.value)) return false;
    if (p.ts !== undefined && (typeof p.ts !== "string" || !isoTime.test(p.ts))) return false;
    if (p.tags !== undefined && !stringRecord(p.tags)) return false;
  }
  return true;
}

function stringRecord(tags: unknown): boolean {
  if (typeof tags !== "object" || tags === null || Array.isArray(tags)) return false;
  for (const name in tags) {
    // zod copies records onto a fresh object, where this name would set the prototype: leave it to zod.
    if (name === "__proto__" || typeof (tags as Record<string, unknown>)[name] !== "string") return false;
  }
  return true;
}

/**
 * A batch holds a thousand points that mostly repeat a few services, names and tag names, so each
 * distinct service and name is checked once against its full schema.
 */
function toPoints(points: RawPoint[], ctx: z.RefinementCtx): Point[] {
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
}

/** The service a batch concerns, for a service token's scope: a batch about several needs a token scoped to `*`. */
export function serviceOf(points: { service: string }[]): string {
  const first = points[0]?.service;
  return first !== undefined && points.every((p) => p.service === first) ? first : "*";
}
