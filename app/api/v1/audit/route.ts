import { z } from "zod";
import { db } from "@/lib/db/client";
import { auditCsvStream } from "@/lib/domain/audit/csv";
import { auditFilter, listAudit } from "@/lib/domain/audit/query";
import { ValidationError } from "@/lib/domain/errors";
import { issuesOf } from "@/lib/domain/validation";
import { readRoute } from "@/lib/http/route";

const query = auditFilter.extend({ format: z.enum(["json", "csv"]).default("json") });

/** JSON is paged (`before` = the last id of the previous page); CSV exports everything the filters match. */
export const GET = readRoute("admin", async ({ req }) => {
  const parsed = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) throw new ValidationError(issuesOf(parsed.error));
  const { format, ...filter } = parsed.data;
  if (format === "json") return listAudit(db(), filter);
  return new Response(auditCsvStream(db(), filter), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="breakwater-audit.csv"` },
  });
});
