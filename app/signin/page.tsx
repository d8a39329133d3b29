import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signInErrorMessage } from "@/components/shell/sign-in-error";
import { SignInForm } from "@/components/shell/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { currentCtx } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Sign in · Breakwater" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl, error } = await searchParams;
  const next = safeCallbackPath(callbackUrl, "http://console.invalid");
  const { actor } = await currentCtx();
  if (actor.kind === "user") redirect(next);

  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <p className="text-xs font-semibold tracking-wide text-accent-700 uppercase dark:text-accent-400">Breakwater</p>
        <h1 className="mt-1 mb-5 text-lg font-semibold tracking-tight">Sign in</h1>
        <SignInForm next={next} initialError={typeof error === "string" ? signInErrorMessage(error) : null} />
      </div>
    </main>
  );
}
