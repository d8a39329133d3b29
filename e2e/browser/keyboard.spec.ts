import { addServiceToken } from "../support/browser-auth";
import { expect, test, unique } from "../support/console-test";

test("an on-call engineer moves around by keyboard: g then a letter, /, ? and the command palette", async ({ page }) => {
  const service = unique("keyed");
  const token = await addServiceToken(page.request, unique("keys"), service);
  const report = { service, instance: `${service}-1`, breakers: [{ name: "keyed-db", state: "open" }] };
  expect((await page.request.post("/api/v1/report", { headers: { authorization: `Bearer ${token}` }, data: report })).status()).toBe(200);

  await page.goto("/");
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  await page.keyboard.press("g");
  await page.keyboard.press("b");
  await expect(page).toHaveURL(/\/breakers$/);
  await page.keyboard.press("g");
  await page.keyboard.press("a");
  await expect(page).toHaveURL(/\/alerts$/);
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search", { exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await page.locator("main").click({ position: { x: 1, y: 1 } });

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Go to Breakers");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Go to" });
  await palette.getByRole("combobox").fill("keyed-d");
  const option = palette.getByRole("option", { name: new RegExp(`${service} / keyed-db`) });
  await expect(option).toContainText("open on 1 of 1");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/breakers/${service}/keyed-db$`));
});

test.describe("in New York", () => {
  test.use({ timezoneId: "America/New_York" });

  test("times switch between local and UTC, and the choice is remembered", async ({ page }) => {
    await page.goto("/audit");
    const switcher = page.getByRole("group", { name: "Times shown in" });
    await switcher.getByRole("button", { name: "UTC" }).click();
    const time = page.locator("main time[title]").first();
    await expect(time).toHaveAttribute("title", /UTC/);
    await switcher.getByRole("button", { name: "Local" }).click();
    await expect(time).toHaveAttribute("title", /E[SD]T|GMT-[45]/);
    await switcher.getByRole("button", { name: "UTC" }).click();
    await page.reload();
    await expect(switcher.getByRole("button", { name: "UTC" })).toHaveAttribute("aria-pressed", "true");
    await expect(time).toHaveAttribute("title", /UTC/);
    await switcher.getByRole("button", { name: "Local" }).click();
  });
});
