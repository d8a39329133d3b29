import { deleteRule, updateRule } from "@/lib/domain/rules/save-rule";
import { writeRoute } from "@/lib/http/route";

export const PUT = writeRoute<{ id: string }, unknown>(updateRule, ({ params, body }) => ({ ...(body as object), id: params.id }));

export const DELETE = writeRoute<{ id: string }, unknown>(deleteRule, ({ params }) => ({ id: params.id }));
