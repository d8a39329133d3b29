import { connect } from "@/lib/db/client";
import { createToken, revokeToken } from "@/lib/domain/access/service-tokens";
import { systemCtx } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";

const name = "demo-fleet";

/**
 * A fresh `*`-scoped service token for the fleet. Tokens are stored only as hashes, so the one
 * from the last start cannot be read back: it is revoked and issued anew, both audited.
 */
export async function issueFleetToken(databaseUrl: string): Promise<string> {
  const { db, close } = connect(databaseUrl, 1);
  try {
    await revokeToken(systemCtx(), { name }, db).catch((error: unknown) => {
      if (!(error instanceof NotFound)) throw error;
    });
    const { token } = await createToken(systemCtx(), { name, service: "*" }, db);
    return token;
  } finally {
    await close();
  }
}
