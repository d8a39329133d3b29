import { abortRollout } from "@/lib/domain/config/rollout/abort";
import { writeRoute } from "@/lib/http/route";
import { withDocument } from "../../with-document";

export const POST = writeRoute(abortRollout, withDocument);
