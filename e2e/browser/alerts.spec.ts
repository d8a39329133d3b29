import type { APIRequestContext, Page } from "@playwright/test";
import { addServiceToken } from "../support/browser-auth";
import { expect, test, unique } from "../support/console-test";

/** Fires alerts as a service would, through the public intake with a service token. */
async function fire(request: APIRequestContext, token: string, service: string, names: string[]): Promise<void> {
  const res = await request.post("/api/v1/alerts", {
    headers: { authorization: `Bearer ${token}` },
    data: names.map((alertname) => ({ labels: { alertname, service, severity: "warning" }, annotations: { summary: `${alertname} in e2e` }, status: "firing" })),
  });
  expect(res.status()).toBe(202);
}

test("an alert fired by a service appears without reload, and a responder acknowledges two with the keyboard", async ({ page, signInAs }) => {
  const service = unique("alerting");
  const token = await addServiceToken(page.request, unique("alert-token"), service);
  const responder = (await signInAs("responder")).page;
  await openLive(responder, "/alerts");
  await expect(responder.getByRole("heading", { name: "Alerts" })).toBeVisible();
  // Fire only once the filtered list is showing, so the rows the keys move over stay put.
  const filtered = responder.waitForResponse((r) => r.url().includes(`service=${service}`) && r.ok());
  await responder.getByLabel("Service").fill(service);
  await filtered;

  const [first, second] = [unique("DiskFull"), unique("HighLatency")];
  await fire(page.request, token, service, [first, second]);
  const firstRow = responder.getByRole("row", { name: `alert ${first}` });
  const secondRow = responder.getByRole("row", { name: `alert ${second}` });
  await expect(firstRow).toContainText("firing");
  await expect(secondRow).toContainText("firing");

  await responder.getByLabel("Service").blur();
  await responder.keyboard.press("j");
  await responder.keyboard.press("x");
  await responder.keyboard.press("j");
  await responder.keyboard.press("x");
  await expect(responder.getByText("2 selected")).toBeVisible();
  await responder.keyboard.press("a");

  await expect(firstRow).toContainText("acknowledged");
  await expect(secondRow).toContainText("acknowledged");
  await expect(firstRow).toContainText("@example.com");
});

