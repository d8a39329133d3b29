import { z } from "zod";
import { matchers } from "../routing/matchers";

const time = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const createSilenceInput = z
  .object({
    matchers: matchers.min(1, "give at least one matcher"),
    startsAt: time.optional(),
    endsAt: time,
    comment: z.string().trim().min(3, "say why, in at least 3 characters").max(1000),
  })
  .refine((s) => s.endsAt.getTime() > Date.now(), { message: "must be in the future", path: ["endsAt"] })
  .refine((s) => !s.startsAt || s.endsAt > s.startsAt, { message: "must be after startsAt", path: ["endsAt"] });

export type CreateSilenceInput = z.output<typeof createSilenceInput>;

export const silenceId = z.uuid();

export const previewSilenceInput = z.object({ matchers });
