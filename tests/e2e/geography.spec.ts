import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

test("the home page finds an ICB by name or ODS code", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("table", { name: "All 42 integrated care boards in England" }).getByRole("row")).toHaveCount(43);
  await page.getByLabel("Name or code").fill("QOP");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: "NHS Greater Manchester Integrated Care Board" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("Greater Manchester's page lists its ten places and its PCNs, with a map of places and PCN points", async ({ page, consoleErrors }) => {
  await signInAs(page, "commissioner@example.org");
  await page.goto("/icb/QOP");
  await expect(page).toHaveURL(/\/icb\/E54000057$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("NHS Greater Manchester Integrated Care Board");
  const places = page.getByRole("table", { name: /places$/ });
  await expect(places.getByRole("row")).toHaveCount(11);
  for (const borough of ["Bolton", "Bury", "Manchester", "Oldham", "Rochdale", "Salford", "Stockport", "Tameside", "Trafford", "Wigan"]) {
    await expect(places.getByRole("link", { name: borough, exact: true })).toBeVisible();
  }
  await expect(places.getByRole("row", { name: /Trafford/ })).toContainText("235,044");
  const map = page.getByRole("img", { name: /Map of NHS Greater Manchester Integrated Care Board's places by deprivation/ });
  await expect(map).toBeVisible();
  await expect(map.locator("path")).toHaveCount(12); // ten places, the outline, the clip path
  await expect(map.locator("circle")).toHaveCount(65);
  await expect(page.getByRole("table", { name: /primary care networks$/ }).getByRole("row")).toHaveCount(66);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screenshots/icb-greater-manchester.png", fullPage: true });
  // Sent again from the page cache with this response's nonce: the same page, and its
  // scripts still run (the policy refusing one is a console error, which fails the test).
  expect((await page.reload())?.headers()["x-page-cache"]).toBe("hit");
  await expect(places.getByRole("row")).toHaveCount(11);
  await expect(map.locator("circle")).toHaveCount(65);

  // Sorting works without JavaScript: it is a link that reloads the table.
  await places.getByRole("link", { name: "Residents (Census 2021)" }).click();
  await expect(page).toHaveURL(/places-sort=population/);
  await expect(page.getByRole("table", { name: /places$/ }).getByRole("row").nth(1)).toContainText("Bury");

  await page.getByRole("link", { name: "Trafford", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trafford");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("NHS Greater Manchester Integrated Care Board");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "North Trafford PCN" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("North Trafford PCN");
  await expect(page.getByText("48,331")).toBeVisible();
  await expectNoAxeViolations(page);
  expect(consoleErrors).toEqual([]);
});

test("unknown area codes get the page-not-found page", async ({ page }) => {
  await signInAs(page, "strategist@example.org");
  for (const url of ["/icb/E54999999", "/place/E99999999", "/neighbourhood/U00000"]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }
});

test("a Kent and Medway commissioner defines the ICB's places from its PCNs", async ({ page, browser }) => {
  // The admin creates a commissioner for Kent and Medway.
  await signInAs(page, "admin@example.org");
  await page.goto("/admin/users");
  await page.getByLabel("Name", { exact: true }).fill("Kent Commissioner");
  await page.getByLabel("Email address").fill("kent.commissioner@example.org");
  await page.getByLabel("Role").selectOption("commissioner");
  await page.getByLabel(/ICB code/).fill("E54000032");
  await page.getByLabel("Initial password").fill("kent-and-medway-2026");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("cell", { name: "kent.commissioner@example.org", exact: true })).toBeVisible();

  const context = await browser.newContext();
  const kent = await context.newPage();
  await signInAs(kent, "kent.commissioner@example.org", "kent-and-medway-2026");
  // The page is rendered once, then sent from the page cache while nothing changes.
  expect((await kent.goto("/icb/E54000032"))?.headers()["x-page-cache"]).toBe("miss");
  expect((await kent.reload())?.headers()["x-page-cache"]).toBe("hit");
  await expect(kent.getByRole("table", { name: /places$/ }).getByRole("link", { name: "Medway", exact: true })).toBeVisible();
  await kent.getByRole("link", { name: "Define this ICB's places from its primary care networks" }).click();
  await expectNoAxeViolations(kent);
  const inputs = kent.getByRole("textbox");
  const count = await inputs.count();
  expect(count).toBeGreaterThan(30);
  // Leave one empty: the error summary names it.
  await inputs.first().fill("");
  await kent.getByRole("button", { name: "Save these places" }).click();
  await expect(kent.getByRole("alert")).toContainText("Enter the place this primary care network belongs to");
  await expectNoAxeViolations(kent);
  for (let i = 0; i < count; i++) await inputs.nth(i).fill(i % 2 === 0 ? "East Kent" : "West Kent");
  await kent.getByRole("button", { name: "Save these places" }).click();
  await expect(kent).toHaveURL(/\/icb\/E54000032$/);
  const places = kent.getByRole("table", { name: /places$/ });
  await expect(places.getByRole("row")).toHaveCount(3);
  await expect(places.getByRole("link", { name: "East Kent" })).toBeVisible();
  // Saving changed the data, so the cached page is not sent again: the next load renders the new places.
  expect((await kent.reload())?.headers()["x-page-cache"]).toBe("miss");
  await expect(places.getByRole("row")).toHaveCount(3);
  await expect(places.getByRole("link", { name: "East Kent" })).toBeVisible();
  await expect(places.getByRole("link", { name: "Medway", exact: true })).toHaveCount(0);
  expect((await kent.reload())?.headers()["x-page-cache"]).toBe("hit");
  await expect(places.getByRole("link", { name: "West Kent" })).toBeVisible();
  await kent.getByRole("link", { name: "West Kent" }).click();
  await expect(kent.getByRole("heading", { level: 1 })).toHaveText("West Kent");
  // Going back is a client-side navigation: its loader data was cached when the save redirected here.
  const back = kent.waitForResponse((r) => r.url().includes("/icb/E54000032?_data=routes"));
  await kent.goBack();
  expect((await back).headers()["x-page-cache"]).toBe("hit");
  await expect(places.getByRole("link", { name: "East Kent" })).toBeVisible();
  // Signed out, the cached page is not sent: the sign-in page is.
  await context.clearCookies();
  await kent.goto("/icb/E54000032");
  await expect(kent).toHaveURL(/\/login\?redirectTo=%2Ficb%2FE54000032/);
  await context.close();
  // A Greater Manchester commissioner may not define Kent's places.
  const gmContext = await browser.newContext();
  const gm = await gmContext.newPage();
  await signInAs(gm, "commissioner@example.org");
  expect((await gm.goto("/icb/E54000032/places"))?.status()).toBe(404);
  // Another user is never sent the page cached for Kent's commissioner.
  expect((await gm.goto("/icb/E54000032"))?.headers()["x-page-cache"]).toBe("miss");
  await expect(gm.getByRole("link", { name: "Define this ICB's places from its primary care networks" })).toHaveCount(0);
  await expect(gm.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(gm.getByText("Kent Commissioner")).toHaveCount(0);
  await gmContext.close();
});
