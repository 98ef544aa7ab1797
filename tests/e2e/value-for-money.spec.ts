import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

// Each page rolls up three years of a whole ICB's activity and funding: allow for a busy machine.
test.describe.configure({ timeout: 240_000 });
const SLOW = { timeout: 60_000 };

/**
 * Value for money as the demo commissioner meets it: Greater Manchester's spend against
 * income gained per place on the quadrant, the funnel plot of problems resolved by
 * service, co-located against remote delivery, downloads, and the value estimate
 * changing with the price year once index values are entered, with its sources listed.
 */

async function screenshot(page: Page, name: string) {
  fs.mkdirSync("test-results/screenshots", { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/vfm-${name}.png`, fullPage: true });
}

/** The cells of a table block (`#table-<id>`) as text, header row first. */
async function tableText(page: Page, id: string): Promise<string[][]> {
  return page
    .locator(`#table-${id} table tr`)
    .evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll("th, td")).map((c) => (c.textContent ?? "").replace(/\s*\(not shown, to protect privacy\)/, "").trim())));
}

function column(table: string[][], header: string): string[] {
  const i = table[0].indexOf(header);
  expect(i, `column ${header}`).toBeGreaterThan(0);
  return table.slice(1).map((r) => r[i]);
}

test("a commissioner sets Greater Manchester's HJP spend against outcomes, compares models and downloads the figures", async ({ page, consoleErrors }) => {
  void consoleErrors;
  await signInAs(page, "commissioner@example.org");
  await page.getByRole("link", { name: "Value for money", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Value for money in NHS Greater Manchester Integrated Care Board", SLOW);
  await expect(page.getByRole("note", { name: "Synthetic demonstration data" })).toBeVisible();
  await expect(page.getByText("How small numbers are protected.")).toBeVisible();

  // The quadrant: spend against income gained per place, explained in words, with its table.
  await expect(page.getByRole("heading", { level: 2, name: "Spend against outcome" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Health justice spend against income gained per 1,000 adults, by place/ })).toBeVisible();
  await expect(page.getByText("Lower spend, better outcome").first()).toBeVisible();
  const places = await tableText(page, "places");
  expect(places.map((r) => r[0])).toEqual(expect.arrayContaining(["Manchester", "Oldham", "Total"]));
  expect(column(places, "Quadrant").filter((q) => /spend, (better|worse) outcome/.test(q)).length).toBeGreaterThan(3);
  await expectNoAxeViolations(page);
  await screenshot(page, "icb");

  // The funnel plot of problems resolved by service, with 95% and 99.8% limits.
  await page.getByRole("link", { name: "Problems resolved by service" }).click();
  const funnel = page.getByRole("img", { name: /Funnel plot: % of problems resolved or partly resolved by service/ });
  await expect(funnel).toBeVisible();
  await expect(funnel).toContainText("99.8% limits");
  const services = await tableText(page, "services");
  expect(services.length).toBeGreaterThan(4);
  expect(column(services, "Funnel plot position").every((p) => /limit|Within limits|^–$/.test(p))).toBe(true);

  // Co-located against remote delivery, with intervals, case mix and the caveat.
  await expect(page.getByText("These comparisons are observational").first()).toBeVisible();
  const models = await tableText(page, "delivery-models");
  const labels = models.map((r) => r[0]);
  expect(labels).toEqual(expect.arrayContaining(["Co-located in the health setting", "Remote or telephone"]));
  expect(models[0]).toEqual(expect.arrayContaining(["% problems resolved", "Lower 95% limit", "Upper 95% limit", "% clients in the most deprived fifth"]));
  await expect(page.getByRole("img", { name: /Outcomes by delivery model: % of problems resolved/ })).toBeVisible();

  // The trend and the funding cliff.
  await expect(page.getByRole("heading", { level: 3, name: "Funding cliff: awards ending within 12 months" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Spend by financial year/ })).toBeVisible();

  // Downloads: the places as CSV, the models as XLSX, each labelled synthetic.
  const csvDownload = page.waitForEvent("download", SLOW);
  await page.locator("#table-places").getByRole("link", { name: /Download this table as CSV/ }).click();
  const csv = fs.readFileSync((await (await csvDownload).path())!, "utf8");
  expect(csv).toContain("Synthetic demonstration data");
  expect(csv).toContain("Spend per 1,000 adults (£)");
  const xlsxDownload = page.waitForEvent("download", SLOW);
  await page.locator("#table-delivery-models").getByRole("link", { name: /Download this table as XLSX/ }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/delivery-models.*\.xlsx$/);
  const ExcelJS = (await import("exceljs")).default;
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await xlsx.path())!);
  const cells = book.worksheets[0].getSheetValues().flat().map(String);
  expect(cells.some((c) => c.startsWith("Synthetic demonstration data"))).toBe(true);
  expect(cells).toContain("Remote or telephone");

  // Drill down to a place.
  await page.locator("#table-places").getByRole("link", { name: "Oldham", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Value for money in Oldham", SLOW);
  await expect(page.getByRole("img", { name: /by neighbourhood/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a commissioner enters index values and sees the estimate change with the price year, with its sources", async ({ page, consoleErrors }) => {
  void consoleErrors;
  await signInAs(page, "commissioner@example.org");
  await page.goto("/value-for-money/inflation-index");
  await expect(page.getByRole("heading", { level: 1, name: "Inflation index" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A mistake is named in the error summary and linked to its field.
  await page.getByLabel("Financial year").fill("2010");
  await page.getByRole("button", { name: "Save index value" }).click();
  await expect(page.getByRole("alert")).toContainText("There is a problem");
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter the financial year like 2010-11" })).toBeVisible();
  await expectNoAxeViolations(page);

  for (const [year, value] of [
    ["2010-11", "80"],
    ["2024-25", "100"],
  ]) {
    await page.getByLabel("Financial year").fill(year);
    await page.getByLabel("Index value", { exact: true }).fill(value);
    await page.getByLabel("Source").fill("Test values entered by the e2e journey");
    await page.getByRole("button", { name: "Save index value" }).click();
    await expect(page.getByRole("cell", { name: year, exact: true })).toBeVisible(SLOW);
  }

  await page.goto("/icb/E54000057/value-for-money?priceYear=2010-11");
  const unitValue = async () => column(await tableText(page, "estimate"), "Unit value used")[0];
  const at2010 = await tableText(page, "estimate");
  expect(at2010[1][0]).toBe("Possession or eviction prevented");
  expect(await unitValue()).toBe("£6,680");
  await page.getByLabel("Price year for the value estimate").selectOption("2024-25");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/priceYear=2024-25/, SLOW);
  await expect(page.getByLabel("Price year for the value estimate")).toHaveValue("2024-25", SLOW);
  // £6,680 × 100 ÷ 80. The router changes the address before React has rendered the new
  // figures (a transition), so wait for the figure itself.
  await expect.poll(unitValue, SLOW).toBe("£8,350");
  await expect(page.locator('section[aria-labelledby="estimate"]').getByText(/GMCA \(New Economy\) Unit Cost Database v1.4/).first()).toBeVisible();
  await expect(page.getByText("This is an estimate.")).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, "estimate");

  await page.getByRole("link", { name: "unit-cost library" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Unit-cost library" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "HO1.0", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Add a unit value" }).click();
  await page.getByRole("button", { name: "Add unit value" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter a code for the unit value");
  await expectNoAxeViolations(page);
});

test("a VCSE partner sees value for money only for their own organisation's services", async ({ page, consoleErrors }) => {
  void consoleErrors;
  await signInAs(page, "vcse@example.org");
  await page.goto("/icb/E54000057/value-for-money");
  await expect(page.getByText("You are seeing only the services your organisation")).toBeVisible();
  const services = await tableText(page, "services");
  expect(column(services, "Run by").every((o) => o === "Greater Manchester Health Justice Advice (demo)")).toBe(true);
  await expectNoAxeViolations(page);
});
