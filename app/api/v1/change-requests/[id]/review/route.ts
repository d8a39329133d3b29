import { reviewChangeRequest } from "@/lib/domain/config/change-requests/review";
import { writeRoute } from "@/lib/http/route";

export const POST = writeRoute<{ id: string }, unknown>(reviewChangeRequest, ({ params }) => ({ id: params.id }));
