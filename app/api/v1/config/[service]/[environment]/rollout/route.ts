import { db } from "@/lib/db/client";
import { documentPath } from "@/lib/domain/config/inputs";
import { rolloutView } from "@/lib/domain/config/rollout/view";
import { parseOrRefuse } from "@/lib/domain/validation";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute<{ service: string; environment: string }>("viewer", ({ params }) => {
  const { service, environment } = parseOrRefuse(documentPath, params);
  return rolloutView(db(), service, environment);
});
