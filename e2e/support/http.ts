/** How a test caller proves who it is: a next-auth session cookie, a bearer token, or nothing. */
export type Credentials = { cookie: string } | { bearer: string } | null;

export interface SendOptions {
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is, for bodies that are not valid JSON or are too large. */
  raw?: BodyInit;
  headers?: Record<string, string>;
}

/** A fetch wrapper for one caller of the console's HTTP API. */
export class Caller {
  constructor(
    readonly baseUrl: string,
    readonly credentials: Credentials,
  ) {}

  send(method: string, path: string, options: SendOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.credentials && "cookie" in this.credentials) headers.cookie = this.credentials.cookie;
    if (this.credentials && "bearer" in this.credentials) headers.authorization = `Bearer ${this.credentials.bearer}`;
    // What a browser sends on a page of the console itself; a test of forgery overrides it.
    else headers.origin ??= new URL(this.baseUrl).origin;
    let body: BodyInit | undefined = options.raw;
    // A raw body may be refused before it is fully sent; its connection must not carry the next request.
    if (body !== undefined) headers.connection = "close";
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers["content-type"] = "application/json";
    }
    // Node's fetch sends a stream only when told it will not wait for the body to finish first.
    const duplex = body instanceof ReadableStream ? { duplex: "half" } : {};
    return fetch(new URL(path, this.baseUrl), { method, headers, body, redirect: "manual", ...duplex });
  }

  get(path: string, options?: SendOptions) {
    return this.send("GET", path, options);
  }

  post(path: string, json?: unknown) {
    return this.send("POST", path, { json });
  }

  patch(path: string, json?: unknown) {
    return this.send("PATCH", path, { json });
  }

  delete(path: string, json?: unknown) {
    return this.send("DELETE", path, { json });
  }
}

export type SignInResult = { ok: true; cookie: string } | { ok: false; error: string };

/**
 * Signs in over HTTP exactly as the next-auth client does: fetch a CSRF token, then post the
 * credentials form to the credentials callback with `json=true`.
 */
export async function signIn(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}): Promise<SignInResult> {
  const csrf = await fetch(new URL("/api/auth/csrf", baseUrl), { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(new URL("/api/auth/callback/credentials", baseUrl), {
    method: "POST",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (session) return { ok: true, cookie: session.split(";")[0]! };
  const { url } = (await res.json()) as { url?: string };
  return { ok: false, error: (url && new URL(url).searchParams.get("error")) || `status ${res.status}` };
}

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
