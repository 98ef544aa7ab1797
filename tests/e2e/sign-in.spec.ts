import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

const PASSWORD = "demo-password";

test("a wrong password shows the NHS error summary and does not say whether the account exists", async ({ page }) => {
  await page.goto("/login");
  await expectNoAxeViolations(page);
  await page.getByLabel("Email address").fill("commissioner@example.org");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: "Enter a correct email address and password" })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: Sign in/);
  await expectNoAxeViolations(page);

  await page.getByLabel("Email address").fill("nobody-at-all@example.org");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter a correct email address and password");
});

test("an empty form gets an error for each field, linked to it", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link", { name: "Enter your email address" })).toHaveAttribute("href", /#/);
  await expect(summary.getByRole("link", { name: "Enter your password" })).toBeVisible();
});

for (const [email, label, nav] of [
  ["admin@example.org", "Administrator", "Users"],
  ["commissioner@example.org", "ICB commissioner", "Audit trail"],
  ["strategist@example.org", "Integrated care partnership strategist", "Your ICB"],
  ["vcse@example.org", "Greater Manchester Health Justice Advice (demo)", "Your account"],
] as const) {
  test(`${email} signs in, sees their menu, and signs out`, async ({ page, consoleErrors }) => {
    await page.goto("/login");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("navigation", { name: "Account" })).toContainText(label);
    await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: nav })).toBeVisible();
    if (email !== "admin@example.org") await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Users" })).toHaveCount(0);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/);
    expect(consoleErrors).toEqual([]);
  });
}

test("signing in from a protected page returns to it, and the account page signs out everywhere", async ({ page, browser }) => {
  await page.goto("/account");
  await page.getByLabel("Email address").fill("commissioner@example.org");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A second session in another browser context.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/login");
  await otherPage.getByLabel("Email address").fill("commissioner@example.org");
  await otherPage.getByLabel("Password").fill(PASSWORD);
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  await expect(otherPage.getByRole("navigation", { name: "Account" })).toContainText("Demo Commissioner");

  await page.getByRole("button", { name: "Sign out of all sessions" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/login\?redirectTo/);
  await other.close();
});

test("the session cookie is httpOnly and SameSite=Lax", async ({ page, context }) => {
  await page.goto("/login");
  await page.getByLabel("Email address").fill("strategist@example.org");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Demo Strategist");
  const cookie = (await context.cookies()).find((c) => c.name === "__hjp_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("admin pages are screenshotted and pass axe", async ({ page }) => {
  await signInAs(page, "admin@example.org");
  for (const [path, name, heading] of [["/admin/users", "users", "Users"], ["/admin/organisations", "organisations", "Organisations"], ["/audit", "audit", "Audit trail"]] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `test-results/screenshots/admin-${name}.png`, fullPage: true });
  }
  // Creating a user with a bad email shows the error summary.
  await page.goto("/admin/users");
  await page.getByLabel("Name", { exact: true }).fill("Test Person");
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter an email address in the correct format");
  await expectNoAxeViolations(page);
});
