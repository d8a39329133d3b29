import { currentCtx } from "@/lib/auth/current";
import { controlReadResponse } from "@/lib/http/control-read";
import { publicRoute } from "@/lib/http/route";

// Readable by any signed-in person and by service tokens covering the service, which no single
// role of readRoute expresses; readControl checks it.
export const GET = publicRoute<{ service: string }>(async ({ req, params }) => controlReadResponse(await currentCtx(), params.service, req));
