import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

test("the HJP data dictionary lists every template's columns and the refused headers, and passes axe", async ({ page, consoleErrors }) => {
  await signInAs(page, "vcse@example.org");
  await page.goto("/templates");
  await expect(page.getByRole("heading", { level: 1, name: "HJP data templates and data dictionary" })).toBeVisible();
  const activity = page.getByRole("table", { name: "Columns of the HJP case-level activity and outcomes file" });
  await expect(activity.getByRole("rowheader", { name: "client_outward_code" })).toBeVisible();
  await expect(activity.getByRole("row", { name: /referral_source/ })).toContainText("Yes");
  // Allowed values open from a summary, so long lists do not swamp the table.
  await activity.getByText("11 codes").click();
  await expect(activity.getByText("social-prescriber")).toBeVisible();
  for (const title of ["HJP services", "HJP training of health staff", "HJP funding awards"]) {
    await expect(page.getByRole("table", { name: `Columns of the ${title} file` })).toBeVisible();
  }
  const refused = page.getByRole("table", { name: "Headers that are refused, and why" });
  await expect(refused).toContainText("patient name");
  await expect(refused).toContainText("an NHS number");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "test-results/screenshots/hjp-templates.png", fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test("the templates download as CSV and Excel from the dictionary page", async ({ page }) => {
  await signInAs(page, "commissioner@example.org");
  await page.goto("/templates");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the HJP case-level activity and outcomes template (CSV)" }).click()]);
  expect(csv.suggestedFilename()).toBe("hjp-activity.csv");
  const header = (await (await csv.createReadStream()).toArray()).join("").split("\r\n")[0];
  expect(header.startsWith("provider_org_id,service_ref,episode_ref,client_ref,reporting_period,")).toBe(true);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the HJP funding awards template (Excel, with drop-down lists and an example row)" }).click()]);
  expect(xlsx.suggestedFilename()).toBe("hjp-funding.xlsx");
  const bytes = Buffer.concat(await (await xlsx.createReadStream()).toArray());
  expect(bytes.subarray(0, 2).toString()).toBe("PK");
  const [dictionary] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the whole data dictionary (CSV)" }).click()]);
  expect(dictionary.suggestedFilename()).toBe("hjp-data-dictionary.csv");
});

test("the templates are for signed-in users only", async ({ request }) => {
  const response = await request.get("/templates/hjp-activity.csv", { maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers()["location"]).toMatch(/^\/login/);
});
