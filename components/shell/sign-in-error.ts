/** The sentence for an error code next-auth hands back from the credentials provider. */
export function signInErrorMessage(code: string): string {
  const limited = /^RateLimited:(\d+)$/.exec(code);
  if (limited) return `Too many sign-in attempts. Try again in ${limited[1]} seconds.`;
  if (code === "CredentialsSignin") return "Wrong email or password.";
  return "Sign-in failed. Try again.";
}
