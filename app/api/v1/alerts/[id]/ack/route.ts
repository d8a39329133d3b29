import { ackAlert } from "@/lib/domain/alerts/ack";
import { writeRoute } from "@/lib/http/route";

export const POST = writeRoute<{ id: string }, unknown>(ackAlert, ({ params, body }) => ({ ...(body as object), id: params.id }));
