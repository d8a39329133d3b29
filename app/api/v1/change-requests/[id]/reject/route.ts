import { rejectChangeRequest } from "@/lib/domain/config/change-requests/reject";
import { writeRoute } from "@/lib/http/route";

export const POST = writeRoute<{ id: string }, unknown>(rejectChangeRequest, ({ params, body }) => ({ ...(body as object), id: params.id }));
