import { NextResponse, type NextRequest } from "next/server";

// next-auth v4 names its JWT cookie by whether the site runs on https, and splits a large one into `.0`, `.1`, ….
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Sends a browser without a session cookie to sign-in, and nothing more. It never grants access:
 * every page, action and route checks the caller on the server, because a proxy can be skipped
 * (CVE-2025-29927 bypassed Next.js middleware with one header).
 */
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((c) => name === c || name.startsWith(`${c}.`)));
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Pages only: the API answers 401 itself, and static files and the sign-in page need no session.
  matcher: ["/((?!api/|_next/|signin|favicon\\.ico|.*\\.[A-Za-z0-9]+$).*)"],
};
