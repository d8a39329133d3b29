import { z } from "zod";

export const DEFAULT_GUARD = { breakerOpenFraction: 0.2, errorRateAbove: 0.1 };

const fraction = z.number().min(0).max(1);

/** The `rollout` of a publish: percentages that grow to 100, how long each lasts, and what halts it. */
export const rolloutPlan = z
  .object({
    steps: z
      .array(z.number().int().min(1).max(100))
      .min(1)
      .max(10)
      .refine((steps) => steps.every((p, i) => i === 0 || p > steps[i - 1]!), "each step must be larger than the one before")
      .refine((steps) => steps.at(-1) === 100, "the last step must be 100")
      .meta({ description: "Percentages of the instances, increasing, ending at 100." }),
    stepSeconds: z.number().int().min(1).max(24 * 3600).meta({ description: "How long each step lasts before the console moves to the next." }),
    guard: z
      .object({
        breakerOpenFraction: fraction.meta({ description: "Halt when the share of breakers open on the new version exceeds the old version's by more than this." }),
        errorRateAbove: fraction.meta({ description: "Halt when the breakers' error rate on the new version exceeds the old version's by more than this." }),
      })
      .default(DEFAULT_GUARD),
  })
  .meta({ description: "Hand the version out step by step, guarded by the breakers of the instances that took it." });

export type RolloutPlan = z.output<typeof rolloutPlan>;
