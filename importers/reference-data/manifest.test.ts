import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { manifest } from "./manifest";
import { referenceParsers } from "./parsers";
import { bundledPath, REFERENCE_DATA_DIR } from "./read-bundled";

const bundledFiles = (dir = REFERENCE_DATA_DIR, prefix = ""): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? bundledFiles(`${dir}/${e.name}`, `${prefix}${e.name}/`) : e.name.endsWith(".gz") ? [`${prefix}${e.name}`] : [],
  );

describe("reference-data manifest", () => {
  it("names each source once, with a parser and a bundled file", () => {
    const sources = manifest.map((m) => m.source);
    expect(new Set(sources).size).toBe(sources.length);
    for (const m of manifest) {
      expect(Object.keys(referenceParsers)).toContain(m.source);
      expect(fs.existsSync(bundledPath(m.file))).toBe(true);
    }
    expect(Object.keys(referenceParsers).sort()).toEqual([...sources].sort());
  });

  it("loads lookups before the files that join to them", () => {
    const at = (source: string) => manifest.findIndex((m) => m.source === source);
    expect(at("lsoa-icb")).toBeLessThan(at("lsoa-lad"));
    expect(at("lsoa-lad")).toBeLessThan(at("lad-utla"));
    expect(at("lad-utla")).toBeLessThan(at("census-age"));
    expect(at("qof-mapping")).toBeLessThan(at("qof-prevalence"));
    expect(at("qof-mapping")).toBeLessThan(at("practice-locations"));
    expect(at("qof-mapping")).toBeLessThan(at("pcn-imd"));
    expect(at("imd2025-lsoa")).toBeLessThan(at("boundaries-icb"));
  });

  it("keeps the bundle well under 30 MB and documents every file in PROVENANCE.md", () => {
    const files = bundledFiles();
    const bytes = files.reduce((s, f) => s + fs.statSync(bundledPath(f)).size, 0);
    expect(bytes).toBeLessThan(15 * 1024 * 1024);
    const provenance = fs.readFileSync(bundledPath("PROVENANCE.md"), "utf8");
    for (const f of files) expect(provenance, f).toContain(`\`${f}\``);
  });
});
