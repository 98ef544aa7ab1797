import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

const SHOTS = "test-results/screenshots";

test("a commissioner reads a Greater Manchester PCN's profile: QOF prevalence with intervals and markers against England and its place", async ({ page, consoleErrors }) => {
  await signInAs(page, "commissioner@example.org");
  await page.goto("/neighbourhood/U07506");
  await page.getByRole("link", { name: "Indicator profile of this primary care network" }).click();
  // The address is completed to the full selection, so it can be bookmarked.
  await expect(page).toHaveURL(/\/profile\/U07506\?comparator=E08000003$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ardwick And Longsight PCN");
  await expect(page.getByText("England and Manchester")).toBeVisible();

  const qof = page.getByRole("table", { name: "Ardwick And Longsight PCN: Recorded prevalence (QOF 2022-23)" });
  await expect(qof.getByRole("row")).toHaveCount(22);
  const depression = qof.getByRole("row", { name: /Depression: QOF prevalence \(18\+\)/ });
  await expect(depression).toContainText("5,635");
  await expect(depression).toContainText("8.2%");
  await expect(depression).toContainText("8.0–8.4");
  await expect(depression).toContainText("13.2");
  await expect(depression).toContainText("13.9");
  // Markers carry words as well as colour: lower than England and than Manchester.
  await expect(depression.getByText("Lower than England")).toBeAttached();
  await expect(depression.getByText("Lower than Manchester")).toBeAttached();
  await expect(depression.getByRole("img", { name: /This area 8\.2; England 13\.2; lower than england\. Across primary care networks in England/ })).toBeVisible();
  await expect(qof.getByRole("row", { name: /Learning disability/ }).getByText("Higher than England")).toBeAttached();
  await expect(qof.getByRole("row", { name: /Severe mental illness/ }).getByText("Similar to England")).toBeAttached();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/indicator-profile-pcn.png`, fullPage: true });

  // Comparing with the ICB instead is a GET form: the choice lands in the address.
  await page.getByLabel("NHS Greater Manchester ICB (ICB)").check();
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/comparator=E54000057/);
  await expect(qof.getByRole("columnheader", { name: "vs NHS Greater Manchester ICB" })).toBeVisible();

  const csv = await page.request.get(await page.getByRole("link", { name: "Download the profile (CSV)" }).getAttribute("href") as string);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(await csv.text()).toContain("Depression: QOF prevalence (18+)");
  const spine = await page.request.get(await page.getByRole("link", { name: "Download the spine chart (SVG)" }).getAttribute("href") as string);
  expect(spine.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
  expect(await spine.text()).toContain('role="img"');
  expect(consoleErrors).toEqual([]);
});

test("the indicator view shows Greater Manchester's neighbourhoods ranked, in a funnel plot, on a map and as a dot chart, and its places on a choropleth", async ({ page, consoleErrors }) => {
  await signInAs(page, "commissioner@example.org");
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Indicators" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Indicators" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Depression: QOF prevalence (18+)" }).click();
  await expect(page).toHaveURL(/\/indicators\/qof-dep\?icb=E54000057&level=neighbourhood&period=2022%2F23&sex=Persons&age=18%2B\+yrs$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Depression: QOF prevalence (18+)");

  await expect(page.getByRole("img", { name: /Bar chart of 65 areas ranked/ })).toBeVisible();
  const funnel = page.getByRole("img", { name: /^Funnel plot: / });
  await expect(funnel).toBeVisible();
  await expect(funnel.locator("path[d]")).not.toHaveCount(0);
  const map = page.getByRole("img", { name: /^Map: / });
  await expect(map).toBeVisible();
  await expect(map.locator("title", { hasText: "Ardwick And Longsight PCN: 8.2 %, lower than england" })).toBeAttached();
  await expect(page.getByRole("img", { name: /Dot chart of 65 areas/ })).toBeVisible();
  const table = page.getByRole("table", { name: /Neighbourhoods \(primary care networks\) of NHS Greater Manchester Integrated Care Board/ });
  await expect(table.getByRole("row")).toHaveCount(66);
  await expect(table.getByRole("row", { name: /Ardwick And Longsight PCN/ })).toContainText("Below 99.8% limit");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/indicator-view-neighbourhoods.png`, fullPage: true });

  for (const [name, type] of [
    [/^Download this chart \(SVG\).*funnel plot around England$/, "image/svg+xml; charset=utf-8"],
    [/^Download its figures \(CSV\).*funnel plot around England$/, "text/csv; charset=utf-8"],
    [/^Download this chart \(SVG\).*map of neighbourhoods/, "image/svg+xml; charset=utf-8"],
    [/^Download this table \(CSV\)$/, "text/csv; charset=utf-8"],
  ] as const) {
    const href = await page.getByRole("link", { name }).getAttribute("href");
    const response = await page.request.get(href!);
    expect(response.status(), String(name)).toBe(200);
    expect(response.headers()["content-type"], String(name)).toBe(type);
    expect(response.headers()["content-disposition"], String(name)).toMatch(/^attachment; filename=/);
  }

  await page.getByLabel("Places", { exact: true }).check();
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/level=place/);
  const places = page.getByRole("img", { name: /^Map: / });
  await expect(places.locator("path > title")).toHaveCount(10);
  await expect(places.locator("title", { hasText: /^Trafford: / })).toBeAttached();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/indicator-view-places.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test("charts are in the HTML without JavaScript, and the selection form still works", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, "strategist@example.org");
  await page.goto("/indicators/qof-dep?icb=E54000057&level=place");
  await expect(page.getByRole("img", { name: /^Funnel plot: / })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Map: / })).toBeVisible();
  await page.getByLabel("Neighbourhoods (primary care networks)").check();
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/level=neighbourhood/);
  await expect(page.getByRole("img", { name: /Dot chart of 65 areas/ })).toBeVisible();
  await context.close();
});

