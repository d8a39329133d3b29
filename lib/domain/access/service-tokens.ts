import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { tokens, users } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { generateToken, tokenHash } from "@/lib/auth/tokens";
import { actorName } from "../context";
import { Conflict, NotFound } from "../errors";
import { defineMutation } from "../mutation";

const name = z.string().trim().min(1).max(100).regex(/^[\w.:@-]+$/, "letters, digits and . _ : @ - only");

export const createTokenInput = z
  .object({ name, service: z.string().trim().min(1).max(100).optional(), user: z.email().transform((e) => e.toLowerCase()).optional() })
  .refine((i) => (i.service === undefined) !== (i.user === undefined), "Give either a service or a user.");

export const revokeTokenInput = z.object({ name });

export const createToken = defineMutation({
  action: "token.create",
  permit: "admin",
  input: createTokenInput,
  target: (i) => `token:${i.name}`,
  async run(tx, input, ctx) {
    let userId: string | null = null;
    if (input.user) {
      const [owner] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.user));
      if (!owner) throw new NotFound(`The user ${input.user}`);
      userId = owner.id;
    }
    const token = generateToken();
    const [row] = await tx
      .insert(tokens)
      .values({
        name: input.name,
        kind: input.user ? "personal" : "service",
        service: input.service ?? null,
        userId,
        hash: tokenHash(token),
        createdBy: actorName(ctx.actor),
      })
      .onConflictDoNothing()
      .returning({ id: tokens.id });
    if (!row) throw new Conflict(`A token named ${input.name} exists already.`);
    const shape = { name: input.name, service: input.service ?? null, user: input.user ?? null };
    return { result: { ...shape, token }, audit: { after: shape }, events: [{ topic: "token", id: input.name }] };
  },
});

export const revokeToken = defineMutation({
  action: "token.revoke",
  permit: "admin",
  input: revokeTokenInput,
  target: (i) => `token:${i.name}`,
  async run(tx, input) {
    const [row] = await tx
      .delete(tokens)
      .where(eq(tokens.name, input.name))
      .returning({ name: tokens.name, kind: tokens.kind, service: tokens.service });
    if (!row) throw new NotFound(`The token ${input.name}`);
    return { result: { name: row.name }, audit: { before: row }, events: [{ topic: "token", id: row.name }] };
  },
});

export function listTokens(db: Db) {
  return db
    .select({
      name: tokens.name,
      kind: tokens.kind,
      service: tokens.service,
      user: users.email,
      createdBy: tokens.createdBy,
      createdAt: tokens.createdAt,
      lastUsedAt: tokens.lastUsedAt,
    })
    .from(tokens)
    .leftJoin(users, eq(users.id, tokens.userId))
    .orderBy(asc(tokens.name));
}
