import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { rolloutStatuses } from "@/drizzle/schema/config-rollouts";
import { documentPath } from "@/lib/domain/config/inputs";
import { rolloutActionBody } from "@/lib/domain/config/rollout/verb-inputs";
import { abortRollout } from "@/lib/domain/config/rollout/abort";
import { advanceRollout } from "@/lib/domain/config/rollout/advance";
import { pauseRollout } from "@/lib/domain/config/rollout/pause";
import { operation } from "./operation";

type RolloutVerb = typeof advanceRollout | typeof pauseRollout | typeof abortRollout;

// The rollout endpoints of a config document, described loosely like the other config answers.

const time = z.iso.datetime({ offset: true });
const side = z.looseObject({ instances: z.number().int(), breakers: z.number().int(), open: z.number().int(), openFraction: z.number().nullable(), errorRate: z.number().nullable() });
const readings = z.looseObject({ since: time, newVersion: side, oldVersion: side, openExcess: z.number().nullable(), errorExcess: z.number().nullable(), tripped: z.array(z.string()) });
const rollout = z
  .looseObject({
    version: z.number().int(),
    fromVersion: z.number().int(),
    steps: z.array(z.number().int()),
    step: z.number().int(),
    percent: z.number().int(),
    status: z.enum(rolloutStatuses),
    nextStepAt: time.nullable(),
    instances: z.object({ live: z.number().int(), covered: z.number().int(), onNewVersion: z.number().int(), onOldVersion: z.number().int() }),
    readings: readings.nullable(),
  })
  .meta({ id: "ConfigRollout" });
const moved = z.looseObject({ version: z.number().int() });

const action = (verb: RolloutVerb, summary: string, answer: string) => ({
  post: operation({
    summary,
    tags: ["config"],
    verb,
    path: documentPath,
    body: rolloutActionBody,
    errors: [409],
    answers: { 200: { description: answer, schema: moved } },
  }),
});

export const configRolloutPaths: ZodOpenApiPathsObject = {
  "/api/v1/config/{service}/{environment}/rollout": {
    get: operation({
      summary: "The document's latest rollout: its step, the live instances on each version, and the guard's readings",
      tags: ["config"],
      permit: "viewer",
      path: documentPath,
      answers: { 200: { description: "`rollout` is null when the document never had one.", schema: z.object({ rollout: rollout.nullable() }) } },
    }),
  },
  "/api/v1/config/{service}/{environment}/rollout/advance": action(advanceRollout, "Move the running or paused rollout to its next step now; past the last one it completes", "The rollout's new step; 409 when none runs."),
  "/api/v1/config/{service}/{environment}/rollout/pause": action(pauseRollout, "Hold the rollout at its step: no step follows until an advance, and the guard keeps watching", "The paused step; 409 when none runs or it is paused already."),
  "/api/v1/config/{service}/{environment}/rollout/abort": action(abortRollout, "Abandon the rollout: the document goes back to the version it started from, for every instance", "The version the rollback appended; 409 when none runs."),
};
