"use server";

import { currentCtx } from "@/lib/auth/current";
import { ackAlerts } from "@/lib/domain/alerts/ack";
import { resolveAlert } from "@/lib/domain/alerts/resolve";
import { createSilence, expireSilence } from "@/lib/domain/silences/save-silence";
import { attempt } from "../attempt";

// Public endpoints: the verbs check the caller's role and parse the input themselves.

export async function acknowledgeAlerts(input: { ids: number[]; note?: string }) {
  return attempt(async () => ackAlerts(await currentCtx(), input));
}

export async function resolveOne(input: { id: number; note?: string }) {
  return attempt(async () => {
    await resolveAlert(await currentCtx(), input);
    return null;
  });
}

export async function silence(input: { matchers: { label: string; op: string; value: string }[]; endsAt: string; comment: string }) {
  return attempt(async () => {
    await createSilence(await currentCtx(), input);
    return null;
  });
}

export async function expire(input: { id: string }) {
  return attempt(async () => {
    await expireSilence(await currentCtx(), input);
    return null;
  });
}
