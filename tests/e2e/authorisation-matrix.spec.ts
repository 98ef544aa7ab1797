import fs from "node:fs";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, expect, test } from "./fixtures";

/**
 * For every route and every role (and signed out), the expected outcome. A route file
 * without an entry here fails the first test, so nobody can add a page without
 * deciding who may see it.
 *
 * Outcomes: 200 (or another 2xx/3xx given explicitly), "login" (redirect to sign-in),
 * 403, 404, 405 (no such method on the route).
 */
type Outcome = number | "login";

/** Quarter starts (NHS financial quarters) counted back from today: the demo requirements start four quarters ago. */
function quarterStart(back: number): string {
  const now = new Date();
  const index = (now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1) * 4 + (now.getUTCMonth() >= 3 ? Math.floor((now.getUTCMonth() - 3) / 3) : 3) - back;
  const year = Math.floor(index / 4);
  const month = [4, 7, 10, 1][index % 4];
  return `${month === 1 ? year + 1 : year}-${String(month).padStart(2, "0")}-01`;
}
const FIRST = quarterStart(4);
const LAST = quarterStart(1);
type Who = "anonymous" | "admin" | "commissioner" | "strategist" | "vcse";
type Check = { method: "GET" | "POST"; url: string; form?: Record<string, string>; expect: Record<Who, Outcome> };

const all = (o: Outcome): Record<Who, Outcome> => ({ anonymous: o, admin: o, commissioner: o, strategist: o, vcse: o });
const signedIn = (o: Outcome, anonymous: Outcome = "login"): Record<Who, Outcome> => ({ anonymous, admin: o, commissioner: o, strategist: o, vcse: o });
const only = (roles: Who[], yes: Outcome, no: Outcome = 403): Record<Who, Outcome> => ({
  anonymous: "login",
  admin: roles.includes("admin") ? yes : no,
  commissioner: roles.includes("commissioner") ? yes : no,
  strategist: roles.includes("strategist") ? yes : no,
  vcse: roles.includes("vcse") ? yes : no,
});

