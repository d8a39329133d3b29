import { addIncidentNote } from "@/lib/domain/incidents/add-note";
import { writeRoute } from "@/lib/http/route";

export const POST = writeRoute<{ id: string }, unknown>(addIncidentNote, ({ params, body }) => ({ ...(body as object), id: params.id }), 201);
