import { z } from "zod";
import { FULL_ROWS_PER_CALL } from "./verify";

export const verifyQuery = z.object({
  full: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true")
    .meta({ description: `\`true\` recomputes every hash from genesis, ${FULL_ROWS_PER_CALL} events per call; otherwise only the events since the last verified checkpoint.` }),
  after: z.coerce.number().int().positive().optional().meta({ description: "With `full`, go on after this event: the `next` of the previous call." }),
});
