import { resolveAlert } from "@/lib/domain/alerts/resolve";
import { writeRoute } from "@/lib/http/route";

export const POST = writeRoute<{ id: string }, unknown>(resolveAlert, ({ params, body }) => ({ ...(body as object), id: params.id }));
