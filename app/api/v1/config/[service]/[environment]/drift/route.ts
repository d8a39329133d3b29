import { db } from "@/lib/db/client";
import { configDrift } from "@/lib/domain/config/drift";
import { documentPath } from "@/lib/domain/config/inputs";
import { parseOrRefuse } from "@/lib/domain/validation";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute<{ service: string; environment: string }>("viewer", ({ params }) => {
  const { service, environment } = parseOrRefuse(documentPath, params);
  return configDrift(db(), service, environment);
});
