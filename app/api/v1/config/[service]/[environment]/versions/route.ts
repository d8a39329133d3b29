import { db } from "@/lib/db/client";
import { documentPath, versionsQuery } from "@/lib/domain/config/inputs";
import { listVersions } from "@/lib/domain/config/list-versions";
import { publishConfig } from "@/lib/domain/config/publish";
import { parseOrRefuse } from "@/lib/domain/validation";
import { readRoute, writeRoute } from "@/lib/http/route";
import { withDocument } from "../with-document";

export const GET = readRoute(
  "viewer",
  ({ params, query }) => {
    const { service, environment } = parseOrRefuse(documentPath, params);
    return listVersions(db(), service, environment, query);
  },
  versionsQuery,
);

// A publish held for approval created no version yet: 202 with the change request.
export const POST = writeRoute(publishConfig, withDocument, (r) => (r.version === undefined ? 202 : 201));
