import type { APIRequestContext, Page } from "@playwright/test";
import { startHttpReceiver } from "../api/alerts-receivers";
import { addServiceToken } from "../support/browser-auth";
import { browserRun } from "../support/browser-run";
import { expect, test, unique } from "../support/console-test";

let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
test.beforeAll(async () => {
  receiver = await startHttpReceiver();
});
test.afterAll(async () => {
  await receiver?.stop();
});

async function addChannel(request: APIRequestContext, name: string, path: string): Promise<void> {
  const res = await request.post("/api/v1/channels", { data: { name, type: "webhook", config: { url: `${receiver.url}${path}` } } });
  expect(res.status()).toBe(201);
}

/** Puts a route for alerts of `team` first in the tree in force, keeping the routes already there. */
async function routeTeam(request: APIRequestContext, team: string, receiverName: string): Promise<void> {
  const { version, tree } = (await (await request.get("/api/v1/routing")).json()) as { version: number; tree: { routes: unknown[] } };
  const route = { matchers: [{ label: "team", op: "=", value: team }], receiver: receiverName, groupWaitSeconds: 0 };
  const res = await request.put("/api/v1/routing", { data: { tree: { ...tree, routes: [route, ...tree.routes] }, expectedVersion: version } });
  expect(res.status()).toBe(200);
}

async function fire(request: APIRequestContext, labels: Record<string, string>): Promise<void> {
  const token = await addServiceToken(request, unique("routing-token"), labels.service!);
  const res = await request.post("/api/v1/alerts", { headers: { authorization: `Bearer ${token}` }, data: [{ labels, annotations: { summary: "routing e2e" } }] });
  expect(res.status()).toBe(202);
}

test("the delivery log lists each attempt at a receiver that fails, then recovers", async ({ page }) => {
  const [channel, team, name] = [unique("recovering"), unique("team"), unique("DeliveryLogged")];
  await addChannel(page.request, channel, `/${channel}`);
  await routeTeam(page.request, team, channel);
  receiver.failNext(`/${channel}`, 2);
  await fire(page.request, { alertname: name, service: unique("delivering"), team, severity: "warning" });

  await openLive(page, "/alerts");
  await page.getByRole("row", { name: `alert ${name}` }).click();
  const log = page.getByRole("complementary", { name: `details of ${name}` }).getByRole("list", { name: "Delivery log" });
  await expect(log).toContainText(`${channel} (webhook) · trigger · sent`);
  await expect(log.getByRole("listitem").filter({ hasText: /^attempt/ })).toHaveText([/attempt 1: .* failed · 503/, /attempt 2: .* failed · 503/, /attempt 3: .* ok · 202/]);
});

test("an admin edits the routing tree, tests a label set against it, and a stale save is refused", async ({ page }) => {
  const [channel, team] = [unique("edited"), unique("team")];
  await addChannel(page.request, channel, `/${channel}`);
  await routeTeam(page.request, unique("team"), channel);
  await openLive(page, "/routing");
  await page.getByRole("button", { name: "Edit tree" }).click();
  await page.getByRole("tab", { name: "JSON" }).click();
  const editor = page.getByLabel(/Routing tree \(JSON\)/);
  const tree = JSON.parse(await editor.inputValue()) as { routes: unknown[] };
  tree.routes.unshift({ matchers: [{ label: "team", op: "=", value: team }], receiver: channel, continue: true });
  await editor.fill(JSON.stringify(tree, null, 2));
  await page.getByRole("button", { name: /Publish version/ }).click();
  await expect(page.getByRole("region", { name: "Routing tree", exact: true })).toContainText(`team="${team}" → ${channel}`);
  const published = page.getByRole("table", { name: "Routing versions" }).getByRole("row").filter({ hasText: "in force" });
  await expect(published).toContainText(browserRun().admin.email);
  await published.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("region", { name: /^Tree of version \d+$/ })).toContainText(`team="${team}" → ${channel}`);

  const box = page.getByRole("region", { name: "Test a label set" });
  await box.getByLabel("Labels, one name=value a line").fill(`alertname=Probe\nteam=${team}\nseverity=info`);
  await box.getByRole("button", { name: "Test" }).click();
  await expect(box.getByRole("region", { name: "Test result" })).toContainText(`route 0 → ${channel} (webhook)`);

  await page.getByRole("button", { name: "Edit tree" }).click();
  await routeTeam(page.request, unique("team"), channel);
  await expect(page.getByRole("alert").filter({ hasText: "was published" })).toBeVisible();
  await page.getByRole("button", { name: /Publish version/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: /The routing tree is at version \d+, not \d+/ })).toBeVisible();
});

