"use server";

import { addIncidentNote } from "@/lib/domain/incidents/add-note";
import { action } from "../attempt";

// Public endpoint: the verb checks the caller's role and parses the input itself.

export const addNote = action(addIncidentNote);
