import { publicRoute } from "@/lib/http/route";
import { exposition } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async () => {
  const { body, contentType } = await exposition();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
