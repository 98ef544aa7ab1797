import { describe, expect, it } from "vitest";
import * as vocabularies from "./vocabularies";
import { labelOf, normaliseTerm, PROBLEM_AREAS, problemCodes, SETTINGS, termLookup, type Vocabulary } from "./vocabularies";

const lists = Object.entries(vocabularies).filter(([, v]) => Array.isArray(v)) as [string, Vocabulary][];

describe("HJP vocabularies", () => {
  it.each(lists)("%s has unique kebab-case codes and unique labels", (_name, list) => {
    expect(list.length).toBeGreaterThan(1);
    for (const t of list) expect(t.code).toMatch(/^[a-z0-9]+(-[a-z0-9+]+)*$/);
    expect(new Set(list.map((t) => t.code)).size).toBe(list.length);
    expect(new Set(list.map((t) => t.label)).size).toBe(list.length);
  });

  it("covers the settings, problem areas and referral sources the brief names", () => {
    expect(SETTINGS.map((s) => s.code)).toEqual(["gp-practice", "hospital", "mental-health", "maternity", "hospice", "community", "remote"]);
    expect(PROBLEM_AREAS.map((p) => p.code)).toEqual(
      expect.arrayContaining(["welfare-benefits", "debt", "housing", "employment", "community-care", "immigration", "domestic-abuse", "family-child-protection", "consumer-utilities"]),
    );
    expect(vocabularies.REFERRAL_SOURCES.map((s) => s.code)).toEqual(
      expect.arrayContaining(["gp", "practice-nurse", "receptionist", "social-prescriber", "health-visitor", "midwife", "hospital-ward", "mental-health-team", "hospice", "self"]),
    );
    expect(vocabularies.ETHNIC_GROUPS.map((e) => e.code)).toEqual(["asian", "black", "mixed", "white", "other", "not-stated"]);
  });

  it("gives housing its disrepair, damp and mould, possession and homelessness sub-types and debt priority and non-priority", () => {
    expect(problemCodes()).toEqual(expect.arrayContaining(["housing:disrepair", "housing:damp-mould", "housing:possession", "housing:homelessness", "debt:priority", "debt:non-priority", "welfare-benefits:pip"]));
  });

  it.each([
    ["GP practice", "gp-practice"],
    ["gp_practice", "gp-practice"],
    ["  GP-PRACTICE ", "gp-practice"],
    ["Hospice", "hospice"],
  ])("reads %j as the code %s", (typed, code) => {
    expect(termLookup(SETTINGS).get(normaliseTerm(typed))).toBe(code);
  });

  it("labels a code, and passes through one it does not know", () => {
    expect(labelOf(SETTINGS, "gp-practice")).toBe("GP practice");
    expect(labelOf(SETTINGS, "nowhere")).toBe("nowhere");
    expect(labelOf(SETTINGS, null)).toBeNull();
  });
});
