import { describe, expect, it } from "vitest";
import { parseBundled } from "../reference-data/read-bundled";
import { parser } from "./parse";

describe("boundaries-lad parser", () => {
  const parsed = parseBundled(parser, "boundaries/ons_lad_may2024_uk_bsc.geojson.gz");

  it("reads the 296 English local authority districts and skips the 65 other UK areas", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(296);
    expect(parsed.skipped).toEqual({ "outside England (Scotland, Wales or Northern Ireland): out of scope": 65 });
  });

  it("keeps the May 2024 codes and names, e.g. Trafford and the districts of Kent", () => {
    const byCode = new Map(parsed.records.map((r) => [r.code, r]));
    expect(byCode.get("E08000009")?.name).toBe("Trafford");
    expect(byCode.get("E07000116")?.name).toBe("Tunbridge Wells");
    expect(byCode.get("E08000009")?.vintage).toBe("24");
  });
});
