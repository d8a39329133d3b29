import { ackAlerts } from "@/lib/domain/alerts/ack";
import { writeRoute } from "@/lib/http/route";

export const POST = writeRoute(ackAlerts, ({ body }) => body);
