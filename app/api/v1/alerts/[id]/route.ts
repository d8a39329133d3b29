import { db } from "@/lib/db/client";
import { alertDetail } from "@/lib/domain/alerts/alert-detail";
import { alertId } from "@/lib/domain/alerts/alert-input";
import { NotFound } from "@/lib/domain/errors";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute<{ id: string }>("viewer", ({ params }) => {
  const id = alertId.safeParse(params.id);
  if (!id.success) throw new NotFound(`The alert ${params.id}`);
  return alertDetail(db(), id.data);
});
