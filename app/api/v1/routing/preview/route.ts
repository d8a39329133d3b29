import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/domain/errors";
import { previewRouting, previewRoutingInput } from "@/lib/domain/routing/preview-routing";
import { issuesOf } from "@/lib/domain/validation";
import { readJson } from "@/lib/http/body";
import { readRoute } from "@/lib/http/route";

export const POST = readRoute("viewer", async ({ req }) => {
  const parsed = previewRoutingInput.safeParse(await readJson(req));
  if (!parsed.success) throw new ValidationError(issuesOf(parsed.error));
  return previewRouting(db(), parsed.data);
});
