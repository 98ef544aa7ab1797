/**
 * Reads the bundled files the footprint builder needs and parses them, for tests and
 * hand checks (the running product reads the same records from the database).
 */
import type { FootprintInputs } from "../../app/domain/geography/inputs";
import { manifest } from "./manifest";
import { referenceParsers, type ReferenceSource } from "./parsers";
import { type ParsedFile, parseBundled } from "./read-bundled";
import type { SourceParser } from "../shared/types";

function load<R>(source: ReferenceSource, parser: SourceParser<R>): ParsedFile<R> {
  const entry = manifest.find((m) => m.source === source);
  if (!entry) throw new Error(`no bundled file for ${source}`);
  const parsed = parseBundled(parser, entry.file);
  if (parsed.errors.length) throw new Error(`${entry.file}: ${parsed.errors.length} errors, first: ${JSON.stringify(parsed.errors[0])}`);
  return parsed;
}

export type LoadedInputs = {
  inputs: FootprintInputs;
  /** Skip counts by reason, per source (e.g. Welsh LSOAs in the Census). */
  skipped: Record<string, ParsedFile<unknown>["skipped"]>;
};

export function loadFootprintInputs(): LoadedInputs {
  const lsoaIcb = load("lsoa-icb", referenceParsers["lsoa-icb"]);
  const lsoaLad = load("lsoa-lad", referenceParsers["lsoa-lad"]);
  const ladUtla = load("lad-utla", referenceParsers["lad-utla"]);
  const censusAge = load("census-age", referenceParsers["census-age"]);
  const imdLsoa = load("imd2025-lsoa", referenceParsers["imd2025-lsoa"]);
  const practiceMapping = load("qof-mapping", referenceParsers["qof-mapping"]);
  const practiceLists = load("qof-prevalence", referenceParsers["qof-prevalence"]);
  const practiceLocations = load("practice-locations", referenceParsers["practice-locations"]);
  const pcnImd = load("pcn-imd", referenceParsers["pcn-imd"]);
  return {
    inputs: {
      lsoaIcb: lsoaIcb.records,
      lsoaLad: lsoaLad.records,
      ladUtla: ladUtla.records,
      censusAge: censusAge.records,
      imdLsoa: imdLsoa.records,
      practiceMapping: practiceMapping.records,
      practiceLists: practiceLists.records,
      practiceLocations: practiceLocations.records,
      pcnImd: pcnImd.records,
    },
    skipped: {
      "lsoa-lad": lsoaLad.skipped,
      "lad-utla": ladUtla.skipped,
      "census-age": censusAge.skipped,
      "pcn-imd": pcnImd.skipped,
    },
  };
}
