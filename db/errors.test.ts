import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./errors";

describe("database unavailability", () => {
  it.each([
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), true],
    ["a server shutting down (57P01)", Object.assign(new Error("terminating connection"), { code: "57P01" }), true],
    ["a closed postgres.js connection", Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" }), true],
    ["a wrapped driver error", Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("x"), { code: "57P03" }) }), true],
    ["a syntax error (42601)", Object.assign(new Error("syntax error"), { code: "42601" }), false],
    ["a unique violation (23505)", Object.assign(new Error("duplicate key"), { code: "23505" }), false],
    ["a plain error", new Error("boom"), false],
    ["nothing", null, false],
  ])("tells %s", (_name, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});
