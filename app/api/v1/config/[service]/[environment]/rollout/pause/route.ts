import { pauseRollout } from "@/lib/domain/config/rollout/pause";
import { writeRoute } from "@/lib/http/route";
import { withDocument } from "../../with-document";

export const POST = writeRoute(pauseRollout, withDocument);
