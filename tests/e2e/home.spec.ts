import { expect, expectNoAxeViolations, test } from "./fixtures";

test("the home page is an NHS-styled page that passes axe", async ({ page, consoleErrors }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Health justice commissioning" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Health justice commissioning");
  await expect(page.getByRole("contentinfo")).toContainText("Open Government Licence");
  // The NHS.UK stylesheet is applied: the header takes the NHS blue.
  const headerColour = await page.locator("header.nhsuk-header").evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(headerColour).toBe("rgb(0, 94, 184)");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screenshots/home.png", fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test("an unknown address shows the NHS page-not-found page with status 404", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the health check reports the driver and a reachable database", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(body.database.reachable).toBe(true);
  expect(body.driver).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
  // The page cache's size and answers, with the default budget of 64 MB.
  expect(body.pageCache).toMatchObject({ maxBytes: 64 * 1024 * 1024 });
  for (const figure of ["pages", "bytes", "hits", "misses"]) expect(Number.isInteger(body.pageCache[figure]), figure).toBe(true);
});

test("a cross-site form post is refused", async ({ request }) => {
  const response = await request.post("/healthz", { headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" } });
  expect(response.status()).toBe(403);
});
