import { defineMutation } from "../../mutation";
import { configPolicies } from "@/drizzle/schema";
import { actorName } from "../../context";
import { documentTarget } from "../inputs";
import { lockDocument } from "../lock-document";
import { policyInput } from "./inputs";
import { readPolicy } from "./read-policy";

/** Sets how a document may change. Requests already waiting keep the approvals they were made under. */
export const setConfigPolicy = defineMutation({
  action: "config.policy",
  permit: "admin",
  input: policyInput,
  target: documentTarget,
  async run(tx, input, ctx) {
    await lockDocument(tx, input.service, input.environment);
    const before = await readPolicy(tx, input.service, input.environment);
    const next = { approvals: input.approvals, freezeWhileCritical: input.freezeWhileCritical, updatedBy: actorName(ctx.actor), updatedAt: new Date() };
    await tx
      .insert(configPolicies)
      .values({ service: input.service, environment: input.environment, ...next })
      .onConflictDoUpdate({ target: [configPolicies.service, configPolicies.environment], set: next });
    const after = { approvals: input.approvals, freezeWhileCritical: input.freezeWhileCritical };
    return {
      result: { ...after, updatedBy: next.updatedBy, updatedAt: next.updatedAt.toISOString() },
      audit: { before: { approvals: before.approvals, freezeWhileCritical: before.freezeWhileCritical }, after },
      events: [{ topic: "config", id: `${input.service}/${input.environment}` }],
    };
  },
});
