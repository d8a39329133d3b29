import { editChangeRequest } from "@/lib/domain/config/change-requests/edit";
import { writeRoute } from "@/lib/http/route";

export const PATCH = writeRoute<{ id: string }, unknown>(editChangeRequest, ({ params, body }) => ({ ...(body as object), id: params.id }));
