"use server";

import { currentCtx } from "@/lib/auth/current";
import { addIncidentNote } from "@/lib/domain/incidents/add-note";
import { attempt } from "../attempt";

// Public endpoint: the verb checks the caller's role and parses the input itself.

export async function addNote(input: { id: number; text: string }) {
  return attempt(async () => addIncidentNote(await currentCtx(), input));
}
