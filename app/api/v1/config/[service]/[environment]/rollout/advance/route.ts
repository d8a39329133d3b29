import { advanceRollout } from "@/lib/domain/config/rollout/advance";
import { writeRoute } from "@/lib/http/route";
import { withDocument } from "../../with-document";

export const POST = writeRoute(advanceRollout, withDocument);
