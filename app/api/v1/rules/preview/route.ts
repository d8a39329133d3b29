import { db } from "@/lib/db/client";
import { heavyRead } from "@/lib/db/heavy-read";
import { ValidationError } from "@/lib/domain/errors";
import { previewRule, previewRuleInput } from "@/lib/domain/rules/preview";
import { issuesOf } from "@/lib/domain/validation";
import { readJson } from "@/lib/http/body";
import { readRoute } from "@/lib/http/route";

export const POST = readRoute("viewer", async ({ req }) => {
  const parsed = previewRuleInput.safeParse(await readJson(req));
  if (!parsed.success) throw new ValidationError(issuesOf(parsed.error));
  return heavyRead(db(), (tx) => previewRule(tx, parsed.data));
});
