import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

/**
 * Demand modelling as a new commissioner meets it on the demo: Greater Manchester's
 * unmet need on the map and the ranked chart, incidence and caseload changed with the
 * figures updating in place, saved as a scenario, compared with the defaults and
 * exported. Then the same form without JavaScript, and a VCSE user kept out of
 * scenarios not shared with them.
 */

async function screenshot(page: Page, name: string) {
  fs.mkdirSync("test-results/screenshots", { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/demand-${name}.png`, fullPage: true });
}

const measure = (page: Page, label: string) => page.locator(`[data-measure="${label}"] strong`);
const scenarioName = `Higher incidence, smaller caseload ${Date.now()}`;
let scenarioUrl = "";

test("a commissioner models demand for Greater Manchester, saves a scenario, compares it and exports it", async ({ page, consoleErrors }) => {
  void consoleErrors;
  // Five pages, each checked with axe: minutes on a machine shared with other builds.
  test.setTimeout(300_000);
  await signInAs(page, "commissioner@example.org");
  await page.getByRole("link", { name: "Demand modelling" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demand for health justice advice in NHS Greater Manchester Integrated Care Board");
  await expect(page.getByRole("img", { name: /Unmet need for health justice advice by place/ })).toBeVisible();
  await expect(page.locator("svg#demand-ranked")).toBeVisible();
  await expect(page.getByRole("img", { name: /ranked by unmet need/ })).toBeVisible();
  await expect(page.getByRole("note", { name: "Synthetic demonstration data" })).toBeVisible();
  await expect(page.getByTestId("place-table")).toContainText("Oldham");
  await expect(page.getByText(/Assumption – for the commissioner to set, not evidence/).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, "results");
  for (const [name, selector] of [["map", "figure.app-map"], ["ranked", "svg#demand-ranked"], ["funnel", "svg#demand-funnel"], ["parameters", ".app-demand-parameters"]]) {
    await page.locator(selector).first().screenshot({ path: `test-results/screenshots/demand-${name}.png` });
  }

  // Changing a parameter recomputes in the page: no navigation happens.
  await page.evaluate(() => ((window as unknown as { demandMarker: boolean }).demandMarker = true));
  const clientsBefore = await measure(page, "Expected clients a year").textContent();
  const fteBefore = await measure(page, "Adviser FTE needed").textContent();
  await page.getByLabel("Annual incidence of social-welfare legal problems").fill("10");
  await expect(measure(page, "Expected clients a year")).not.toHaveText(clientsBefore!);
  const fteAfterIncidence = await measure(page, "Adviser FTE needed").textContent();
  await page.getByLabel("Clients per adviser FTE per year").fill("180");
  await expect(measure(page, "Adviser FTE needed")).not.toHaveText(fteAfterIncidence!);
  expect(fteBefore).not.toBe(fteAfterIncidence);
  expect(await page.evaluate(() => (window as unknown as { demandMarker?: boolean }).demandMarker)).toBe(true);
  await expect(page).toHaveURL(/annualIncidence=10/);

  // An out-of-range value is reported in the error summary and linked to its field.
  await page.getByLabel("Attendance after referral").fill("150");
  await expect(page.getByRole("alert")).toContainText("Attendance after referral must be a number from 0% to 100%");
  await page.getByLabel("Attendance after referral").fill("70");
  await expect(page.getByRole("alert")).toHaveCount(0);

  await page.getByRole("link", { name: "Save as a scenario" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Save a demand scenario");
  await expect(page.getByLabel("Annual incidence of social-welfare legal problems")).toHaveValue("10");
  await page.getByRole("button", { name: "Save scenario" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter a name for the scenario");
  await expectNoAxeViolations(page);
  await page.getByLabel("Scenario name").fill(scenarioName);
  await page.getByRole("button", { name: "Save scenario" }).click();
  await expect(page.getByTestId("scenario-name")).toHaveText(scenarioName);
  await expect(page.getByLabel("Clients per adviser FTE per year")).toHaveValue("180");
  scenarioUrl = new URL(page.url()).pathname + new URL(page.url()).search;

  // Compare with the default parameters: differences are highlighted.
  await page.getByRole("link", { name: "Compare two scenarios side by side" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare demand scenarios");
  await expect(page.getByTestId("compare-system")).toContainText(scenarioName);
  await expect(page.getByTestId("compare-system").locator(".app-demand-diff").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Parameter values in each scenario" })).toContainText("Annual incidence of social-welfare legal problems");
  await expectNoAxeViolations(page);
  await screenshot(page, "compare");

  // Export what was saved.
  await page.goto(scenarioUrl);
  const xlsx = page.waitForEvent("download");
  await page.getByRole("link", { name: "all tables (Excel, XLSX)" }).click();
  expect((await xlsx).suggestedFilename()).toMatch(/^demand-E54000057-higher-incidence.*\.xlsx$/);
  const csv = page.waitForEvent("download");
  await page.getByRole("link", { name: "neighbourhoods, places and system (CSV)" }).click();
  const text = fs.readFileSync((await (await csv).path())!, "utf8");
  expect(text).toContain(`Scenario: ${scenarioName}`);
  expect(text).toContain("Synthetic demonstration data");

  // The chain for one neighbourhood, step by step.
  await page.getByTestId("neighbourhood-table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^How the demand figures for .+ are made$/);
  await expect(page.getByTestId("chain-table").locator("tbody tr")).toHaveCount(12);
  await expect(page.getByTestId("chain-table")).toContainText("Annual incidence of social-welfare legal problems (10%)");
  await expectNoAxeViolations(page);
  await screenshot(page, "neighbourhood");
});

test("the parameters work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, "strategist@example.org");
  await page.goto("/icb/E54000057/demand");
  const before = await measure(page, "Adviser FTE needed").textContent();
  await page.getByLabel("Clients per adviser FTE per year").fill("150");
  await page.getByRole("button", { name: "Update results" }).click();
  await expect(page).toHaveURL(/clientsPerFte=150/);
  await expect(measure(page, "Adviser FTE needed")).not.toHaveText(before!);
  await page.getByLabel("Clients per adviser FTE per year").fill("5");
  await page.getByRole("button", { name: "Update results" }).click();
  await expect(page.getByRole("alert")).toContainText("Clients per adviser FTE per year must be a number from 10 to 3,000");
  await context.close();
});

// No console-error check here: the refused scenario is a 404 response by design.
test("a VCSE partner cannot see a scenario that is not shared with them", async ({ page }) => {
  test.skip(!scenarioUrl, "needs the scenario saved by the first journey");
  await signInAs(page, "vcse@example.org");
  const res = await page.goto(scenarioUrl);
  expect(res?.status()).toBe(404);
  await page.goto("/icb/E54000057/demand");
  await expect(page.getByText(scenarioName)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Save as a scenario" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
