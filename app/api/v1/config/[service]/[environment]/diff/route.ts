import { db } from "@/lib/db/client";
import { diffVersions } from "@/lib/domain/config/diff-versions";
import { diffQuery, documentPath, parseOrRefuse } from "@/lib/domain/config/inputs";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute<{ service: string; environment: string }>("viewer", ({ req, params }) => {
  const { service, environment } = parseOrRefuse(documentPath, params);
  const { from, to } = parseOrRefuse(diffQuery, Object.fromEntries(new URL(req.url).searchParams));
  return diffVersions(db(), service, environment, from, to);
});
