import fs from "node:fs";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

/**
 * Partnership agreements as a new user meets them on the demo: the commissioner creates
 * an agreement with two KPIs and a document, makes it active, varies it and reads the
 * version history (and a stale edit is refused with their input kept); the demo VCSE
 * user sees it and comments; another organisation's user gets 404. Every page is
 * checked with axe.
 */

const TITLE = `Neighbourhood advice pilot ${Date.now()}`;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
let agreementPath = "";

async function screenshot(page: Page, name: string) {
  fs.mkdirSync("test-results/screenshots", { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/agreements-${name}.png`, fullPage: true });
}

test.describe.serial("partnership agreements", () => {
  // Long journeys on a shared two-core machine.
  test.describe.configure({ timeout: 240_000 });

  test("a commissioner creates an agreement with two KPIs and a document, makes it active, varies it and sees the versions", async ({ page }) => {
    // Refused submissions answer 400 by design (the form comes back with its errors); anything else logged is a failure.
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && !/status of 400/.test(m.text())) errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await signInAs(page, "commissioner@example.org");
    await expect(page.getByRole("heading", { name: "Needs your attention" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Hospital discharge advice contract (synthetic)" }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Agreements", exact: true }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Partnership agreements" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Primary care health justice partnership (synthetic)" })).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, "register");

    await page.getByRole("link", { name: "Create an agreement" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New partnership agreement" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Create draft agreement" }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("There is a problem");
    await expect(summary.getByRole("link", { name: "Enter a title for the agreement" })).toHaveAttribute("href", "#agreement-title");
    await expectNoAxeViolations(page);

    await page.getByLabel("Title").fill(TITLE);
    await page.getByLabel("Type of agreement").selectOption({ label: "Grant" });
    await page.getByLabel("Purpose").fill("Advice sessions in two neighbourhoods with the highest need.");
    const party = page.getByRole("group", { name: "VCSE organisation 1" });
    await party.getByLabel("Organisation").selectOption({ label: "Greater Manchester Health Justice Advice (demo)" });
    await party.getByLabel("Lead's name").fill("Sam Advice");
    await page.getByRole("group", { name: "HJP services covered" }).getByRole("checkbox").first().check();
    await page.getByLabel("Value in pounds").fill("50000");
    await page.getByLabel("Payment schedule").selectOption("quarterly-arrears");
    await page.getByLabel("Start date").fill("2025-04-01");
    await page.getByLabel("End date", { exact: true }).fill("2026-03-31");
    const kpi1 = page.getByRole("group", { name: "KPI 1 (optional)" });
    await kpi1.getByLabel("Measure").selectOption("clients-advised");
    await kpi1.getByLabel("Target each quarter").fill("40");
    const kpi2 = page.getByRole("group", { name: "KPI 2 (optional)" });
    await kpi2.getByLabel("Measure").selectOption("core20-share");
    await kpi2.getByLabel("Target each quarter").fill("45");
    await kpi2.getByLabel("Different targets for particular quarters (optional)").fill("2025-26 Q4: 50");
    await page.getByRole("button", { name: "Create draft agreement" }).click();

    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByText("Draft", { exact: true })).toBeVisible();
    agreementPath = new URL(page.url()).pathname;
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Documents" }).click();
    await page.getByLabel("Upload a file").setInputFiles({ name: "evil.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ this is a program") });
    await page.getByRole("button", { name: "Attach document" }).click();
    await expect(page.getByRole("alert")).toContainText("The selected file is not a real PDF file");
    await expectNoAxeViolations(page);
    await page.getByLabel("Upload a file").setInputFiles({ name: "Signed grant letter.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByRole("button", { name: "Attach document" }).click();
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Signed grant letter.pdf" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("Signed grant letter.pdf");
    expect(fs.readFileSync(await download.path())).toEqual(PDF);
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Summary" }).click();
    await page.getByRole("button", { name: "Mark as agreed" }).click();
    await expect(page.getByText("Agreed", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Make active" }).click();
    await expect(page.getByText("Active", { exact: true })).toBeVisible();

    await page.getByRole("link", { name: "Vary this agreement" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Change ${TITLE}` })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Value in pounds").fill("60000");
    await page.getByRole("button", { name: "Save variation" }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: "Enter what changed and why" })).toBeVisible();
    await page.getByLabel("What changed and why").fill("A third neighbourhood joined the pilot, so the value rises by £10,000.");
    await page.getByRole("button", { name: "Save variation" }).click();

    await expect(page.getByRole("heading", { level: 2, name: "Versions" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "Version 2 (current)" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "Version 1" })).toBeVisible();
    await expect(page.getByText("A third neighbourhood joined the pilot")).toBeVisible();
    await expect(page.getByText("£60,000.00")).toBeVisible();
    await expect(page.getByText("£50,000.00")).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, "versions");

    for (const tab of ["Delivery", "Payments", "History"]) {
      await page.getByRole("link", { name: tab, exact: true }).click();
      await expect(page.getByRole("heading", { level: 2, name: tab === "Delivery" ? "Delivery against the agreement" : tab })).toBeVisible();
      await expectNoAxeViolations(page);
    }
    await page.getByRole("link", { name: "Delivery", exact: true }).click();
    await expect(page.getByRole("img", { name: /Clients advised: target and actual by quarter/ })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "Share of clients in the most deprived 20% (Core20)" })).toBeVisible();
    await screenshot(page, "delivery");
    await page.getByRole("link", { name: "History", exact: true }).click();
    await expect(page.getByText("Version 2: A third neighbourhood joined the pilot")).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("a stale variation is refused with a clear message and the user's input kept", async ({ browser }) => {
    const first = await (await browser.newContext()).newPage();
    const second = await (await browser.newContext()).newPage();
    await signInAs(first, "commissioner@example.org");
    await signInAs(second, "admin@example.org", DEMO_PASSWORD);
    await first.goto(`${agreementPath}/edit`);
    await second.goto(`${agreementPath}/edit`);
    await second.getByLabel("What changed and why").fill("Review date set by the administrator.");
    await second.getByLabel("Review date (optional)").fill("2026-01-15");
    await second.getByRole("button", { name: "Save variation" }).click();
    await expect(second.getByRole("heading", { level: 3, name: "Version 3 (current)" })).toBeVisible();

    await first.getByLabel("What changed and why").fill("Value corrected.");
    await first.getByLabel("Value in pounds").fill("61000");
    await first.getByRole("button", { name: "Save variation" }).click();
    await expect(first.getByRole("alert")).toContainText("Someone else changed this agreement after you opened this page");
    await expect(first.getByLabel("Value in pounds")).toHaveValue("61000");
    await expect(first.getByLabel("What changed and why")).toHaveValue("Value corrected.");
    await expectNoAxeViolations(first);
  });

  test("the demo VCSE user sees the agreement, comments on it and downloads its document, but sees no one else's", async ({ page, consoleErrors }) => {
    void consoleErrors;
    await signInAs(page, "vcse@example.org");
    await page.goto("/agreements");
    await expect(page.getByRole("link", { name: TITLE })).toBeVisible();
    await expect(page.getByRole("link", { name: "Hospital discharge advice contract (synthetic)" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Create an agreement" })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: TITLE }).click();
    await expect(page.getByRole("link", { name: "Vary this agreement" })).toHaveCount(0);
    await page.getByLabel("Add a comment").fill("We have recruited the third adviser.");
    await page.getByRole("button", { name: "Add comment" }).click();
    await expect(page.getByText("We have recruited the third adviser.")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Documents" }).click();
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Signed grant letter.pdf" }).click();
    expect(fs.readFileSync(await (await downloading).path())).toEqual(PDF);
    const other = await page.request.get("/agreements/3");
    expect(other.status()).toBe(404);
  });

  test("another VCSE organisation's user gets 404 for the agreement and its document", async ({ page, browser }) => {
    const email = `pennine.${Date.now()}@example.org`;
    await signInAs(page, "admin@example.org");
    await page.goto("/admin/users");
    await page.getByLabel("Name").fill("Pennine Adviser");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Role").selectOption("vcse");
    await page.getByLabel("Organisation (VCSE partners)").selectOption({ label: "Pennine Advice and Law Centre (demo)" });
    await page.getByLabel("Initial password").fill("a-long-enough-password");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();

    const pennine = await (await browser.newContext()).newPage();
    await signInAs(pennine, email, "a-long-enough-password");
    const response = await pennine.goto(agreementPath);
    expect(response?.status()).toBe(404);
    await expect(pennine.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    expect((await pennine.request.get(`${agreementPath}/documents/2`)).status()).toBe(404);
    await pennine.goto("/agreements");
    await expect(pennine.getByRole("link", { name: TITLE })).toHaveCount(0);
    await expect(pennine.getByRole("link", { name: "Hospital discharge advice contract (synthetic)" })).toBeVisible();
    await expectNoAxeViolations(pennine);
  });
});
