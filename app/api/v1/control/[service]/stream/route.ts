import { currentCtx } from "@/lib/auth/current";
import { controlStreamResponse } from "@/lib/domain/control/stream-response";
import { errorResponse } from "@/lib/http/respond";
import { publicRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// A service token covering the service or an admin; openControlStream checks it.
export const GET = publicRoute<{ service: string }>(async ({ req, params }) => {
  const ctx = await currentCtx();
  try {
    return await controlStreamResponse(ctx, params.service, req);
  } catch (error) {
    return errorResponse(error, ctx.requestId);
  }
});
