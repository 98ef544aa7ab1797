import { expect, test } from "vitest";
import { canCommentOnAgreement, canCreateAgreement, canEditAgreement, canReadAgreement } from "./agreement-access";
import type { Actor } from "./permissions";

const commissioner: Actor = { id: 1, role: "commissioner", icbCode: "E54000057", organisationId: null };
const strategist: Actor = { id: 2, role: "strategist", icbCode: "E54000057", organisationId: null };
const vcse: Actor = { id: 3, role: "vcse", icbCode: null, organisationId: 7 };
const admin: Actor = { id: 4, role: "admin", icbCode: null, organisationId: null };
const ours = { icbCode: "E54000057", organisationIds: [7, 9] };
const theirs = { icbCode: "E54000048", organisationIds: [8] };

test.each([
  ["a commissioner", commissioner, ours, [true, true, true]],
  ["a commissioner, another ICB's agreement,", commissioner, theirs, [false, false, false]],
  ["a strategist", strategist, ours, [true, false, false]],
  ["a strategist, another ICB's agreement,", strategist, theirs, [false, false, false]],
  ["a VCSE user party to it", vcse, ours, [true, false, true]],
  ["a VCSE user not party to it", vcse, { icbCode: "E54000057", organisationIds: [8] }, [false, false, false]],
  ["an administrator", admin, theirs, [true, true, true]],
  ["nobody signed in", null, ours, [false, false, false]],
] as const)("%s may read, edit and comment: %j", (_who, actor, scope, [read, edit, comment]) => {
  expect([canReadAgreement(actor, scope), canEditAgreement(actor, scope), canCommentOnAgreement(actor, scope)]).toEqual([read, edit, comment]);
});

test.each([
  [commissioner, "E54000057", true],
  [commissioner, "E54000048", false],
  [commissioner, null, true],
  [strategist, "E54000057", false],
  [vcse, null, false],
  [admin, "E54000048", true],
] as const)("%j may create agreements for %s: %s", (actor, icb, expected) => {
  expect(canCreateAgreement(actor, icb)).toBe(expected);
});
