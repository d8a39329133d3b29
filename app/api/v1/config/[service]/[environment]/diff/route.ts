import { db } from "@/lib/db/client";
import { diffVersions } from "@/lib/domain/config/diff-versions";
import { diffQuery, documentPath } from "@/lib/domain/config/inputs";
import { parseOrRefuse } from "@/lib/domain/validation";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute(
  "viewer",
  ({ params, query }) => {
    const { service, environment } = parseOrRefuse(documentPath, params);
    return diffVersions(db(), service, environment, query.from, query.to);
  },
  diffQuery,
);
