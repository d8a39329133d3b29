import { z } from "zod";
import { db } from "@/lib/db/client";
import { auditCsvStream } from "@/lib/domain/audit/csv";
import { auditFilter, listAudit } from "@/lib/domain/audit/query";
import { readRoute } from "@/lib/http/route";

const query = auditFilter.extend({ format: z.enum(["json", "csv"]).default("json") });

/** JSON is paged (`before` = the last id of the previous page); CSV exports everything the filters match. */
export const GET = readRoute(
  "admin",
  async ({ query: { format, ...filter } }) => {
    if (format === "json") return listAudit(db(), filter);
    return new Response(auditCsvStream(db(), filter), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="breakwater-audit.csv"` },
    });
  },
  query,
);
