import { db } from "@/lib/db/client";
import { parseOrRefuse } from "@/lib/domain/config/inputs";
import { NotFound } from "@/lib/domain/errors";
import { exportQuery, incidentId } from "@/lib/domain/incidents/incident-input";
import { incidentRecord } from "@/lib/domain/incidents/incident-record";
import { recordMarkdown } from "@/lib/domain/incidents/record-markdown";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute<{ id: string }>("viewer", async ({ req, params }) => {
  const id = incidentId.safeParse(params.id);
  if (!id.success) throw new NotFound(`The incident ${params.id}`);
  const { format } = parseOrRefuse(exportQuery, Object.fromEntries(new URL(req.url).searchParams));
  const record = await incidentRecord(db(), id.data);
  const markdown = format === "markdown";
  return new Response(markdown ? recordMarkdown(record) : JSON.stringify(record, null, 2), {
    headers: {
      "content-type": markdown ? "text/markdown; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="incident-${id.data}.${markdown ? "md" : "json"}"`,
    },
  });
});
