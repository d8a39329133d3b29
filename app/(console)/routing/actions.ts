"use server";

import { currentCtx } from "@/lib/auth/current";
import { createChannel, updateChannel } from "@/lib/domain/channels/save-channel";
import { publishRouting } from "@/lib/domain/routing/publish-routing";
import { attempt } from "../attempt";

// Public endpoints: the verbs check the caller's role and parse the input themselves.

export async function publishTree(input: { tree: unknown; expectedVersion: number }) {
  return attempt(async () => (await publishRouting(await currentCtx(), input)).version);
}

export async function addChannel(input: { name: string; type: string; config: Record<string, unknown> }) {
  return attempt(async () => {
    await createChannel(await currentCtx(), input);
    return null;
  });
}

export async function editChannel(input: { name: string; config: Record<string, unknown> }) {
  return attempt(async () => {
    await updateChannel(await currentCtx(), input);
    return null;
  });
}
