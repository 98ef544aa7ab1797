import { describe, expect, it } from "vitest";
import { areaTypeFromCode, areaTypeSlug, areaTypesForQuery, importedAreaLevel } from "./area-types";

describe("area types", () => {
  it.each([
    ["England", "E92000001", "england"],
    ["Regions (statistical)", "E12000002", "region"],
    ["NHS region", "E40000014", "nhs-region"],
    ["ICBs", "E54000057", "icb"],
    ["ICB sub-locations", "E38000187", "sub-icb"],
    ["Sub-ICBs", "E38000187", "sub-icb"],
    ["PCNs (v. 01/04/23)", "U07506", "pcn"],
    ["GPs", "P84004", "gp-practice"],
    ["Combined authorities", "E47000001", "combined-authority"],
    ["County", "E10000017", "county"],
    ["UA", "E06000001", "ua"],
    ["District", "E07000117", "district"],
    ["Counties & UAs (from Apr 2023)", "E08000003", "ua"],
    ["Districts & UAs (from Apr 2023)", "E08000003", "ua"],
    ["District & UA (pre 4/19)", "E07000048", "district"],
    ["PHE Centre", "E45000010", "phe-centre"],
    ["Output areas of the future", "X1", "output-areas-of-the-future"],
  ])("reads %s (%s) as %s", (label, code, slug) => {
    expect(areaTypeSlug(label, code)).toBe(slug);
  });

  it("gives a unitary authority one type whichever tier the export lists it under", () => {
    expect(areaTypeSlug("Counties & UAs", "E06000008")).toBe(areaTypeSlug("Districts & UAs", "E06000008"));
  });

  it("answers a family or a source's label with the types it covers", () => {
    expect(areaTypesForQuery("county-ua")).toEqual(["county", "ua"]);
    expect(areaTypesForQuery("Counties & UAs (from Apr 2023)")).toEqual(["county", "ua"]);
    expect(areaTypesForQuery("district")).toEqual(["district"]);
    expect(areaTypesForQuery("ICB sub-locations")).toEqual(["sub-icb"]);
  });

  it("infers a parent's type from its code", () => {
    expect(areaTypeFromCode("E12000002")).toBe("region");
    expect(areaTypeFromCode("E38000217")).toBe("sub-icb");
    expect(areaTypeFromCode("E10000017")).toBe("county");
    expect(areaTypeFromCode("???")).toBe("unknown");
  });

  it("keeps imported areas apart from the footprint levels", () => {
    expect(importedAreaLevel("icb")).toBe("other-icb");
    expect(importedAreaLevel("district")).toBe("district");
  });
});
