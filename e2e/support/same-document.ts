import type { Page } from "@playwright/test";

/**
 * Marks the page's document so `stillSameDocument` can tell a live update from a reload. Counting
 * `framenavigated` would not do: Next.js updates history by itself when it hydrates.
 */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { __breakwaterMark: true }));
}

export async function stillSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __breakwaterMark?: boolean }).__breakwaterMark === true);
}
