import { deleteSchedule } from "@/lib/domain/schedules/delete";
import { writeRoute } from "@/lib/http/route";

export const DELETE = writeRoute<{ id: string }, unknown>(deleteSchedule, ({ params }) => ({ id: params.id }));
