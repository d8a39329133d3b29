import { eq, sql } from "drizzle-orm";
import { channels } from "@/drizzle/schema";
import { actorName } from "../context";
import { Conflict, NotFound, Unprocessable, ValidationError } from "../errors";
import { defineMutation } from "../mutation";
import { issuesOf } from "../validation";
import { configOf, createChannelInput, updateChannelInput } from "./channel-input";
import { channelView } from "./list-channels";
import { endpointHost, endpointRefusal } from "./outbound-guard";
import { presentConfig, secretsMovingEndpoint, stillMasked, unmask } from "./present-config";

export const createChannel = defineMutation({
  action: "channel.create",
  permit: "admin",
  input: createChannelInput,
  target: (i) => `channel:${i.name}`,
  async run(tx, input, ctx) {
    await refuseEndpoint(input.config);
    const [row] = await tx
      .insert(channels)
      .values({ name: input.name, type: input.type, config: input.config, createdBy: actorName(ctx.actor) })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new Conflict(`A channel named ${input.name} exists already.`);
    const view = channelView(row);
    return { result: view, audit: { after: { name: row.name, type: row.type, config: view.config } }, events: [{ topic: "channel", id: row.name }] };
  },
});

/**
 * Replaces a channel's config; values sent back masked, as they were read, keep the stored
 * secrets, unless the endpoint changes: then they must be typed again (422 naming them).
 */
export const updateChannel = defineMutation({
  action: "channel.update",
  permit: "admin",
  input: updateChannelInput,
  target: (i) => `channel:${i.name}`,
  async run(tx, input) {
    const [prior] = await tx.select().from(channels).where(eq(channels.name, input.name)).for("update");
    if (!prior) throw new NotFound(`The channel ${input.name}`);
    const { config, kept } = unmask(prior.type, input.config, prior.config);
    const guessed = stillMasked(config, kept);
    if (guessed.length > 0) throw new ValidationError(guessed.map((key) => ({ path: `config.${key}`, message: "Send a masked value back as it was read, or type the value." })));
    const parsed = configOf[prior.type].safeParse(config);
    if (!parsed.success) throw new ValidationError(issuesOf(parsed.error).map((i) => ({ ...i, path: `config.${i.path}` })));
    const moving = secretsMovingEndpoint(kept, parsed.data, prior.config);
    if (moving.length > 0) {
      throw new Unprocessable(
        `The endpoint changed: type ${moving.join(", ")} again, so a stored secret is never sent to another server.`,
        moving.map((key) => ({ path: `config.${key}`, message: "The endpoint changed: type this secret again." })),
      );
    }
    await refuseEndpoint(parsed.data);
    const [row] = await tx
      .update(channels)
      .set({ config: parsed.data, updatedAt: sql`now()` })
      .where(eq(channels.id, prior.id))
      .returning();
    const view = channelView(row!);
    return {
      result: view,
      audit: { before: { config: presentConfig(prior.type, prior.config) }, after: { config: view.config } },
      events: [{ topic: "channel", id: row!.name }],
    };
  },
});

/** A channel pointing where the console may never send (metadata, link-local, private unless allowed) is not saved. */
async function refuseEndpoint(config: Record<string, unknown>): Promise<void> {
  const host = endpointHost(config);
  const refused = host === null ? null : await endpointRefusal(host);
  if (refused) throw new Unprocessable(`The channel may not send there: ${refused}.`, [{ path: "config", message: refused }]);
}
