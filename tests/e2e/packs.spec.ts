import fs from "node:fs";
import ExcelJS from "exceljs";
import PDFParser from "pdf2json";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

/**
 * A strategist builds a strategy evidence pack for one Greater Manchester place with
 * three sections and narrative, publishes it, and downloads the PDF and the XLSX
 * annex; the PDF's text holds the key figures the page shows.
 */
async function pdfText(file: string): Promise<string> {
  const parser = new PDFParser(null, true);
  return new Promise((resolve, reject) => {
    parser.on("pdfParser_dataReady", () => resolve(parser.getRawTextContent()));
    parser.on("pdfParser_dataError", (e) => reject(new Error(String((e as { parserError?: unknown }).parserError ?? e))));
    parser.loadPDF(file);
  });
}

test("a strategist builds, publishes and downloads a pack for Manchester", async ({ page }) => {
  test.setTimeout(240_000);
  await signInAs(page, "strategist@example.org");
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Strategy packs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Strategy evidence packs" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Create a pack" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create a strategy evidence pack" })).toBeVisible();
  await page.getByRole("button", { name: "Create and choose sections" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter a title");
  await expectNoAxeViolations(page);
  await page.getByLabel("Title").fill("Manchester: evidence for the joint forward plan");
  await page.getByLabel("Area").selectOption({ label: "Manchester (place)" });
  await page.getByRole("button", { name: "Create and choose sections" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Edit the pack" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "/tmp/packs-edit.png", fullPage: true });
  const population = page.getByRole("group", { name: "Population health and inequalities" });
  await population.getByLabel("Include this section").check();
  await page.locator("#indicator-qof-dep").check();
  await page.locator("#indicator-qof-mh").check();
  await population.getByLabel("Inequality by deprivation decile").selectOption("qof-dep");
  await population.getByLabel("Narrative for this section").fill("Depression is **more common** in Manchester than in England.\n\n- Reach the most deprived neighbourhoods\n- Join up with mental health services");
  const hjp = page.getByRole("group", { name: "Health justice partnership provision and reach" });
  await hjp.getByLabel("Include this section").check();
  await hjp.getByLabel("Narrative for this section").fill("Advice in GP practices reaches clients across the place.");
  const funding = page.getByRole("group", { name: "Funding and outcomes" });
  await funding.getByLabel("Include this section").check();
  await funding.getByLabel("Narrative for this section").fill("Most awards last **less than two years**.");
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Manchester: evidence for the joint forward plan" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Draft: live figures as at")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^\d\. / })).toHaveCount(3);
  await expect(page.locator(".app-pack-narrative strong").first()).toHaveText("more common");
  await expect(page.getByText("Synthetic demonstration data.").first()).toBeVisible();
  await expect(page.locator("svg[role=img]").first()).toBeVisible();

  await page.getByRole("button", { name: "Publish this pack" }).click();
  await expect(page.getByText(/^Published \d+ \w+ \d{4}: figures frozen on that date$/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("link", { name: "Edit sections and narrative" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "/tmp/packs-view.png", fullPage: true });
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: "/tmp/packs-print.png", fullPage: false });
  await page.emulateMedia({ media: "screen" });

  const keyFigures = await page.locator("[data-key-figure]").evaluateAll((nodes) => nodes.map((n) => `${n.getAttribute("data-key-figure")}: ${(n.firstChild?.textContent ?? "").trim()}`));
  expect(keyFigures.length).toBeGreaterThanOrEqual(5);

  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the pack (PDF)" }).click()]);
  const pdfPath = await pdf.path();
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe("%PDF-");
  const text = (await pdfText(pdfPath)).replace(/\s+/g, " ");
  expect(text).toContain("Manchester: evidence for the joint forward plan");
  expect(text).toContain("Depression is more common in Manchester than in England.");
  for (const k of keyFigures) expect(text).toContain(k);

  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the data annex (XLSX)" }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await xlsx.path());
  expect(workbook.worksheets.map((w) => w.name)).toEqual(["Cover", "1. Population health and inequa", "2. Health justice partnership p", "3. Funding and outcomes"]);
  const cover: string[] = [];
  workbook.getWorksheet("Cover")!.eachRow((row) => row.eachCell((c) => cover.push(String(c.value))));
  expect(cover.join(" ")).toMatch(/Disclosure control/);
  expect(cover.join(" ")).toMatch(/synthetic demonstration data/i);
});

test("a VCSE partner cannot open a draft pack", async ({ page }) => {
  await signInAs(page, "vcse@example.org");
  await page.goto("/packs");
  await expect(page.getByRole("heading", { level: 1, name: "Strategy evidence packs" })).toBeVisible();
  await expect(page.getByText("There are no packs you can see yet.")).toBeVisible();
  await expectNoAxeViolations(page);
  const response = await page.request.get("/packs/1", { maxRedirects: 0 });
  expect(response.status()).toBe(404);
});
