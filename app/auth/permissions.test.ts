import { describe, expect, it } from "vitest";
import { type Actor, canAccess, hasPermission, PERMISSIONS } from "./permissions";

const commissioner: Actor = { id: 1, role: "commissioner", icbCode: "E54000057", organisationId: null };
const strategist: Actor = { id: 2, role: "strategist", icbCode: "E54000057", organisationId: null };
const vcse: Actor = { id: 3, role: "vcse", icbCode: null, organisationId: 7 };
const admin: Actor = { id: 4, role: "admin", icbCode: null, organisationId: null };

describe("permissions", () => {
  it.each([
    ["a commissioner edits their own ICB's agreements", commissioner, "update", "agreement", { icbCode: "E54000057" }, true],
    ["a commissioner cannot edit another ICB's agreements", commissioner, "update", "agreement", { icbCode: "E54000048" }, false],
    ["a strategist reads their ICB's agreements", strategist, "read", "agreement", { icbCode: "E54000057" }, true],
    ["a strategist cannot change agreements", strategist, "update", "agreement", { icbCode: "E54000057" }, false],
    ["a strategist cannot change funding", strategist, "update", "funding", { icbCode: "E54000057" }, false],
    ["a VCSE user reads their own organisation's agreements", vcse, "read", "agreement", { organisationId: 7 }, true],
    ["a VCSE user cannot read another organisation's agreements", vcse, "read", "agreement", { organisationId: 8 }, false],
    ["a VCSE user cannot read a record with no organisation", vcse, "read", "agreement", { organisationId: null }, false],
    ["a VCSE user cannot see scenarios", vcse, "read", "scenario", { organisationId: 7 }, false],
    ["an admin manages any user", admin, "manage", "users", {}, true],
    ["an admin may edit any ICB's agreements", admin, "update", "agreement", { icbCode: "E54000048" }, true],
    ["nobody signed out can read indicators", null, "read", "indicators", {}, false],
  ] as const)("%s", (_name, actor, action, entity, scope, expected) => {
    expect(canAccess(actor, action, entity, scope)).toBe(expected);
  });

  it("lets every role read the public population-health indicators", () => {
    for (const role of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(hasPermission({ role }, "read:indicators:any")).toBe(true);
    }
  });

  it("gives admins user management and nobody else", () => {
    expect(hasPermission(admin, "manage:users:any")).toBe(true);
    expect(hasPermission(commissioner, "manage:users:any")).toBe(false);
    expect(hasPermission(vcse, "manage:users:any")).toBe(false);
  });
});
