import { describe, expect, test } from "vitest";
import { type AgreementStatus, availableActions, canRenew, canVary, isVariation, type LifecycleAction, renewalTerm, termProblems, transition } from "./lifecycle";

describe("transition", () => {
  test.each<[AgreementStatus, LifecycleAction, string | null, AgreementStatus | null]>([
    ["draft", "agree", null, "agreed"],
    ["agreed", "activate", null, "active"],
    ["active", "end", null, "ended"],
    ["draft", "terminate", "Provider withdrew", "terminated"],
    ["agreed", "terminate", "Funding withdrawn", "terminated"],
    ["active", "terminate", "Breach of data-sharing terms", "terminated"],
    ["draft", "activate", null, null],
    ["draft", "end", null, null],
    ["agreed", "agree", null, null],
    ["active", "agree", null, null],
    ["ended", "activate", null, null],
    ["ended", "terminate", "Too late", null],
    ["terminated", "agree", null, null],
    ["terminated", "activate", null, null],
  ])("from %s, %s (reason %s) gives %s", (status, action, reason, expected) => {
    const result = transition(status, action, { reason });
    if (expected) expect(result).toEqual({ ok: true, status: expected });
    else expect(result.ok).toBe(false);
  });

  test.each(["", "   ", null, undefined])("termination without a reason (%j) is refused with a message", (reason) => {
    expect(transition("active", "terminate", { reason })).toEqual({ ok: false, message: "Enter the reason the agreement is being terminated" });
  });

  test("a refused transition says what state the agreement is in", () => {
    expect(transition("ended", "activate")).toEqual({ ok: false, message: "An agreement that is ended cannot be made active" });
  });
});

test.each<[AgreementStatus, LifecycleAction[]]>([
  ["draft", ["agree", "terminate"]],
  ["agreed", ["activate", "terminate"]],
  ["active", ["end", "terminate"]],
  ["ended", []],
  ["terminated", []],
])("a %s agreement offers %j", (status, actions) => {
  expect(availableActions(status)).toEqual(actions);
});

test.each<[AgreementStatus, boolean, boolean]>([
  ["draft", true, false],
  ["agreed", true, true],
  ["active", true, true],
  ["ended", false, true],
  ["terminated", false, true],
])("a %s agreement can be varied: %s; an edit is a variation: %s", (status, vary, variation) => {
  expect(canVary(status)).toBe(vary);
  expect(isVariation(status)).toBe(variation);
});

test.each<[AgreementStatus, boolean, boolean]>([
  ["active", false, true],
  ["ended", false, true],
  ["active", true, false],
  ["ended", true, false],
  ["draft", false, false],
  ["agreed", false, false],
  ["terminated", false, false],
])("a %s agreement (successor already: %s) can be renewed: %s", (status, hasSuccessor, expected) => {
  expect(canRenew(status, hasSuccessor)).toBe(expected);
});

test.each([
  [{ startDate: "2024-04-01", endDate: "2025-03-31", reviewDate: "2025-01-01" }, { startDate: "2025-04-01", endDate: "2026-03-31", reviewDate: "2026-01-01" }],
  [{ startDate: "2023-04-01", endDate: "2026-03-31", reviewDate: null }, { startDate: "2026-04-01", endDate: "2029-03-31", reviewDate: null }],
  [{ startDate: "2025-01-15", endDate: "2025-07-14", reviewDate: null }, { startDate: "2025-07-15", endDate: "2026-01-14", reviewDate: null }],
])("renewing %j gives the term %j", (term, expected) => {
  expect(renewalTerm(term)).toEqual(expected);
});

test.each([
  [{ startDate: "2025-04-01", endDate: "2026-03-31", reviewDate: "2025-10-01" }, []],
  [{ startDate: "2025-04-01", endDate: "2025-04-01", reviewDate: null }, []],
  [{ startDate: "2025-04-01", endDate: "2025-03-31", reviewDate: null }, ["endDate"]],
  [{ startDate: "2025-04-01", endDate: "2026-03-31", reviewDate: "2026-04-01" }, ["reviewDate"]],
  [{ startDate: "2025-04-01", endDate: "2026-03-31", reviewDate: "2025-03-01" }, ["reviewDate"]],
])("the term %j has problems with %j", (term, fields) => {
  expect(termProblems(term).map((p) => p.field)).toEqual(fields);
});
