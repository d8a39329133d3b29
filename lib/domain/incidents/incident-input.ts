import { z } from "zod";
import { incidentStatuses } from "@/drizzle/schema";

export const incidentId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const incidentQuery = z.object({
  status: z.enum(incidentStatuses).optional(),
  before: z.coerce.number().int().positive().optional().meta({ description: "Only incidents older than this one (the previous page's `nextBefore`)." }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const noteBody = z.object({ text: z.string().trim().min(1, "write the note").max(2000) });
export const addNoteInput = noteBody.extend({ id: incidentId });

export const exportQuery = z.object({ format: z.enum(["markdown", "json"]).default("json") });
