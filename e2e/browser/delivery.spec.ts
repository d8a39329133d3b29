import { addServiceToken } from "../support/browser-auth";
import { expect, test, unique } from "../support/console-test";

test("the Modes and Config pages show how far the last change reached, naming the instance it has not", async ({ page, sdkInstance }) => {
  const service = unique("delivery");
  const token = await addServiceToken(page.request, unique("delivery-token"), service);
  const silent = `${service}-silent`;
  const once = await page.request.post("/api/v1/report", { headers: { authorization: `Bearer ${token}` }, data: { service, instance: silent, controlRevision: 0 } });
  expect(once.status()).toBe(200);
  const instances = [sdkInstance(service, token), sdkInstance(service, token)];
  await Promise.all(instances.map((i) => i.report()));

  const flip = await page.request.put(`/api/v1/services/${service}/mode`, { data: { mode: "local_queue", reason: "e2e: delivery proof" } });
  expect(flip.status()).toBe(200);
  await page.goto("/modes");
  const section = page.getByRole("region", { name: `modes ${service}` });
  await expect(section.getByTestId("delivery")).toContainText(/reached 2 of 3 instances, the last after \d+ ms; not yet: /);
  await expect(section.getByTestId("delivery")).toContainText(silent);

  const published = await page.request.post(`/api/v1/config/${service}/production/versions`, { data: { body: { limit: 3 }, message: "e2e: delivery", expectedVersion: 0 } });
  expect(published.status()).toBe(201);
  await page.goto(`/config?service=${service}&environment=production`);
  await expect(page.getByTestId("delivery")).toContainText(/v1 reached 2 of 3 instances, the last after \d+ ms; not yet: /);
  await expect(page.getByTestId("delivery")).toContainText(silent);
});
