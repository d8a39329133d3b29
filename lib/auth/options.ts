import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { signIn } from "@/lib/domain/access/sign-in";
import { RateLimited } from "@/lib/domain/errors";
import { authSecret } from "@/lib/env";
import { safeCallbackPath } from "./callback-url";
import { requestMeta } from "./request-meta";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

let options: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  options ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      Credentials({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const meta = requestMeta(new Headers(req.headers as Record<string, string>));
          try {
            const actor = await signIn(db(), { actor: { kind: "anonymous" }, ...meta }, credentials);
            return actor && { id: actor.id, email: actor.email };
          } catch (error) {
            // next-auth passes a thrown message to the sign-in page as `error`.
            if (error instanceof RateLimited) throw new Error(`RateLimited:${error.retryAfterSeconds}`);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      // Only this site's own paths: next-auth's default lets `/%09/evil.com`-style URLs through to the browser.
      redirect({ url, baseUrl }) {
        return new URL(safeCallbackPath(url, baseUrl), baseUrl).href;
      },
      jwt({ token, user }) {
        if (user) token.uid = user.id;
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid };
      },
    },
  };
  return options;
}