export const MATRIX: Record<string, Check[]> = {
  _index: [{ method: "GET", url: "/", expect: all(200) }],
  healthz: [{ method: "GET", url: "/healthz", expect: all(200) }],
  $: [{ method: "GET", url: "/no/such/page", expect: all(404) }],
  login: [
    { method: "GET", url: "/login", expect: { ...all(302), anonymous: 200 } },
    // Signed-in users are sent on from the sign-in page, whatever they post.
    { method: "POST", url: "/login", form: { email: "x@example.org", password: "wrong-password" }, expect: { ...all(302), anonymous: 401 } },
  ],
  logout: [
    { method: "GET", url: "/logout", expect: all(302) },
  ],
  account: [{ method: "GET", url: "/account", expect: signedIn(200) }],
  "admin.users": [
    { method: "GET", url: "/admin/users", expect: only(["admin"], 200) },
    { method: "POST", url: "/admin/users", form: { intent: "set-active", userId: "999999", active: "false" }, expect: only(["admin"], 400) },
  ],
  "admin.organisations": [
    { method: "GET", url: "/admin/organisations", expect: only(["admin"], 200) },
    { method: "POST", url: "/admin/organisations", form: { name: "" }, expect: only(["admin"], 400) },
  ],
  audit: [{ method: "GET", url: "/audit", expect: only(["admin", "commissioner"], 200) }],
  "icb.$code._index": [
    { method: "GET", url: "/icb/E54000057", expect: signedIn(200) },
    { method: "GET", url: "/icb/E54000999", expect: signedIn(404) },
  ],
  "icb.$code.places": [
    // Only the ICB's own commissioners define its places; others' ICBs are not found.
    { method: "GET", url: "/icb/E54000057/places", expect: only(["commissioner"], 200) },
    { method: "GET", url: "/icb/E54000048/places", expect: { ...only(["commissioner"], 404) } },
    { method: "POST", url: "/icb/E54000057/places", form: { intent: "define", "place.U00000": "x" }, expect: only(["commissioner"], 400) },
  ],
  "organisations.$id": [
    // Organisation 1 is the demo advice organisation, working mainly with Greater Manchester.
    { method: "GET", url: "/organisations/1", expect: signedIn(200) },
    { method: "GET", url: "/organisations/999999", expect: signedIn(404) },
    { method: "POST", url: "/organisations/1", form: { charityNumber: "x" }, expect: { anonymous: "login", admin: 400, commissioner: 404, strategist: 404, vcse: 400 } },
  ],
  "place.$code": [{ method: "GET", url: "/place/E08000009", expect: signedIn(200) }],
  "neighbourhood.$code": [{ method: "GET", url: "/neighbourhood/U66368", expect: signedIn(200) }],
  // The data API is read-only and open to every signed-in role; a signed-out client gets 401 JSON, not a redirect.
  "api.v1.areas": [
    { method: "GET", url: "/api/v1/areas?level=place&parent=E54000057", expect: signedIn(200, 401) },
    { method: "GET", url: "/api/v1/areas?level=galaxy", expect: signedIn(400, 401) },
  ],
  "api.v1.indicators._index": [{ method: "GET", url: "/api/v1/indicators", expect: signedIn(200, 401) }],
  // Indicator views: every signed-in role reads them; addresses are canonical (a partial selection redirects to the full one).
  "indicators._index": [{ method: "GET", url: "/indicators", expect: signedIn(200) }],
  "indicators.$id._index": [
    { method: "GET", url: "/indicators/qof-dep?icb=E54000057&level=neighbourhood&period=2022%2F23&sex=Persons&age=18%2B+yrs", expect: signedIn(200) },
    { method: "GET", url: "/indicators/qof-dep?icb=E54000057", expect: signedIn(302) },
    { method: "GET", url: "/indicators/no-such-indicator?icb=E54000057", expect: signedIn(404) },
    { method: "GET", url: "/indicators/qof-dep?level=galaxy", expect: signedIn(400) },
  ],
  "indicators.$id.inequality": [
    { method: "GET", url: "/indicators/qof-dep/inequality?icb=E54000057&period=2022%2F23&sex=Persons&age=18%2B+yrs", expect: signedIn(200) },
  ],
  "indicators.$id.trend": [
    { method: "GET", url: "/indicators/90366/trend?area=E08000009&sex=Male&age=All+ages&comparator=E54000057", expect: signedIn(200) },
  ],
  "indicators.$id.download": [
    { method: "GET", url: "/indicators/qof-dep/download?view=indicator&chart=funnel&format=svg&icb=E54000057&level=neighbourhood", expect: signedIn(200) },
    { method: "GET", url: "/indicators/qof-dep/download?view=indicator&chart=bar&format=xls", expect: signedIn(400) },
  ],
  "profile.$code": [
    { method: "GET", url: "/profile/U07506?comparator=E08000003", expect: signedIn(200) },
    { method: "GET", url: "/profile/U00000", expect: signedIn(404) },
  ],
  "profile.$code.download": [{ method: "GET", url: "/profile/U07506/download?format=csv&chart=table", expect: signedIn(200) }],
  "api.v1.indicators.$id.data": [
    { method: "GET", url: "/api/v1/indicators/qof-dep/data?level=neighbourhood&parent=E54000057", expect: signedIn(200, 401) },
    { method: "GET", url: "/api/v1/indicators/qof-dep/data?level=place&parent=E54000057&format=csv", expect: signedIn(200, 401) },
    { method: "GET", url: "/api/v1/indicators/no-such-indicator/data", expect: signedIn(404, 401) },
  ],
  // HJP data templates and their dictionary: every signed-in role may download them.
  "templates._index": [{ method: "GET", url: "/templates", expect: signedIn(200) }],
  "templates.$file": [
    { method: "GET", url: "/templates/hjp-activity.csv", expect: signedIn(200) },
    { method: "GET", url: "/templates/hjp-funding.xlsx", expect: signedIn(200) },
    { method: "GET", url: "/templates/hjp-data-dictionary.csv", expect: signedIn(200) },
    { method: "GET", url: "/templates/no-such-template.csv", expect: signedIn(404) },
  ],
  // HJP dashboards (synthetic demo data): ICB roles see their own ICB's services, VCSE users their own organisation's
  // (organisation 1 runs most Greater Manchester services and none elsewhere); administrators have no HJP access.
  // Service ids follow the demo file's order: 1 is the demo organisation's, 5 another organisation's in Greater
  // Manchester, 9 a Lancashire and South Cumbria service.
  "hjp._index": [{ method: "GET", url: "/hjp", expect: only(["commissioner", "strategist", "vcse"], 200) }],
  "icb.$code.hjp": [
    { method: "GET", url: "/icb/E54000057/hjp", expect: only(["commissioner", "strategist", "vcse"], 200) },
    { method: "GET", url: "/icb/E54000057/hjp?year=not-a-year", expect: only(["commissioner", "strategist", "vcse"], 400) },
    { method: "GET", url: "/icb/E54000048/hjp", expect: only(["commissioner", "strategist", "vcse"], 404) },
  ],
  "icb.$code.hjp_.download": [
    { method: "GET", url: "/icb/E54000057/hjp/download?table=sources", expect: only(["commissioner", "strategist", "vcse"], 200) },
    { method: "GET", url: "/icb/E54000057/hjp/download?table=no-such-table", expect: only(["commissioner", "strategist", "vcse"], 404) },
    { method: "GET", url: "/icb/E54000048/hjp/download?table=sources", expect: only(["commissioner", "strategist", "vcse"], 404) },
  ],
  "place.$code_.hjp": [
    { method: "GET", url: "/place/E08000004/hjp", expect: only(["commissioner", "strategist", "vcse"], 200) },
    { method: "GET", url: "/place/E08000012/hjp", expect: only(["commissioner", "strategist", "vcse"], 404) },
  ],
  "place.$code_.hjp_.download": [
    { method: "GET", url: "/place/E08000004/hjp/download?table=neighbourhoods", expect: only(["commissioner", "strategist", "vcse"], 200) },
    { method: "GET", url: "/place/E08000012/hjp/download?table=neighbourhoods", expect: only(["commissioner", "strategist", "vcse"], 404) },
  ],
  "neighbourhood.$code_.hjp": [
    { method: "GET", url: "/neighbourhood/U66368/hjp", expect: only(["commissioner", "strategist", "vcse"], 200) },
    { method: "GET", url: "/neighbourhood/U01901/hjp", expect: only(["commissioner", "strategist", "vcse"], 404) },
  ],
  "neighbourhood.$code_.hjp_.download": [
    { method: "GET", url: "/neighbourhood/U66368/hjp/download?table=trend", expect: only(["commissioner", "strategist", "vcse"], 200) },
    { method: "GET", url: "/neighbourhood/U01901/hjp/download?table=trend", expect: only(["commissioner", "strategist", "vcse"], 404) },
  ],
  "hjp.services.$id": [
    { method: "GET", url: "/hjp/services/1", expect: only(["commissioner", "strategist", "vcse"], 200) },
    { method: "GET", url: "/hjp/services/5", expect: { anonymous: "login", admin: 403, commissioner: 200, strategist: 200, vcse: 404 } },
    { method: "GET", url: "/hjp/services/9", expect: only(["commissioner", "strategist", "vcse"], 404) },
  ],
  // Strategy evidence packs. Pack 1 is the demo draft for Greater Manchester (db/seed/demo-packs.ts): its ICB's
  // commissioners and strategists (and administrators) read and edit it; a VCSE user sees only published packs
  // shared with their organisation, so a draft is not found. Sharing a draft is refused (409) and changes nothing.
  "packs._index": [{ method: "GET", url: "/packs", expect: signedIn(200) }],
  "packs.new": [
    { method: "GET", url: "/packs/new", expect: only(["admin", "commissioner", "strategist"], 200) },
    { method: "POST", url: "/packs/new", form: { title: "" }, expect: only(["admin", "commissioner", "strategist"], 400) },
  ],
  "packs.$id": [
    { method: "GET", url: "/packs/1", expect: { anonymous: "login", admin: 200, commissioner: 200, strategist: 200, vcse: 404 } },
    { method: "GET", url: "/packs/999999", expect: signedIn(404) },
    { method: "GET", url: "/packs/not-a-number", expect: signedIn(404) },
    { method: "POST", url: "/packs/1", form: { intent: "share" }, expect: { anonymous: "login", admin: 409, commissioner: 409, strategist: 409, vcse: 404 } },
  ],
  "packs.$id_.edit": [
    { method: "GET", url: "/packs/1/edit", expect: { anonymous: "login", admin: 200, commissioner: 200, strategist: 200, vcse: 404 } },
    { method: "POST", url: "/packs/1/edit", form: { title: "" }, expect: { anonymous: "login", admin: 400, commissioner: 400, strategist: 400, vcse: 404 } },
  ],
  "packs.$id_.pdf": [{ method: "GET", url: "/packs/1/pdf", expect: { anonymous: "login", admin: 200, commissioner: 200, strategist: 200, vcse: 404 } }],
  "packs.$id_.annex[.xlsx]": [{ method: "GET", url: "/packs/1/annex.xlsx", expect: { anonymous: "login", admin: 200, commissioner: 200, strategist: 200, vcse: 404 } }],
  "hjp.services.$id_.download": [
    { method: "GET", url: "/hjp/services/1/download?table=awards", expect: only(["commissioner", "strategist", "vcse"], 200) },
    { method: "GET", url: "/hjp/services/5/download?table=awards", expect: { anonymous: "login", admin: 403, commissioner: 200, strategist: 200, vcse: 404 } },
  ],
  // Demand modelling: the ICB's commissioners and strategists, administrators, and VCSE users of an organisation working
  // with the ICB (who see only scenarios shared with them); only commissioners and strategists create scenarios.
  "icb.$code.demand": [
    { method: "GET", url: "/icb/E54000057/demand", expect: signedIn(200) },
    { method: "GET", url: "/icb/E54000057/demand?annualIncidence=10&clientsPerFte=180", expect: signedIn(200) },
    { method: "GET", url: "/icb/E54000048/demand", expect: { anonymous: "login", admin: 200, commissioner: 403, strategist: 403, vcse: 403 } },
    { method: "GET", url: "/icb/E54000057/demand?scenario=999999", expect: signedIn(404) },
    { method: "GET", url: "/icb/E54000999/demand", expect: signedIn(404) },
  ],
  "icb.$code.demand_.neighbourhood.$pcn": [
    { method: "GET", url: "/icb/E54000057/demand/neighbourhood/U66368", expect: signedIn(200) },
    { method: "GET", url: "/icb/E54000057/demand/neighbourhood/U01901", expect: signedIn(404) },
  ],
  "icb.$code.demand_.scenarios.new": [
    { method: "GET", url: "/icb/E54000057/demand/scenarios/new?annualIncidence=10", expect: only(["commissioner", "strategist"], 200) },
    { method: "POST", url: "/icb/E54000057/demand/scenarios/new", form: { name: "" }, expect: only(["commissioner", "strategist"], 400) },
    { method: "GET", url: "/icb/E54000048/demand/scenarios/new", expect: only(["admin"], 403, 403) },
  ],
  "icb.$code.demand_.compare": [
    { method: "GET", url: "/icb/E54000057/demand/compare?a=default&b=default", expect: signedIn(200) },
    { method: "GET", url: "/icb/E54000057/demand/compare?a=default&b=999999", expect: signedIn(404) },
  ],
  "icb.$code.demand_.download": [
    { method: "GET", url: "/icb/E54000057/demand/download?format=csv", expect: signedIn(200) },
    { method: "GET", url: "/icb/E54000057/demand/download?format=xlsx&clientsPerFte=180", expect: signedIn(200) },
    { method: "GET", url: "/icb/E54000057/demand/download?format=pdf", expect: signedIn(400) },
    { method: "GET", url: "/icb/E54000048/demand/download?format=csv", expect: { anonymous: "login", admin: 200, commissioner: 403, strategist: 403, vcse: 403 } },
  ],
  // Partnership agreements (demo seed, in order): 1 ended (demo organisation), 2 active and renewing 1 (demo
  // organisation, with a synthetic document 1), 3 active (another organisation), 4 terminated, 5 draft MoU, 6 agreed.
  // VCSE users see only agreements their organisation is party to; strategists read; commissioners and admins change.
  "agreements._index": [
    { method: "GET", url: "/agreements", expect: signedIn(200) },
    { method: "GET", url: "/agreements?type=no-such-type", expect: signedIn(400) },
  ],
  "agreements.new": [
    { method: "GET", url: "/agreements/new", expect: only(["admin", "commissioner"], 200) },
    { method: "POST", url: "/agreements/new", form: { title: "" }, expect: only(["admin", "commissioner"], 400) },
  ],
  "agreements.$id": [
    { method: "GET", url: "/agreements/2", expect: signedIn(200) },
    { method: "GET", url: "/agreements/2?tab=delivery", expect: signedIn(200) },
    { method: "GET", url: "/agreements/3", expect: { anonymous: "login", admin: 200, commissioner: 200, strategist: 200, vcse: 404 } },
    { method: "GET", url: "/agreements/2?tab=galaxy", expect: signedIn(400) },
    { method: "GET", url: "/agreements/999999", expect: signedIn(404) },
    // An active agreement cannot be agreed again: those who may change it are told so; others may not try.
    { method: "POST", url: "/agreements/3", form: { intent: "agree", revision: "999" }, expect: { anonymous: "login", admin: 400, commissioner: 400, strategist: 403, vcse: 404 } },
  ],
  "agreements.$id_.edit": [
    { method: "GET", url: "/agreements/2/edit", expect: { anonymous: "login", admin: 200, commissioner: 200, strategist: 403, vcse: 403 } },
    { method: "GET", url: "/agreements/3/edit", expect: { anonymous: "login", admin: 200, commissioner: 200, strategist: 403, vcse: 404 } },
    // Ended agreements cannot be varied.
    { method: "GET", url: "/agreements/1/edit", expect: { anonymous: "login", admin: 409, commissioner: 409, strategist: 403, vcse: 403 } },
  ],
  "agreements.$id_.documents.$documentId": [
    { method: "GET", url: "/agreements/2/documents/1", expect: signedIn(200) },
    { method: "GET", url: "/agreements/3/documents/1", expect: signedIn(404) },
  ],
  "agreements.$id_.download": [
    { method: "GET", url: "/agreements/2/download?table=spend&format=csv", expect: signedIn(200) },
    { method: "GET", url: "/agreements/2/download?table=kpi-clients-advised&format=svg", expect: signedIn(200) },
    { method: "GET", url: "/agreements/3/download?table=spend", expect: { anonymous: "login", admin: 200, commissioner: 200, strategist: 200, vcse: 404 } },
    { method: "GET", url: "/agreements/2/download?table=x&format=pdf", expect: signedIn(400) },
  ],
  "agreements.export": [
    { method: "GET", url: "/agreements/export?format=csv", expect: signedIn(200) },
    { method: "GET", url: "/agreements/export?format=xlsx&status=active", expect: signedIn(200) },
    { method: "GET", url: "/agreements/export?format=pdf", expect: signedIn(400) },
  ],
  // VCSE returns (synthetic demo): the demo organisation submits services 1 and 8's returns, Greater Manchester's commissioners
  // review them and strategists read them; service 5 is another organisation's, service 9 in another ICB. The first
  // period with a requirement is four quarters ago; FIRST is its start date.
  "returns._index": [{ method: "GET", url: "/returns", expect: { anonymous: "login", admin: 403, commissioner: 302, strategist: 302, vcse: 200 } }],
  "returns.delivery": [{ method: "GET", url: "/returns/delivery", expect: only(["vcse"], 200) }],
  "icb.$code.returns": [
    { method: "GET", url: "/icb/E54000057/returns", expect: { anonymous: "login", admin: 403, commissioner: 200, strategist: 200, vcse: 403 } },
    { method: "GET", url: "/icb/E54000048/returns", expect: { anonymous: "login", admin: 403, commissioner: 404, strategist: 404, vcse: 403 } },
  ],
  "returns.$serviceId.$period": [
    { method: "GET", url: `/returns/1/${FIRST}`, expect: { anonymous: "login", admin: 403, commissioner: 200, strategist: 200, vcse: 200 } },
    { method: "GET", url: `/returns/5/${FIRST}`, expect: { anonymous: "login", admin: 403, commissioner: 200, strategist: 200, vcse: 404 } },
    { method: "GET", url: `/returns/9/${FIRST}`, expect: { anonymous: "login", admin: 403, commissioner: 404, strategist: 404, vcse: 404 } },
    // Submitting another organisation's return is not found; an empty submission of one's own is refused with the error summary.
    { method: "POST", url: `/returns/5/${FIRST}`, form: { intent: "submit", revision: "0" }, expect: { anonymous: "login", admin: 403, commissioner: 404, strategist: 404, vcse: 404 } },
    { method: "POST", url: `/returns/8/${LAST}`, form: { intent: "submit", revision: "0" }, expect: { anonymous: "login", admin: 403, commissioner: 404, strategist: 404, vcse: 400 } },
  ],
  "returns.$serviceId.$period_.upload": [
    { method: "GET", url: `/returns/8/${LAST}/upload`, expect: { anonymous: "login", admin: 403, commissioner: 404, strategist: 404, vcse: 200 } },
    { method: "GET", url: `/returns/5/${LAST}/upload`, expect: { anonymous: "login", admin: 403, commissioner: 404, strategist: 404, vcse: 404 } },
    { method: "POST", url: `/returns/5/${LAST}/upload`, form: { intent: "accept", uploadId: "1" }, expect: { anonymous: "login", admin: 403, commissioner: 404, strategist: 404, vcse: 404 } },
  ],
  "api.v1.returns.$serviceId.$period": [
    { method: "GET", url: `/api/v1/returns/1/${FIRST}`, expect: { anonymous: 401, admin: 403, commissioner: 200, strategist: 200, vcse: 200 } },
    { method: "GET", url: `/api/v1/returns/5/${FIRST}`, expect: { anonymous: 401, admin: 403, commissioner: 200, strategist: 200, vcse: 404 } },
    // Read-only: nobody submits a return through the API.
    { method: "POST", url: `/api/v1/returns/1/${FIRST}`, form: { clientsAdvised: "1" }, expect: all(405) },
  ],
  // Value for money: the same rule as the HJP dashboards (ICB roles their ICB's services, VCSE users their own organisation's).
  "icb.$code.value-for-money": [
    { method: "GET", url: "/icb/E54000057/value-for-money", expect: only(["commissioner", "strategist", "vcse"], 200) },
    { method: "GET", url: "/icb/E54000057/value-for-money?priceYear=2010", expect: only(["commissioner", "strategist", "vcse"], 400) },
    { method: "GET", url: "/icb/E54000048/value-for-money", expect: only(["commissioner", "strategist", "vcse"], 404) },
  ],
  "icb.$code.value-for-money_.download": [
    { method: "GET", url: "/icb/E54000057/value-for-money/download?table=places&format=xlsx", expect: only(["commissioner", "strategist", "vcse"], 200) },
    { method: "GET", url: "/icb/E54000057/value-for-money/download?table=no-such-table", expect: only(["commissioner", "strategist", "vcse"], 404) },
    { method: "GET", url: "/icb/E54000048/value-for-money/download?table=services", expect: only(["commissioner", "strategist", "vcse"], 404) },
  ],
  "place.$code_.value-for-money": [
    { method: "GET", url: "/place/E08000004/value-for-money", expect: only(["commissioner", "strategist", "vcse"], 200) },
    { method: "GET", url: "/place/E08000012/value-for-money", expect: only(["commissioner", "strategist", "vcse"], 404) },
  ],
  "place.$code_.value-for-money_.download": [
    { method: "GET", url: "/place/E08000004/value-for-money/download?table=neighbourhoods", expect: only(["commissioner", "strategist", "vcse"], 200) },
    { method: "GET", url: "/place/E08000012/value-for-money/download?table=neighbourhoods", expect: only(["commissioner", "strategist", "vcse"], 404) },
  ],
  "neighbourhood.$code_.value-for-money": [
    { method: "GET", url: "/neighbourhood/U66368/value-for-money", expect: only(["commissioner", "strategist", "vcse"], 200) },
    { method: "GET", url: "/neighbourhood/U01901/value-for-money", expect: only(["commissioner", "strategist", "vcse"], 404) },
  ],
  "neighbourhood.$code_.value-for-money_.download": [
    { method: "GET", url: "/neighbourhood/U66368/value-for-money/download?table=trend", expect: only(["commissioner", "strategist", "vcse"], 200) },
    { method: "GET", url: "/neighbourhood/U01901/value-for-money/download?table=trend", expect: only(["commissioner", "strategist", "vcse"], 404) },
  ],
  "hjp.services.$id_.value-for-money": [
    { method: "GET", url: "/hjp/services/1/value-for-money", expect: only(["commissioner", "strategist", "vcse"], 200) },
    { method: "GET", url: "/hjp/services/5/value-for-money", expect: { anonymous: "login", admin: 403, commissioner: 200, strategist: 200, vcse: 404 } },
    { method: "GET", url: "/hjp/services/9/value-for-money", expect: only(["commissioner", "strategist", "vcse"], 404) },
  ],
  "hjp.services.$id_.value-for-money_.download": [
    { method: "GET", url: "/hjp/services/1/value-for-money/download?table=estimate&format=xlsx", expect: only(["commissioner", "strategist", "vcse"], 200) },
    { method: "GET", url: "/hjp/services/5/value-for-money/download?table=trend", expect: { anonymous: "login", admin: 403, commissioner: 200, strategist: 200, vcse: 404 } },
  ],
  // The unit-cost library is reference information for every signed-in user; administrators change shipped values,
  // commissioners add and change their own ICB's (a shipped value is not found for them to change).
  "value-for-money.unit-costs._index": [
    { method: "GET", url: "/value-for-money/unit-costs", expect: signedIn(200) },
  ],
  "value-for-money.unit-costs.$id": [
    { method: "GET", url: "/value-for-money/unit-costs/new", expect: only(["admin", "commissioner"], 200) },
    { method: "POST", url: "/value-for-money/unit-costs/new", form: { code: "" }, expect: only(["admin", "commissioner"], 400) },
    { method: "GET", url: "/value-for-money/unit-costs/1", expect: { anonymous: "login", admin: 200, commissioner: 404, strategist: 403, vcse: 403 } },
    { method: "GET", url: "/value-for-money/unit-costs/999999", expect: only(["admin", "commissioner"], 404) },
  ],
  "value-for-money.inflation-index": [
    { method: "GET", url: "/value-for-money/inflation-index", expect: signedIn(200) },
    { method: "POST", url: "/value-for-money/inflation-index", form: { intent: "save", year: "" }, expect: only(["admin", "commissioner"], 400) },
  ],
};

