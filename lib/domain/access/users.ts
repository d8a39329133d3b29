import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { Conflict, NotFound } from "../errors";
import { defineMutation } from "../mutation";
import { roles } from "./roles";

const email = z.email().max(254).transform((e) => e.toLowerCase());

export const createUserInput = z.object({ email, role: z.enum(roles), password: z.string().min(12).max(200).optional() });

export const createUser = defineMutation({
  action: "user.create",
  permit: "admin",
  input: createUserInput,
  target: (i) => `user:${i.email}`,
  async run(tx, input) {
    const password = input.password ?? generatePassword();
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, role: input.role, passwordHash: await hashPassword(password) })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!row) throw new Conflict(`A user with the email ${input.email} exists already.`);
    return {
      result: { id: row.id, email: input.email, role: input.role, password },
      audit: { after: { email: input.email, role: input.role } },
      events: [{ topic: "user", id: input.email }],
    };
  },
});

export const updateUserInput = z
  .object({ email, role: z.enum(roles).optional(), disabled: z.boolean().optional() })
  .refine((i) => i.role !== undefined || i.disabled !== undefined, "Give a role or a disabled flag.");

export const updateUser = defineMutation({
  action: "user.update",
  permit: "admin",
  input: updateUserInput,
  target: (i) => `user:${i.email}`,
  async run(tx, input, ctx) {
    const [before] = await tx
      .select({ role: users.role, disabled: users.disabled })
      .from(users)
      .where(eq(users.email, input.email))
      .for("update");
    if (!before) throw new NotFound(`The user ${input.email}`);
    const after = { role: input.role ?? before.role, disabled: input.disabled ?? before.disabled };
    if (ctx.actor.kind === "user" && ctx.actor.email === input.email && (after.role !== "admin" || after.disabled)) {
      throw new Conflict("You cannot lower your own role or disable yourself; ask another admin.");
    }
    await tx.update(users).set({ ...after, updatedAt: sql`now()` }).where(eq(users.email, input.email));
    return { result: { email: input.email, ...after }, audit: { before, after }, events: [{ topic: "user", id: input.email }] };
  },
});

export function listUsers(db: Db) {
  return db
    .select({ id: users.id, email: users.email, role: users.role, disabled: users.disabled, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.email));
}
