import { controlReadResponse } from "@/lib/http/control-read";
import { serviceReadRoute } from "@/lib/http/route";

export const GET = serviceReadRoute<{ service: string }>(({ req, ctx, params }) => controlReadResponse(ctx, params.service, req));
