import { count } from "drizzle-orm";
import { users } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { systemCtx } from "../context";
import { Conflict } from "../errors";
import { createUser } from "./users";

/** On first start, while no user exists, creates the first admin; returns the password only when it was generated. */
export async function ensureFirstAdmin(
  db: Db,
  admin: { email?: string; password?: string },
): Promise<{ email: string; generatedPassword: string | null } | null> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return null;
  const email = admin.email ?? "admin@breakwater.local";
  const password = admin.email && admin.password ? admin.password : undefined;
  try {
    const created = await createUser(systemCtx(), { email, role: "admin", password }, db);
    return { email: created.email, generatedPassword: password ? null : created.password };
  } catch (error) {
    // Another process starting at the same moment created it first.
    if (error instanceof Conflict) return null;
    throw error;
  }
}
