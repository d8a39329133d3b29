import { controlStreamResponse } from "@/lib/http/control-stream";
import { serviceReadRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = serviceReadRoute<{ service: string }>(({ req, ctx, params }) => controlStreamResponse(ctx, params.service, req));
