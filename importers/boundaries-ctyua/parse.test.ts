import { describe, expect, it } from "vitest";
import { parseBundled } from "../reference-data/read-bundled";
import { parser } from "./parse";

describe("boundaries-ctyua parser", () => {
  const parsed = parseBundled(parser, "boundaries/ons_ctyua_dec2023_uk_bsc.geojson.gz");

  it("reads the 153 English counties and unitary authorities and skips the 65 other UK areas", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(153);
    expect(parsed.skipped).toEqual({ "outside England (Scotland, Wales or Northern Ireland): out of scope": 65 });
  });
});
