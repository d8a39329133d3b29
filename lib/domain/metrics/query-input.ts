import { z } from "zod";
import { serviceName } from "../services/report-schema";
import { metricName } from "./point-input";

export const MAX_POINTS_PER_SERIES = 2_000;
export const aggregations = ["avg", "sum", "max", "min"] as const;

const time = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** The range: `from`/`to`, or the `last` seconds up to `to` (now by default), which a live chart re-asks as time moves. */
export const rangeParams = {
  from: time.optional().meta({ description: "Start, inclusive; `last` seconds before `to` by default." }),
  to: time.optional().meta({ description: "End, exclusive; now by default." }),
  last: z.coerce.number().int().min(1).max(400 * 86_400).default(3_600).meta({ description: "Seconds before `to`, when `from` is not given." }),
};

export function resolveRange(q: { from?: Date; to?: Date; last: number }, ctx: z.RefinementCtx): { from: Date; to: Date } {
  const to = q.to ?? new Date();
  const from = q.from ?? new Date(to.getTime() - q.last * 1000);
  if (from >= to) ctx.addIssue({ code: "custom", path: ["from"], message: "must be before `to`" });
  return { from, to };
}
/** `a=b,c=d`: the series must carry these tags. */
const tagFilter = z
  .string()
  .max(2000)
  .transform((s, ctx) => {
    const tags: Record<string, string> = {};
    for (const pair of s.split(",").filter(Boolean)) {
      const at = pair.indexOf("=");
      if (at <= 0) ctx.addIssue({ code: "custom", message: `"${pair}" is not name=value` });
      else tags[pair.slice(0, at)] = pair.slice(at + 1);
    }
    return tags;
  });

export const metricsQuery = z
  .object({
    service: serviceName,
    name: metricName,
    tags: tagFilter.default({}).meta({ description: "`name=value` pairs separated by commas; only series carrying all of them." }),
    ...rangeParams,
    maxPoints: z.coerce.number().int().min(1).max(MAX_POINTS_PER_SERIES).default(300).meta({ description: "At most this many points per series." }),
    groupBy: z
      .string()
      .max(500)
      .transform((s) => s.split(",").filter(Boolean))
      .optional()
      .meta({ description: "Merge series into one per value of these tags (comma-separated; empty merges all), combined with `agg`." }),
    agg: z.enum(aggregations).default("avg").meta({ description: "How merged series combine in each interval." }),
  })
  .transform((q, ctx) => ({ ...q, ...resolveRange(q, ctx) }));

export type MetricsQuery = z.output<typeof metricsQuery>;

/** Whole seconds per point so that [from, to) holds at most `maxPoints` intervals. */
export function stepSeconds(from: Date, to: Date, maxPoints: number): number {
  return Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 1000 / maxPoints));
}