test("a viewer sees the alerts but no acknowledge control, and the API refuses them", async ({ page, signInAs }) => {
  const service = unique("watched");
  const token = await addServiceToken(page.request, unique("alert-token"), service);
  const name = unique("QueueBacklog");
  await fire(page.request, token, service, [name]);

  const viewer = (await signInAs("viewer")).page;
  await openLive(viewer, "/alerts");
  const row = viewer.getByRole("row", { name: `alert ${name}` });
  await expect(row).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await expect(row.getByRole("checkbox")).toHaveCount(0);

  await row.click();
  await expect(viewer.getByRole("complementary", { name: `details of ${name}` })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Ack", exact: true })).toHaveCount(0);

  const list = (await (await viewer.request.get(`/api/v1/alerts?service=${service}`)).json()) as { alerts: { id: number }[] };
  const refused = await viewer.request.post(`/api/v1/alerts/${list.alerts[0]!.id}/ack`, { data: {} });
  expect(refused.status()).toBe(403);
});

test("a responder silences similar alerts after a preview, and expires the silence early", async ({ page, signInAs }) => {
  const service = unique("noisy");
  const token = await addServiceToken(page.request, unique("alert-token"), service);
  const name = unique("FlappingProbe");
  await fire(page.request, token, service, [name]);

  const responder = (await signInAs("responder")).page;
  await openLive(responder, "/alerts");
  const row = responder.getByRole("row", { name: `alert ${name}` });
  await row.click();
  const drawer = responder.getByRole("complementary", { name: `details of ${name}` });
  await expect(drawer.getByText("fired", { exact: true })).toBeVisible();
  await drawer.getByRole("button", { name: "Silence similar" }).click();

  const dialog = responder.getByRole("dialog", { name: "New silence" });
  await expect(dialog.getByLabel("Matcher 1 label")).toHaveValue("alertname");
  await expect(dialog.getByLabel("Matcher 1 value")).toHaveValue(name);
  await expect(dialog.getByRole("region", { name: "Silence preview" })).toContainText("Matches 1 open alert");
  await expect(dialog.getByRole("region", { name: "Silence preview" })).toContainText(name);
  await dialog.getByLabel("Duration").selectOption("1 h");
  await dialog.getByLabel("Comment").fill("e2e: probe is flapping during maintenance");
  await dialog.getByRole("button", { name: "Create silence" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText("silenced");
  await drawer.getByRole("button", { name: "Close" }).click();

  const silence = responder.getByRole("row", { name: new RegExp(`silence .*${name}`) });
  await expect(silence).toContainText("active");
  await silence.getByRole("button", { name: "Expire" }).click();
  await responder.getByRole("dialog", { name: "Expire this silence?" }).getByRole("button", { name: "Expire" }).click();
  await expect(silence).toContainText("expired");
  await expect(row).toContainText("firing");
});

test("a responder acks with a note and resolves from the drawer; both go on the timeline", async ({ page, signInAs }) => {
  const service = unique("drawer");
  const token = await addServiceToken(page.request, unique("alert-token"), service);
  const name = unique("CertExpiring");
  await fire(page.request, token, service, [name]);

  const responder = (await signInAs("responder")).page;
  await openLive(responder, "/alerts");
  const row = responder.getByRole("row", { name: `alert ${name}` });
  await row.focus();
  await responder.keyboard.press("Enter");
  const drawer = responder.getByRole("complementary", { name: `details of ${name}` });
  await expect(drawer.getByText(service, { exact: true })).toBeVisible();

  await drawer.getByLabel("Note (optional)").fill("renewing the certificate now");
  await drawer.getByRole("button", { name: "Ack", exact: true }).click();
  await expect(drawer.getByRole("list", { name: "Timeline" })).toContainText("renewing the certificate now");
  await expect(row).toContainText("acknowledged");

  await drawer.getByRole("button", { name: "Resolve" }).click();
  await expect(drawer.getByRole("list", { name: "Timeline" })).toContainText("resolved");
  await responder.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);
});

test("an open drawer refetches for its own alert's changes, not for every other alert's", async ({ page, signInAs }) => {
  const service = unique("per-alert");
  const token = await addServiceToken(page.request, unique("alert-token"), service);
  const [shown, other] = [unique("Shown"), unique("Other")];
  await fire(page.request, token, service, [shown, other]);
  const { alerts } = (await (await page.request.get(`/api/v1/alerts?service=${service}`)).json()) as { alerts: { id: number; labels: { alertname: string } }[] };
  const idOf = (name: string) => alerts.find((a) => a.labels.alertname === name)!.id;

  const responder = (await signInAs("responder")).page;
  await openLive(responder, `/alerts?alert=${idOf(shown)}`);
  const drawer = responder.getByRole("complementary", { name: `details of ${shown}` });
  await expect(drawer.getByText(service, { exact: true })).toBeVisible();
  const drawerReads: string[] = [];
  responder.on("request", (r) => new URL(r.url()).pathname === `/api/v1/alerts/${idOf(shown)}` && drawerReads.push(r.url()));

  expect((await page.request.post(`/api/v1/alerts/${idOf(other)}/ack`, { data: { note: "the other one" } })).status()).toBe(200);
  // The list shows the other alert acknowledged: the tab has had the event, and let the drawer be.
  await expect(responder.getByRole("row", { name: `alert ${other}` })).toContainText("acknowledged");
  expect(drawerReads).toEqual([]);

  expect((await page.request.post(`/api/v1/alerts/${idOf(shown)}/ack`, { data: { note: "this one" } })).status()).toBe(200);
  await expect(drawer.getByRole("list", { name: "Timeline" })).toContainText("this one");
  expect(drawerReads.length).toBeGreaterThan(0);
});

test("filters by a label and sorts by a column from the keyboard", async ({ page }) => {
  const [service, run] = [unique("sorted"), unique("run")];
  const token = await addServiceToken(page.request, unique("alert-token"), service);
  const res = await page.request.post("/api/v1/alerts", {
    headers: { authorization: `Bearer ${token}` },
    data: [
      { labels: { alertname: "B-Warning", service, run, severity: "warning" } },
      { labels: { alertname: "A-Info", service, run, severity: "info" } },
      { labels: { alertname: "C-Critical", service, run, severity: "critical" } },
      { labels: { alertname: "D-Other", service, run: "elsewhere", severity: "critical" } },
    ],
  });
  expect(res.status()).toBe(202);

  await openLive(page, "/alerts");
  await page.getByLabel("Label", { exact: true }).fill(`run=${run}`);
  await page.getByLabel("Label", { exact: true }).press("Enter");
  await expect(page.getByRole("list", { name: "Label filters" })).toContainText(`run=${run}`);
  const names = page.getByRole("table", { name: "Alerts" }).getByRole("row").filter({ hasText: service });
  await expect(names).toHaveCount(3);

  const severity = page.getByRole("columnheader", { name: "Severity" });
  await expect(severity).toHaveAttribute("aria-sort", "none");
  await severity.getByRole("button").focus();
  await page.keyboard.press("Enter");
  await expect(severity).toHaveAttribute("aria-sort", "ascending");
  await expect(names).toHaveText([/C-Critical/, /B-Warning/, /A-Info/]);
  await page.keyboard.press("Enter");
  await expect(severity).toHaveAttribute("aria-sort", "descending");
  await expect(names).toHaveText([/A-Info/, /B-Warning/, /C-Critical/]);

  const alert = page.getByRole("columnheader", { name: "Alert", exact: true });
  await alert.getByRole("button").click();
  await expect(alert).toHaveAttribute("aria-sort", "ascending");
  await expect(severity).toHaveAttribute("aria-sort", "none");
  await expect(names).toHaveText([/A-Info/, /B-Warning/, /C-Critical/]);

  await page.getByRole("button", { name: `Remove label filter run=${run}` }).click();
  await expect(names).toHaveCount(4);
});

test("a responder creates a silence from scratch, seeing what it matches first", async ({ page, signInAs }) => {
  const service = unique("scratch");
  const token = await addServiceToken(page.request, unique("alert-token"), service);
  const name = unique("Maintenance");
  await fire(page.request, token, service, [name]);

  const responder = (await signInAs("responder")).page;
  await openLive(responder, "/alerts");
  await responder.getByRole("button", { name: "New silence" }).click();
  const dialog = responder.getByRole("dialog", { name: "New silence" });
  const preview = dialog.getByRole("region", { name: "Silence preview" });
  await expect(dialog.getByLabel("Matcher 1 label")).toHaveValue("");
  await expect(preview).toContainText("would match every alert");

  await dialog.getByLabel("Matcher 1 label").fill("service");
  await dialog.getByLabel("Matcher 1 value").fill(service);
  await dialog.getByRole("button", { name: "Add matcher" }).click();
  await dialog.getByLabel("Matcher 2 label").fill("alertname");
  await dialog.getByLabel("Matcher 2 operator").selectOption("=~");
  await dialog.getByLabel("Matcher 2 value").fill("Maint.*");
  await expect(preview).toContainText("Matches 1 open alert");
  await expect(preview).toContainText(name);
  await dialog.getByLabel("Comment").fill("e2e: planned maintenance");
  await dialog.getByRole("button", { name: "Create silence" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(responder.getByRole("row", { name: `alert ${name}` })).toContainText("silenced");
  await expect(responder.getByRole("row", { name: new RegExp(`silence service="${service}", alertname=~"Maint`) })).toContainText("active");
});

test("the sidebar counts firing alerts by severity, live", async ({ page }) => {
  const service = unique("counted");
  const token = await addServiceToken(page.request, unique("alert-token"), service);
  await openLive(page, "/");
  const counts = page.getByRole("navigation", { name: "Console" }).getByText(/^Firing: /);
  const critical = async () => Number(/(\d+) critical/.exec((await counts.textContent()) ?? "")?.[1]);
  const before = await critical();

  const res = await page.request.post("/api/v1/alerts", { headers: { authorization: `Bearer ${token}` }, data: [{ labels: { alertname: unique("Counted"), service, severity: "page" } }] });
  expect(res.status()).toBe(202);
  await expect(counts).toContainText(`${before + 1} critical`);

  const { alerts } = (await (await page.request.get(`/api/v1/alerts?service=${service}`)).json()) as { alerts: { id: number }[] };
  expect((await page.request.post(`/api/v1/alerts/${alerts[0]!.id}/ack`, { data: {} })).status()).toBe(200);
  await expect(counts).toContainText(`${before} critical`);
});

/** Opens a page and waits until its live stream is up, which also means it has hydrated and its keyboard handlers listen. */
async function openLive(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
}
