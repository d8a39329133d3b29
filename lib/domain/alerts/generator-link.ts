/**
 * The generator URL as a link target, or null when it must stay text: only http(s) and paths of
 * this console, since `javascript:` or `data:` from a sender would run in a viewer's session.
 */
export function generatorLink(url: string | null): string | null {
  if (!url) return null;
  if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return url;
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}
