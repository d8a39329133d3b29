"use server";

import { currentCtx } from "@/lib/auth/current";
import { createSchedule } from "@/lib/domain/schedules/create";
import { deleteSchedule } from "@/lib/domain/schedules/delete";
import { attempt } from "./attempt";

// Public endpoints, shared by the Modes and Config pages: the verbs check the caller's role and parse the input themselves.

export async function scheduleChange(
  input: { kind: "mode_flip"; at: string; service: string; mode: string; reason: string; expiresAt?: string } | { kind: "apply_change_request"; at: string; changeRequestId: number },
) {
  return attempt(async () => (await createSchedule(await currentCtx(), input)).id);
}

export async function cancelSchedule(input: { id: number }) {
  return attempt(async () => {
    await deleteSchedule(await currentCtx(), input);
    return null;
  });
}
