import { json } from "@/lib/http/respond";
import { publicRoute } from "@/lib/http/route";
import { readiness } from "@/lib/observability/readiness";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async () => {
  const state = await readiness();
  return state.ready ? json({ status: "ready" }) : json({ status: "unavailable", message: `Not ready: ${state.reason}.` }, 503);
});
