import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

/**
 * The HJP dashboards as a new user meets them on the demo: Greater Manchester's
 * synthetic activity at system, place and neighbourhood, labelled, with the disclosure
 * rule; a neighbourhood's small counts shown as * and the rest rounded to 5, on the
 * page and in the CSV a user downloads.
 */

async function screenshot(page: Page, name: string) {
  fs.mkdirSync("test-results/screenshots", { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/hjp-${name}.png`, fullPage: true });
}

/** The cells of a table block (`#table-<id>`) as text, header row first. */
async function tableText(page: Page, id: string): Promise<string[][]> {
  return page
    .locator(`#table-${id} table tr`)
    .evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll("th, td")).map((c) => (c.textContent ?? "").replace(/\s*\(not shown, to protect privacy\)/, "").trim())));
}

const count = (text: string) => (text === "*" ? "*" : Number(text.replace(/,/g, "")));

test("a commissioner finds Greater Manchester's HJP activity at system, place and neighbourhood, labelled synthetic", async ({ page, consoleErrors }) => {
  void consoleErrors;
  await signInAs(page, "commissioner@example.org");
  await page.getByRole("link", { name: "HJP activity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Health justice partnership activity" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "NHS Greater Manchester Integrated Care Board" }).click();

  // A journey before this one may have changed what Greater Manchester's roll-up cells
  // are built from; the next page that reads them rebuilds them first (seconds on the
  // embedded database).
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Health justice partnerships in NHS Greater Manchester Integrated Care Board", { timeout: 60_000 });
  await expect(page.getByRole("note", { name: "Synthetic demonstration data" })).toContainText("Greater Manchester Health Justice Advice (demo)");
  await expect(page.getByText("How small numbers are protected.")).toBeVisible();
  await expect(page.getByRole("img", { name: /Referrals and clients attended by quarter/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Map of NHS Greater Manchester/ })).toBeVisible();
  for (const heading of ["Who refers: the critical noticers", "Problems clients bring", "Outcomes", "Places and neighbourhoods", "Reach against need", "Funding"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByRole("heading", { level: 3, name: "Funding cliff: awards ending within 12 months" })).toBeVisible();
  const places = await tableText(page, "places");
  expect(places.map((r) => r[0])).toEqual(expect.arrayContaining(["Manchester", "Oldham", "Outside the ICB (registered with a GP in another ICB)", "Total"]));
  await expectNoAxeViolations(page);
  await screenshot(page, "icb");

  await page.locator("#table-places").getByRole("link", { name: "Oldham", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Health justice partnerships in Oldham");
  await expect(page.getByRole("note", { name: "Synthetic demonstration data" })).toBeVisible();
  await expect(page.getByText("How small numbers are protected.")).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, "place");

  await page.locator("#table-neighbourhoods").getByRole("link", { name: "Oldham East PCN" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Health justice partnerships in Oldham East PCN");
  await expect(page.getByRole("note", { name: "Synthetic demonstration data" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a neighbourhood with small counts shows * and other counts rounded to 5, on the page and in its CSV download", async ({ page, consoleErrors }) => {
  void consoleErrors;
  await signInAs(page, "commissioner@example.org");
  await page.goto("/icb/E54000057/hjp");
  // The neighbourhood with the fewest referrals: a few clients a quarter, reached by the ICB-wide services only.
  const rows = (await tableText(page, "neighbourhoods")).slice(1).filter((r) => /PCN$/.test(r[0]) && typeof count(r[1]) === "number" && (count(r[1]) as number) > 0);
  const smallest = rows.sort((a, b) => (count(a[1]) as number) - (count(b[1]) as number))[0][0];
  await page.locator("#table-neighbourhoods").getByRole("link", { name: smallest, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Health justice partnerships in ${smallest}`);
  await expect(page.getByText("Counts of 1 to 7 people are shown as *, other counts are rounded to the nearest 5")).toBeVisible();

  const trend = await tableText(page, "trend");
  expect(trend[0]).toEqual(["Quarter", "Referrals", "Clients attended", "% attended"]);
  const counts = trend.slice(1).flatMap((r) => [r[1], r[2]]);
  expect(counts).toContain("*");
  for (const c of counts) expect(c === "*" || (count(c) as number) % 5 === 0, `count ${c}`).toBe(true);
  await expectNoAxeViolations(page);
  await screenshot(page, "neighbourhood-small-counts");

  const downloading = page.waitForEvent("download");
  await page
    .locator("#table-trend")
    .getByRole("link", { name: /Download this table as CSV/ })
    .click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^hjp-.*-trend\.csv$/);
  const csv = fs.readFileSync(await download.path(), "utf8");
  const [preamble, data] = csv.split("\r\n\r\n");
  expect(preamble).toContain(`Referrals and clients by quarter: ${smallest}, NHS Greater Manchester Integrated Care Board`);
  expect(preamble).toContain("Synthetic demonstration data");
  expect(preamble).toContain("Disclosure control: Counts of people below national level follow NHS England's disclosure control for small numbers: counts of 1 to 7 are shown as *");
  const lines = data
    .trim()
    .split("\r\n")
    .map((l) => l.split(","));
  expect(lines[0]).toEqual(["Quarter", "Referrals", "Clients attended", "% attended"]);
  const exported = lines.slice(1).flatMap((l) => [l[1], l[2]]);
  expect(exported).toContain("*");
  for (const c of exported) expect(c === "*" || Number(c) % 5 === 0, `exported count ${c}`).toBe(true);
  // The download holds exactly the page's figures.
  expect(exported).toEqual(counts.map((c) => (c === "*" ? "*" : String(count(c)))));
});

test("a VCSE partner sees only their organisation's services, and a service's own page", async ({ page, consoleErrors }) => {
  void consoleErrors;
  await signInAs(page, "vcse@example.org");
  await page.getByRole("link", { name: "HJP activity" }).click();
  // A partner's home lists their returns, with links that name the same service: wait for the HJP page.
  await expect(page).toHaveURL(/\/hjp$/);
  await page.getByRole("link", { name: "Manchester GP welfare rights service", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Manchester GP welfare rights service");
  await expect(page.getByRole("note", { name: "Synthetic demonstration data" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Funding awards" })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, "service");

  await page.goto("/icb/E54000057/hjp");
  await expect(page.getByText("You are seeing only the services your organisation, Greater Manchester Health Justice Advice (demo), runs.")).toBeVisible();
  const services = (await tableText(page, "services")).slice(1, -1);
  expect(services.every((r) => r[4] === "Greater Manchester Health Justice Advice (demo)")).toBe(true);

  // An ICB where the organisation runs nothing is not found (asked without a page load, which would log the 404).
  expect((await page.request.get("/icb/E54000048/hjp")).status()).toBe(404);
});
