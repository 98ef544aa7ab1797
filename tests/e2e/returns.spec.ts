import type { Page } from "@playwright/test";
import { activityDataset } from "../../app/domain/hjp/datasets";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

/**
 * The VCSE returns journeys on the synthetic demo (db/seed/demo-returns.ts): service 1 is
 * the demo organisation's, with no returns for the last two quarters; services 4 and 6
 * are the organisation's too, with the last quarter not started.
 */
function quarter(back: number) {
  const now = new Date();
  const fy = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const index = fy * 4 + (now.getUTCMonth() >= 3 ? Math.floor((now.getUTCMonth() - 3) / 3) : 3) - back;
  const year = Math.floor(index / 4);
  const q = (index % 4) + 1;
  const month = [4, 7, 10, 1][q - 1];
  return { start: `${q === 4 ? year + 1 : year}-${String(month).padStart(2, "0")}-01`, label: `${year}-${String((year + 1) % 100).padStart(2, "0")} Q${q}` };
}
const FORM_QUARTER = quarter(2);
const UPLOAD_QUARTER = quarter(1);

async function fillCounts(page: Page, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
}

test.describe.configure({ mode: "serial" });

test("a partner submits a quarterly return by form, corrects an error from the NHS error summary, then uploads the next quarter's file", async ({ page, consoleErrors }) => {
  await signInAs(page, "vcse@example.org");
  await expect(page.getByRole("heading", { level: 1, name: "Your reporting" })).toBeVisible();
  await expect(page.getByText("Synthetic demonstration data.").first()).toBeVisible();
  await page.locator(`a[href="/returns/1/${FORM_QUARTER.start}"]`).first().click();
  await expect(page.getByRole("heading", { level: 1, name: `Return for ${FORM_QUARTER.label}` })).toBeVisible();
  await expectNoAxeViolations(page);

  await fillCounts(page, {
    "Clients advised": "twelve",
    GP: "10",
    "Self-referral or drop-in": "4",
    "Welfare benefits": "9",
    Debt: "5",
    "Clients with financial gains": "3",
    "Recurring gains a year (£)": "2,500",
    "Clients with debt managed or written off": "1",
    "Debt managed (£)": "800.50",
    Rehoused: "1",
    "Clients with wellbeing scores at first contact and follow-up": "4",
    "Average change in SWEMWBS score (points)": "2.5",
  });
  await page.getByRole("button", { name: "Submit return" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "/tmp/returns-form-error.png", fullPage: false });
  await summary.getByRole("link", { name: "Enter clients advised as a whole number, like 12" }).click();
  await expect(page).toHaveURL(/#return-form-/);
  await expect(page.locator(".nhsuk-error-message", { hasText: "Enter clients advised as a whole number, like 12" })).toBeVisible();
  await page.getByLabel("Clients advised", { exact: true }).fill("12");
  await page.getByRole("button", { name: "Submit return" }).click();
  await expect(page.getByText("Return submitted. The ICB has been told it is ready for review.")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Submitted" }).first()).toBeVisible();

  // The next quarter, by uploading the case-level file.
  await page.goto(`/returns/1/${UPLOAD_QUARTER.start}`);
  await page.getByRole("link", { name: "upload your case-level file" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Upload your case-level file for ${UPLOAD_QUARTER.label}` })).toBeVisible();
  const provider = await page.locator("li", { hasText: "provider_org_id" }).locator("code").nth(1).innerText();
  const serviceRef = await page.locator("li", { hasText: "service_ref" }).locator("code").nth(1).innerText();
  const header = activityDataset.list.map((c) => c.name);
  const referral = `${UPLOAD_QUARTER.start.slice(0, 8)}15`;
  const rows = Array.from({ length: 8 }, (_, i) => ({
    provider_org_id: provider,
    service_ref: serviceRef,
    episode_ref: `E2E-${i + 1}`,
    reporting_period: UPLOAD_QUARTER.label,
    referral_date: referral,
    referral_source: i % 2 ? "gp" : "self",
    attended: i === 7 ? "no" : "yes",
    setting: "remote",
    delivery_mode: "telephone",
    problem_categories: "welfare-benefits:pip; debt:priority",
    service_level: "advice",
    gains_recurring_annual: i < 3 ? "pip=4000" : "",
  }));
  const csv = [header.join(","), ...rows.map((r) => header.map((h) => (r as Record<string, string>)[h] ?? "").join(","))].join("\n") + "\n";
  await page.getByLabel("Case-level file").setInputFiles({ name: "activity.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check the figures from your file" })).toBeVisible();
  await expect(page.getByText("We read 8 episodes from activity.csv and found no problems.")).toBeVisible();
  await expect(page.locator("#preview-headline")).toContainText("£12,000.00");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "/tmp/returns-preview.png", fullPage: true });
  await page.getByRole("button", { name: "Accept and submit return" }).click();
  await expect(page.getByText("Return submitted. The ICB has been told it is ready for review.")).toBeVisible();
  await expect(page.getByText(/Version 1: uploaded file/)).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test("an upload with problems lists every row error and saves nothing", async ({ page }) => {
  await signInAs(page, "vcse@example.org");
  await page.goto(`/returns/6/${UPLOAD_QUARTER.start}/upload`);
  const header = activityDataset.list.map((c) => c.name).join(",");
  await page.getByLabel("Case-level file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\nGB-CHC-0000000,NOPE,X1\n`) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Problems in the file" })).toBeVisible();
  await expect(page.locator("#row-errors-table")).toContainText("expected");
  await expectNoAxeViolations(page);
});

test("the commissioner sees both returns in the tracker and queries one; the partner sees the query", async ({ browser }) => {
  const commissioner = await (await browser.newContext()).newPage();
  await signInAs(commissioner, "commissioner@example.org");
  await commissioner.getByRole("link", { name: "Reporting tracker" }).first().click();
  await expect(commissioner.getByRole("heading", { level: 1, name: "Reporting tracker" })).toBeVisible();
  for (const q of [FORM_QUARTER, UPLOAD_QUARTER]) {
    const row = commissioner.locator("#tracker tr", { has: commissioner.locator(`a[href="/returns/1/${q.start}"]`) });
    await expect(row).toContainText("Submitted");
  }
  await expectNoAxeViolations(commissioner);
  await commissioner.screenshot({ path: "/tmp/returns-tracker.png", fullPage: false });
  await commissioner.locator(`a[href="/returns/1/${FORM_QUARTER.start}"]`).first().click();
  await expect(commissioner.getByRole("heading", { name: "Review this return" })).toBeVisible();
  // Querying needs a note; the error summary says so.
  await commissioner.getByRole("button", { name: "Query return" }).click();
  await expect(commissioner.getByRole("alert").filter({ hasText: "Enter what you would like the partner to check" })).toBeVisible();
  await commissioner.getByLabel("Note to the partner").fill("Clients with financial gains look low for the recurring gains: please check.");
  await commissioner.getByRole("button", { name: "Query return" }).click();
  await expect(commissioner.getByText("Review recorded: the return is now queried.")).toBeVisible();
  await commissioner.context().close();

  const partner = await (await browser.newContext()).newPage();
  await signInAs(partner, "vcse@example.org");
  const queried = partner.locator("#queried-returns");
  await expect(queried).toContainText("Clients with financial gains look low");
  await queried.locator(`a[href="/returns/1/${FORM_QUARTER.start}"]`).click();
  await expect(partner.getByRole("heading", { name: "The ICB has queried this return" })).toBeVisible();
  await expect(partner.getByLabel("Clients advised", { exact: true })).toHaveValue("12");
  await partner.context().close();
});

test("two people saving the same draft: the second is shown both versions and nothing is overwritten", async ({ browser }) => {
  const path = `/returns/4/${UPLOAD_QUARTER.start}`;
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signInAs(first, "vcse@example.org");
  await signInAs(second, "vcse@example.org");
  await first.goto(path);
  await second.goto(path);
  await first.getByLabel("Clients advised", { exact: true }).fill("5");
  await first.getByRole("button", { name: "Save as draft" }).click();
  await expect(first.getByText("Draft saved. You can come back to it at any time.")).toBeVisible();
  await second.getByLabel("Clients advised", { exact: true }).fill("6");
  await second.getByRole("button", { name: "Save as draft" }).click();
  await expect(second.getByRole("heading", { level: 1, name: "Choose which version to keep" })).toBeVisible();
  const table = second.locator("#conflict-table");
  await expect(table.getByRole("row", { name: /Clients advised/ })).toContainText("6");
  await expect(table.getByRole("row", { name: /Clients advised/ })).toContainText("5");
  await expectNoAxeViolations(second);
  await first.reload();
  await expect(first.getByLabel("Clients advised", { exact: true })).toHaveValue("5");
  await second.getByRole("button", { name: "Keep your version" }).click();
  await expect(second.getByText("Draft saved. You can come back to it at any time.")).toBeVisible();
  await expect(second.getByLabel("Clients advised", { exact: true })).toHaveValue("6");
  // With JavaScript the draft also saves itself a few seconds after typing stops.
  await second.getByLabel("Debt", { exact: true }).fill("3");
  await expect(second.getByText(/Draft saved automatically at/)).toBeVisible({ timeout: 15_000 });
  await second.reload();
  await expect(second.getByLabel("Debt", { exact: true })).toHaveValue("3");
  await first.context().close();
  await second.context().close();
});

test("what a partner typed survives their session ending: after signing in again it is back in the form", async ({ page, context }) => {
  const path = `/returns/6/${UPLOAD_QUARTER.start}`;
  await signInAs(page, "vcse@example.org");
  await page.goto(path);
  await page.getByLabel("Clients advised", { exact: true }).fill("17");
  await page.getByLabel("Case studies").fill("A carer kept her home after advice on arrears.");
  // The session ends elsewhere (signed out in another tab) while this browser still holds its cookie.
  const cookie = (await context.cookies()).find((c) => c.name === "__hjp_session")!;
  const other = await context.newPage();
  await other.goto("/account");
  await other.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(other).toHaveURL(/\/login/);
  await context.addCookies([cookie]);
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await page.getByLabel("Email address").fill("vcse@example.org");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByText("Your session ended before your last save, so we kept what you had typed")).toBeVisible();
  await expect(page.getByLabel("Clients advised", { exact: true })).toHaveValue("17");
  await expect(page.getByLabel("Case studies")).toHaveValue("A carer kept her home after advice on arrears.");
  await expectNoAxeViolations(page);
});
