import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

test("a VCSE user sees and edits only their own organisation, whatever ids they put in the address or the form", async ({ page, browser, request }) => {
  // An admin adds a second organisation.
  await signInAs(page, "admin@example.org");
  await page.goto("/admin/organisations");
  await page.getByLabel("Name", { exact: true }).fill("Second Advice Service (test)");
  await page.getByRole("button", { name: "Add organisation" }).click();
  await expect(page.getByRole("cell", { name: "Second Advice Service (test)" })).toBeVisible();
  const ids = await page.evaluate(async () => (await (await fetch("/admin/organisations?_data=routes%2Fadmin.organisations")).json()).organisations.map((o: { id: number; name: string }) => [o.name, o.id]));
  const byName = Object.fromEntries(ids as [string, number][]);
  const own = byName["Greater Manchester Health Justice Advice (demo)"];
  const other = byName["Second Advice Service (test)"];

  const context = await browser.newContext();
  const vcse = await context.newPage();
  await signInAs(vcse, "vcse@example.org");
  await vcse.getByRole("link", { name: "Your organisation" }).click();
  await expect(vcse.getByRole("heading", { level: 1 })).toHaveText("Greater Manchester Health Justice Advice (demo)");
  await expectNoAxeViolations(vcse);

  // Another organisation's id in the address: not found.
  expect((await vcse.goto(`/organisations/${other}`))?.status()).toBe(404);

  // A tampered id in the form changes the organisation in the address, which is their own.
  await vcse.goto(`/organisations/${own}`);
  await vcse.evaluate((otherId) => {
    (document.querySelector('input[name="organisationId"]') as HTMLInputElement).value = String(otherId);
  }, other);
  await vcse.getByLabel("Charity number").fill("1000003");
  await vcse.getByRole("button", { name: "Save" }).click();
  await expect(vcse.getByRole("definition").filter({ hasText: "1000003" })).toBeVisible();

  // Posting straight to the other organisation's address: not found, nothing changed.
  const cookies = await context.cookies();
  const response = await request.post(`/organisations/${other}`, {
    form: { charityNumber: "7654321" },
    headers: { Cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(404);
  await page.goto("/admin/organisations");
  await expect(page.getByRole("row", { name: /Second Advice Service/ })).not.toContainText("7654321");
  await context.close();
});