test("an admin adds a route in the form, is told what is missing, sees which alerts it would move, and publishes it", async ({ page }) => {
  const [channel, team, name] = [unique("formed"), unique("team"), unique("Previewed")];
  await addChannel(page.request, channel, `/${channel}`);
  await fire(page.request, { alertname: name, service: unique("previewed"), team, severity: "info" });
  await openLive(page, "/routing");
  await page.getByRole("button", { name: "Edit tree" }).click();
  const form = page.getByRole("group", { name: "Routing tree form" });
  const routes = form.getByRole("list", { name: "Routes" }).locator(":scope > li");
  const before = await routes.count();
  await form.getByRole("button", { name: "Add route", exact: true }).click();
  const route = `route ${before}`;
  await expect(page.getByRole("status").filter({ hasText: /needs? fixing/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /Publish version/ })).toBeDisabled();

  await form.getByLabel(`Label of matcher 1 of ${route}`).fill("team");
  await form.getByLabel(`Value of matcher 1 of ${route}`).fill(team);
  await form.getByLabel(`Receiver of ${route}`, { exact: true }).selectOption(channel);
  await expect(page.getByRole("status").filter({ hasText: /needs? fixing/ })).toHaveCount(0);
  // Routes are tried in order: moved to the top, it takes the team's alerts before any other route.
  for (let i = before; i > 0; i--) await form.getByRole("button", { name: `Move route ${i} up` }).click();

  await page.getByRole("button", { name: "Preview against the last 24 h" }).click();
  await expect(page.getByRole("region", { name: "Routing preview" })).toContainText(new RegExp(`would have sent 1 alert to ${channel} instead of console \\(${name}\\)`));
  await page.getByRole("button", { name: /Publish version/ }).click();
  await expect(page.getByRole("region", { name: "Routing tree", exact: true })).toContainText(`0 team="${team}" → ${channel}`);
});

test("an admin adds a channel, and one failing repeatedly is flagged", async ({ page }) => {
  const [added, failing, team] = [unique("added"), unique("failing"), unique("team")];
  await openLive(page, "/routing");
  await page.getByRole("button", { name: "New channel" }).click();
  const form = page.getByRole("region", { name: "New channel" });
  await form.getByLabel("Name").fill(added);
  await form.getByLabel("Config (JSON)").fill(JSON.stringify({ url: `${receiver.url}/${added}` }));
  await form.getByRole("button", { name: "Add channel" }).click();
  await expect(page.getByRole("row", { name: `channel ${added}` })).toContainText("not used yet");

  await addChannel(page.request, failing, `/${failing}`);
  await routeTeam(page.request, team, failing);
  receiver.failNext(`/${failing}`, 100);
  await fire(page.request, { alertname: unique("NeverDelivered"), service: unique("failing"), team });
  await expect(page.getByRole("row", { name: `channel ${failing}` })).toContainText(/failing: \d+ in a row/);
  await expect(page.getByRole("alert").filter({ hasText: "Failing repeatedly" })).toContainText(failing);
});

test("a viewer reads the tree and tests labels, with no edit control", async ({ signInAs }) => {
  const viewer = (await signInAs("viewer")).page;
  await openLive(viewer, "/routing");
  await expect(viewer.getByRole("region", { name: "Routing tree", exact: true })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Edit tree" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "New channel" })).toHaveCount(0);
  const box = viewer.getByRole("region", { name: "Test a label set" });
  await box.getByRole("button", { name: "Test" }).click();
  await expect(box.getByRole("region", { name: "Test result" })).toContainText("Level critical");
  const res = await viewer.request.put("/api/v1/routing", { data: { tree: { receiver: "console" }, expectedVersion: 0 } });
  expect(res.status()).toBe(403);
});

/** Opens a page and waits until its live stream is up, which also means it has hydrated. */
async function openLive(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
}
