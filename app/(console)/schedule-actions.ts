"use server";

import { createSchedule } from "@/lib/domain/schedules/create";
import { deleteSchedule } from "@/lib/domain/schedules/delete";
import { action } from "./attempt";

// Public endpoints, shared by the Modes and Config pages: the verbs check the caller's role and parse the input themselves.

export const scheduleChange = action(createSchedule, (schedule) => schedule.id);

export const cancelSchedule = action(deleteSchedule);
