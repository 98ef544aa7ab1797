import { describe, expect, it } from "vitest";
import { copyValue } from "./copy";

describe("COPY text values", () => {
  it.each([
    [null, "\\N"],
    [undefined, "\\N"],
    ["plain", "plain"],
    ["tab\there", "tab\\there"],
    ["line\nbreak\r", "line\\nbreak\\r"],
    ["back\\slash", "back\\\\slash"],
    [42, "42"],
    [23.5, "23.5"],
    [true, "t"],
    [false, "f"],
    [["housing", "debt:priority"], '{"housing","debt:priority"}'],
    [['say "hi"', "a\\b"], '{"say \\\\"hi\\\\"","a\\\\\\\\b"}'],
    [{ pip: 420000 }, '{"pip":420000}'],
  ])("writes %j as %j", (value, text) => {
    expect(copyValue(value)).toBe(text);
  });
});
