import { db } from "@/lib/db/client";
import { documentPath, parseOrRefuse, versionsQuery } from "@/lib/domain/config/inputs";
import { listVersions } from "@/lib/domain/config/list-versions";
import { publishConfig } from "@/lib/domain/config/publish";
import { readRoute, writeRoute } from "@/lib/http/route";
import { withDocument } from "../with-document";

type Params = { service: string; environment: string };

export const GET = readRoute<Params>("viewer", ({ req, params }) => {
  const { service, environment } = parseOrRefuse(documentPath, params);
  const page = parseOrRefuse(versionsQuery, Object.fromEntries(new URL(req.url).searchParams));
  return listVersions(db(), service, environment, page);
});

// A publish held for approval created no version yet: 202 with the change request.
export const POST = writeRoute(publishConfig, withDocument, (r) => (r.version === undefined ? 202 : 201));
