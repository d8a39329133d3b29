import { updateChannel } from "@/lib/domain/channels/save-channel";
import { writeRoute } from "@/lib/http/route";

export const PUT = writeRoute<{ name: string }, unknown>(updateChannel, ({ params, body }) => ({ ...(body as object), name: params.name }));
