import { inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { channels, routingVersions } from "@/drizzle/schema";
import type { LiveEvent } from "@/lib/live/events";
import { actorName } from "../context";
import { Conflict, Unprocessable } from "../errors";
import { defineMutation } from "../mutation";
import { currentRouting } from "./current-routing";
import { CONSOLE, receiversOf, routingTree } from "./tree";

/** The routing tree and the channels decide where alerts go, so their changes are announced on the alert topic. */
export const ROUTING_CHANGED: LiveEvent = { topic: "routing", id: "tree" };

export const publishRoutingInput = z.object({ tree: routingTree, expectedVersion: z.number().int().nonnegative() });

/** A new version of the routing tree; every receiver it names must be a channel (or the console). */
export const publishRouting = defineMutation({
  action: "routing.update",
  permit: "admin",
  input: publishRoutingInput,
  target: () => "routing",
  async run(tx, input, ctx) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('breakwater.routing'))`);
    const before = await currentRouting(tx);
    if (before.version !== input.expectedVersion) {
      throw new Conflict(`The routing tree is at version ${before.version}, not ${input.expectedVersion}.`, { currentVersion: before.version });
    }
    const named = receiversOf(input.tree).filter((r) => r.receiver !== CONSOLE);
    const known = new Set(
      named.length === 0
        ? []
        : (await tx.select({ name: channels.name }).from(channels).where(inArray(channels.name, [...new Set(named.map((r) => r.receiver))]))).map((c) => c.name),
    );
    const unknown = named.filter((r) => !known.has(r.receiver));
    if (unknown.length > 0) {
      throw new Unprocessable(
        `Unknown channel ${[...new Set(unknown.map((r) => r.receiver))].join(", ")}.`,
        unknown.map((r) => ({ path: `tree.${r.path}`, message: `no channel is named ${r.receiver}` })),
      );
    }
    const version = before.version + 1;
    await tx.insert(routingVersions).values({ version, tree: input.tree, createdBy: actorName(ctx.actor) });
    return {
      result: { version, tree: input.tree },
      audit: { before: { version: before.version, tree: before.tree }, after: { version, tree: input.tree } },
      events: [ROUTING_CHANGED],
    };
  },
});
