/**
 * England's ICS geography as the product shows it: 42 systems (ICBs), their places
 * and their neighbourhoods (PCNs), with population and deprivation, built from the
 * parsed reference data by pure functions (no I/O).
 *
 * Two kinds of population never mix: places, sub-ICB locations and ICBs count Census
 * 2021 residents of their LSOAs; PCNs count patients registered with their practices
 * (QOF 2022-23). Deprivation is IMD 2025 (population-weighted over LSOAs) for the
 * former and the derived, patient-weighted IMD 2019 score for PCNs.
 */
import { type AreaExceptions, buildAreas, type Icb, type Place, type SubIcb } from "./areas";
import type { FootprintInputs } from "./inputs";
import { buildNeighbourhoods, type NeighbourhoodExceptions, type Pcn } from "./neighbourhoods";

export type Footprint = {
  icbs: Icb[];
  subIcbs: SubIcb[];
  places: Place[];
  pcns: Pcn[];
  /** Every exception met, by the rules stated on buildAreas and buildNeighbourhoods. */
  exceptions: AreaExceptions & NeighbourhoodExceptions;
};

export function buildFootprint(input: FootprintInputs): Footprint {
  const areas = buildAreas(input);
  const { pcns, exceptions } = buildNeighbourhoods(areas, input);
  return {
    icbs: areas.icbs,
    subIcbs: areas.subIcbs,
    places: areas.places,
    pcns,
    exceptions: { ...areas.exceptions, ...exceptions },
  };
}

/** One ICB with its places and PCNs, as its page lists them. */
export type IcbFootprint = { icb: Icb; places: (Place & { pcns: Pcn[] })[]; pcns: Pcn[] };

/** The places of an ICB, each with the PCNs listed under it (by their largest share). */
export function icbFootprint(footprint: Footprint, icbCode: string): IcbFootprint | null {
  const icb = footprint.icbs.find((i) => i.code === icbCode || i.odsCode === icbCode);
  if (!icb) return null;
  const pcns = footprint.pcns.filter((p) => p.icbCode === icb.code);
  const places = footprint.places
    .filter((p) => p.icbCode === icb.code)
    .map((place) => ({ ...place, pcns: pcns.filter((p) => p.placeId === place.id) }));
  return { icb, places, pcns };
}
