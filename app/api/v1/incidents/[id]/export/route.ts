import { db } from "@/lib/db/client";
import { NotFound } from "@/lib/domain/errors";
import { exportQuery, incidentId } from "@/lib/domain/incidents/incident-input";
import { incidentRecord } from "@/lib/domain/incidents/incident-record";
import { recordMarkdown } from "@/lib/domain/incidents/record-markdown";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute(
  "viewer",
  async ({ params, query: { format } }) => {
    const id = incidentId.safeParse(params.id);
    if (!id.success) throw new NotFound(`The incident ${params.id}`);
    const record = await incidentRecord(db(), id.data);
    const markdown = format === "markdown";
    return new Response(markdown ? recordMarkdown(record) : JSON.stringify(record, null, 2), {
      headers: {
        "content-type": markdown ? "text/markdown; charset=utf-8" : "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="incident-${id.data}.${markdown ? "md" : "json"}"`,
      },
    });
  },
  exportQuery,
);
