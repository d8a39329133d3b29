import { db } from "@/lib/db/client";
import { alertDetail } from "@/lib/domain/alerts/alert-detail";
import { alertId } from "@/lib/domain/alerts/alert-input";
import { actorRole } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { readRoute } from "@/lib/http/route";

export const GET = readRoute<{ id: string }>("viewer", ({ params, ctx }) => {
  const id = alertId.safeParse(params.id);
  if (!id.success) throw new NotFound(`The alert ${params.id}`);
  return alertDetail(db(), id.data, { seesResponses: actorRole(ctx.actor) === "admin" });
});
