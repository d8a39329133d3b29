import { db } from "@/lib/db/client";
import { documentPath } from "@/lib/domain/config/inputs";
import { documentPolicy } from "@/lib/domain/config/policy/document-policy";
import { setConfigPolicy } from "@/lib/domain/config/policy/set-policy";
import { parseOrRefuse } from "@/lib/domain/validation";
import { readRoute, writeRoute } from "@/lib/http/route";
import { withDocument } from "../with-document";

export const GET = readRoute<{ service: string; environment: string }>("viewer", ({ params }) => {
  const { service, environment } = parseOrRefuse(documentPath, params);
  return documentPolicy(db(), service, environment);
});

export const PUT = writeRoute(setConfigPolicy, withDocument);
