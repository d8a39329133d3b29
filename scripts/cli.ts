/**
 * `npm run cli -- …` for people with a shell on the server:
 *   users create --email E --role R     prints the new user's generated password
 *   tokens create --name N --service S  prints a service token (S may be `*`)
 *   tokens create --name N --user E     prints a personal token acting with E's role
 *   tokens revoke --name N
 */
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { connect } from "@/lib/db/client";
import { localDatabase, migrateConsoleDatabase } from "@/lib/db/local-database";
import { createToken, revokeToken } from "@/lib/domain/access/service-tokens";
import { createUser } from "@/lib/domain/access/users";
import { systemCtx } from "@/lib/domain/context";
import { DomainError, ValidationError } from "@/lib/domain/errors";

const usage = `usage:
  npm run cli -- users create --email E --role viewer|responder|operator|admin
  npm run cli -- tokens create --name N (--service S | --user E)
  npm run cli -- tokens revoke --name N`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, service: { type: "string" }, user: { type: "string" } },
  });
  const command = positionals.join(" ");
  if (!["users create", "tokens create", "tokens revoke"].includes(command)) {
    console.error(usage);
    return 2;
  }
  const local = await localDatabase();
  await migrateConsoleDatabase(local);
  const { db, close } = connect(local.url, 2);
  try {
    const ctx = systemCtx(`cli:${userInfo().username}`);
    if (command === "users create") {
      const user = await createUser(ctx, { email: values.email, role: values.role }, db);
      console.log(`Created ${user.role} ${user.email}\nPassword: ${user.password}`);
    } else if (command === "tokens create") {
      const token = await createToken(ctx, { name: values.name, service: values.service, user: values.user }, db);
      console.log(`Token ${token.name} (shown once):\n${token.token}`);
    } else {
      await revokeToken(ctx, { name: values.name }, db);
      console.log(`Revoked ${values.name}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ValidationError) console.error(error.issues.map((i) => `${i.path || "input"}: ${i.message}`).join("\n"));
    else if (error instanceof DomainError) console.error(error.message);
    else throw error;
    return 1;
  } finally {
    await close();
    await local.release();
  }
}

main().then((code) => process.exit(code));