function routeIds(): string[] {
  return fs
    .readdirSync("app/routes", { withFileTypes: true })
    .filter((e) => (e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) || (e.isDirectory() && fs.existsSync(`app/routes/${e.name}/route.tsx`)))
    .map((e) => e.name.replace(/\.tsx?$/, ""));
}

const contexts = new Map<Who, APIRequestContext>();
async function contextFor(who: Who, baseURL: string) {
  let ctx = contexts.get(who);
  if (!ctx) {
    ctx = await playwrightRequest.newContext({ baseURL });
    if (who !== "anonymous") {
      const res = await ctx.post("/login", { form: { email: `${who}@example.org`, password: DEMO_PASSWORD, redirectTo: "/" }, maxRedirects: 0 });
      expect(res.status(), `sign in as ${who}`).toBe(302);
    }
    contexts.set(who, ctx);
  }
  return ctx;
}

test.afterAll(async () => {
  for (const ctx of contexts.values()) await ctx.dispose();
  contexts.clear();
});

test("every route has an entry in the authorisation matrix", () => {
  const missing = routeIds().filter((id) => !(id in MATRIX));
  expect(missing, "routes with no authorisation matrix entry").toEqual([]);
});

test("every route answers each role as the matrix says", async ({ baseURL }) => {
  // Every route × every role, one request at a time: minutes on a loaded machine.
  // Every route for every role, one after another: dashboards that roll up a whole ICB take seconds each on a busy machine.
  test.setTimeout(600_000);
  const failures: string[] = [];
  for (const [route, checks] of Object.entries(MATRIX)) {
    for (const check of checks) {
      for (const who of Object.keys(check.expect) as Who[]) {
        // Signing out would end the shared session; it is covered by its own journey.
        if (route === "logout" && check.method === "POST") continue;
        const ctx = await contextFor(who, baseURL!);
        const res =
          check.method === "GET" ? await ctx.get(check.url, { maxRedirects: 0 }) : await ctx.post(check.url, { form: check.form ?? {}, maxRedirects: 0 });
        const expected = check.expect[who];
        const got = res.status();
        const location = res.headers()["location"] ?? "";
        const ok = expected === "login" ? got === 302 && location.startsWith("/login") : got === expected;
        if (!ok) failures.push(`${check.method} ${check.url} as ${who}: expected ${expected}, got ${got}${location ? ` → ${location}` : ""}`);
      }
    }
  }
  expect(failures).toEqual([]);
});
