"use server";

import { currentCtx } from "@/lib/auth/current";
import { createRule, deleteRule, updateRule } from "@/lib/domain/rules/save-rule";
import { action, attempt } from "../attempt";

// Public endpoints: the verbs check the caller's role and parse the input themselves.

export async function saveRule(input: Record<string, unknown>) {
  return attempt(async () => (input.id === undefined ? createRule(await currentCtx(), input) : updateRule(await currentCtx(), input)));
}

const remove = action(deleteRule);

export async function removeRule(id: number) {
  return remove({ id });
}
