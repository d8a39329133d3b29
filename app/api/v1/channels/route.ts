import { db } from "@/lib/db/client";
import { listChannels } from "@/lib/domain/channels/list-channels";
import { createChannel } from "@/lib/domain/channels/save-channel";
import { readRoute, writeRoute } from "@/lib/http/route";

export const GET = readRoute("admin", async () => ({ channels: await listChannels(db()) }));

export const POST = writeRoute(createChannel, ({ body }) => body, 201);
