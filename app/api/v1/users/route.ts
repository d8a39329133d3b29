import { db } from "@/lib/db/client";
import { createUser, listUsers, updateUser } from "@/lib/domain/access/users";
import { readRoute, writeRoute } from "@/lib/http/route";

export const GET = readRoute("admin", async () => ({ users: await listUsers(db()) }));

export const POST = writeRoute(createUser, ({ body }) => body, 201, ({ email, role, password }) => ({ email, role, password }));

export const PATCH = writeRoute(updateUser, ({ body }) => body);
