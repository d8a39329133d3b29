import { db } from "@/lib/db/client";
import { alertContext } from "@/lib/domain/alerts/alert-context";
import { alertId } from "@/lib/domain/alerts/alert-input";
import { NotFound } from "@/lib/domain/errors";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute<{ id: string }>("viewer", ({ params }) => {
  const id = alertId.safeParse(params.id);
  if (!id.success) throw new NotFound(`The alert ${params.id}`);
  return alertContext(db(), id.data);
});
