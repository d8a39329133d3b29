import { expireSilence } from "@/lib/domain/silences/save-silence";
import { writeRoute } from "@/lib/http/route";

export const DELETE = writeRoute<{ id: string }, unknown>(expireSilence, ({ params }) => ({ id: params.id }));
