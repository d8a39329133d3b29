import { db } from "@/lib/db/client";
import { listRules } from "@/lib/domain/rules/list-rules";
import { createRule } from "@/lib/domain/rules/save-rule";
import { readRoute, writeRoute } from "@/lib/http/route";

export const GET = readRoute("viewer", () => listRules(db()));

export const POST = writeRoute(createRule, ({ body }) => body, 201);
