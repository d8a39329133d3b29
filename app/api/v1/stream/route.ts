import { readRoute } from "@/lib/http/route";
import { eventStreamResponse } from "@/lib/live/event-stream";

export const dynamic = "force-dynamic";

export const GET = readRoute("viewer", async ({ req, ctx }) =>
  eventStreamResponse(req.signal, ctx.actor.kind === "user" ? { userId: ctx.actor.id, tokenId: ctx.actor.token?.id ?? null } : null),
);