test("the inequality view groups Greater Manchester's neighbourhoods by deprivation decile with the slope index of inequality", async ({ page, consoleErrors }) => {
  await signInAs(page, "strategist@example.org");
  await page.goto("/indicators/qof-dep?icb=E54000057&level=neighbourhood");
  await page.getByRole("link", { name: "Inequality by deprivation" }).click();
  await expect(page).toHaveURL(/\/indicators\/qof-dep\/inequality\?icb=E54000057&period=2022%2F23/);
  await expect(page.locator("p", { hasText: /The slope index of inequality is 1\.\d percentage points/ }).first()).toBeVisible();
  await expect(page.getByRole("img", { name: /Bar chart of the indicator \(%\) by deprivation decile/ }).first()).toBeVisible();
  const table = page.getByRole("table", { name: /Neighbourhoods of NHS Greater Manchester Integrated Care Board by deprivation decile/ });
  await expect(table.getByRole("row")).toHaveCount(10);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/indicator-inequality.png`, fullPage: true });

  // Fingertips' own deprivation deciles, where the imported file has them (adult obesity, England).
  await page.goto("/indicators/93881/inequality?icb=E54000057");
  await expect(page.getByRole("heading", { name: "Deprivation deciles as published by Fingertips" })).toBeVisible();
  await expect(page.locator("p", { hasText: /The slope index of inequality is −\d+\.\d percentage points/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/indicator-inequality-fingertips.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test("a trend shows a place's life expectancy over time against England", async ({ page, consoleErrors }) => {
  await signInAs(page, "commissioner@example.org");
  await page.goto("/indicators/90366?icb=E54000057&level=place");
  await expect(page).toHaveURL(/sex=Male/);
  await page.getByText("Trend over time for:").getByRole("link", { name: "Trafford" }).click();
  await expect(page).toHaveURL(/\/indicators\/90366\/trend\?area=E08000009&sex=Male&age=All\+ages&comparator=england$/);
  await expect(page.getByRole("img", { name: /Line chart of Trafford's values \(years\) over \d+ periods/ })).toBeVisible();
  const table = page.getByRole("table", { name: /Life expectancy at birth: Trafford/ });
  await expect(table.getByRole("row", { name: /2015 - 17/ })).toContainText("79.8");
  await page.getByLabel("Sex").selectOption("Female");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/sex=Female/);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/indicator-trend.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test("a strategist compares chosen PCNs across England, and the choice is kept in the address", async ({ page, consoleErrors }) => {
  await signInAs(page, "strategist@example.org");
  await page.goto("/indicators/qof-dep?icb=E54000057&level=neighbourhood");
  await page.getByText("Compare areas you choose").click();
  await page.getByRole("checkbox", { name: "Ardwick And Longsight PCN" }).check();
  await page.getByRole("checkbox", { name: "Better Health Mcr PCN" }).check();
  await page.getByLabel("Other areas at the same level, anywhere in England").fill("U05510");
  await page.getByRole("button", { name: "Compare these areas" }).click();
  await expect(page).toHaveURL(/peers=/);
  const table = page.getByRole("table", { name: /Chosen areas/ });
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(page.getByRole("img", { name: /^Map: / })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/indicator-peers.png`, fullPage: true });
  // The bookmark reproduces the view.
  const url = page.url();
  await page.goto("/");
  await page.goto(url);
  await expect(page.getByRole("table", { name: /Chosen areas/ }).getByRole("row")).toHaveCount(4);
  await page.getByRole("link", { name: "Stop comparing chosen areas" }).click();
  await expect(page.getByRole("table", { name: /Neighbourhoods \(primary care networks\)/ }).getByRole("row")).toHaveCount(66);
  expect(consoleErrors).toEqual([]);
});
