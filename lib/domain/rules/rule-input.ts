import { z } from "zod";
import { ruleAggregations, ruleComparators, ruleSeverities } from "@/drizzle/schema";
import { metricName, tags } from "../metrics/point-input";
import { labelName } from "../routing/matchers";
import { serviceName } from "../services/report-schema";

export const ruleFields = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9][\w.-]*$/, "letters, digits and . _ - only, starting with a letter or digit")
    .meta({ description: "Unique; the `alertname` of the alert it raises." }),
  service: serviceName,
  metric: metricName,
  tags: tags.default({}).meta({ description: "Only series carrying all of these tags." }),
  aggregation: z.enum(ruleAggregations).meta({ description: "avg, max, min of the points in the window; sum of each series' mean; rate: per-second increase of counters, summed; p95 of the points." }),
  windowSeconds: z.number().int().min(10).max(86_400),
  comparator: z.enum(ruleComparators),
  threshold: z.number(),
  forSeconds: z.number().int().min(0).max(86_400).default(0).meta({ description: "How long the condition must hold before the alert fires." }),
  severity: z.enum(ruleSeverities).default("warning"),
  labels: z.record(labelName, z.string().max(200)).default({}),
  annotations: z.record(z.string().max(200), z.string().max(2_000)).default({}),
});

export type RuleFields = z.output<typeof ruleFields>;

export const ruleId = z.object({ id: z.coerce.number().int().positive().meta({ description: "The rule's id." }) });
export const updateRuleInput = ruleFields.extend(ruleId.shape);
