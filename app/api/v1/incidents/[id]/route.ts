import { db } from "@/lib/db/client";
import { NotFound } from "@/lib/domain/errors";
import { incidentDetail } from "@/lib/domain/incidents/incident-detail";
import { incidentId } from "@/lib/domain/incidents/incident-input";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute<{ id: string }>("viewer", ({ params }) => {
  const id = incidentId.safeParse(params.id);
  if (!id.success) throw new NotFound(`The incident ${params.id}`);
  return incidentDetail(db(), id.data);
});
