import fs from "node:fs";
import path from "node:path";
import { transform } from "esbuild";
import { describe, expect, it } from "vitest";

/**
 * A rule left open swallows every rule after it: browsers read them as nested rules that
 * match nothing (three merges once left the agreement, pack and value-for-money styles
 * applying nowhere, and the value-for-money ones only in print). The build only warns.
 */
describe("the app's stylesheet", () => {
  it("parses without a warning, so every rule applies where it is written", async () => {
    const css = fs.readFileSync(path.join(import.meta.dirname, "app.css"), "utf8");
    const { warnings } = await transform(css, { loader: "css" });
    expect(warnings.map((w) => `line ${w.location?.line}: ${w.text}`)).toEqual([]);
  });

  it("keeps screen rules at the top level and the page layout inside the print media query", async () => {
    const css = fs.readFileSync(path.join(import.meta.dirname, "app.css"), "utf8");
    const { code } = await transform(css, { loader: "css", minify: true });
    // How many blocks are open where the rule starts (the stylesheet has no braces in strings).
    const depth = (needle: string) => {
      const at = code.indexOf(needle);
      expect(at, needle).toBeGreaterThan(-1);
      let open = 0;
      for (const c of code.slice(0, at)) open += c === "{" ? 1 : c === "}" ? -1 : 0;
      return open;
    };
    for (const rule of [".app-subnav{", ".app-attention{", ".app-pack-actions{", ".app-vfm-filter{", ".app-link-button{", "@media print{"]) expect(depth(rule), rule).toBe(0);
    expect(depth("@page{")).toBe(1);
  });
});
