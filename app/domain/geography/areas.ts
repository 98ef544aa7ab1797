/**
 * Systems (ICBs), sub-ICB locations and places, built from LSOAs.
 *
 * Every area here is a set of LSOA 2021s, so its resident population (Census 2021)
 * and deprivation (IMD 2025) are sums and population-weighted means over its LSOAs,
 * and the places of an ICB add up exactly to the ICB.
 */
import type { CensusAgeRow, ImdLsoaRow, LadUtlaRow, LsoaIcbRow, LsoaLadRow } from "./inputs";

/** Census 2021 usual residents. Bands split at 20 and 65: Census has no 18+ split. */
export type ResidentPopulation = { total: number; aged0to19: number; aged20to64: number; aged65plus: number };

export type Icb = {
  /** ONS code (2024). */
  code: string;
  /** ODS code, e.g. QOP: stable across the April 2023 ONS recoding. */
  odsCode: string;
  name: string;
  lsoaCount: number;
  population: ResidentPopulation;
  /** IMD 2025 score, mean of LSOA scores weighted by Census 2021 population. */
  imd2025Score: number | null;
  placeIds: string[];
  subIcbCodes: string[];
};

export type AreaShare = { population: number; share: number };

export type SubIcb = {
  code: string;
  odsCode: string;
  name: string;
  icbCode: string;
  lsoaCount: number;
  population: ResidentPopulation;
  imd2025Score: number | null;
  /** The places this sub-ICB location overlaps, with their share of its population. */
  places: ({ placeId: string; utlaName: string } & AreaShare)[];
};

export type Place = {
  /** `${icbCode}/${utlaCode}`: one place per upper-tier authority and ICB. */
  id: string;
  icbCode: string;
  utlaCode: string;
  utlaName: string;
  /** The lower-tier districts (or the unitary itself) whose LSOAs make up this place. */
  districts: { ladCode: string; ladName: string; lsoaCount: number; population: number }[];
  lsoaCount: number;
  population: ResidentPopulation;
  imd2025Score: number | null;
  /** The sub-ICB location(s) the place falls in, with their share of its population. */
  subIcbs: ({ code: string; odsCode: string; name: string } & AreaShare)[];
  /** This part's share of the whole authority's population (1 unless the authority is split). */
  shareOfAuthority: number;
  /** True when the authority has LSOAs in more than one ICB. */
  authoritySplit: boolean;
};

export type SplitAuthority = {
  utlaCode: string;
  utlaName: string;
  parts: { placeId: string; icbCode: string; lsoaCount: number; population: number; share: number }[];
  /** Districts that are themselves split (the rest of the split follows district lines). */
  splitDistricts: { ladCode: string; ladName: string; icbs: { icbCode: string; lsoaCount: number }[] }[];
};

export type AreaExceptions = {
  /** LSOAs in the ICB lookup with no district, no upper-tier authority, no Census count or no IMD score. */
  lsoasWithoutDistrict: string[];
  lsoasWithoutUpperTier: string[];
  lsoasWithoutCensus: string[];
  lsoasWithoutImd2025: string[];
  /** Upper-tier authorities with LSOAs in more than one ICB: one place in each. */
  splitAuthorities: SplitAuthority[];
};

export type Areas = {
  icbs: Icb[];
  subIcbs: SubIcb[];
  places: Place[];
  /** Where each LSOA sits, for placing practices. */
  lsoaIndex: Map<string, { icbCode: string; sicblCode: string; ladCode: string | null; utlaCode: string | null }>;
  exceptions: AreaExceptions;
};

/** Accumulates population and population-weighted IMD over LSOAs. */
class Tally {
  lsoaCount = 0;
  total = 0;
  aged0to19 = 0;
  aged20to64 = 0;
  aged65plus = 0;
  private imdWeighted = 0;
  private imdWeight = 0;

  add(people: PeopleOfLsoa | undefined, imdScore: number | undefined) {
    this.lsoaCount++;
    if (!people) return;
    this.total += people.total;
    this.aged0to19 += people.aged0to19;
    this.aged20to64 += people.aged20to64;
    this.aged65plus += people.aged65plus;
    if (imdScore !== undefined) {
      this.imdWeighted += imdScore * people.total;
      this.imdWeight += people.total;
    }
  }

  population(): ResidentPopulation {
    return { total: this.total, aged0to19: this.aged0to19, aged20to64: this.aged20to64, aged65plus: this.aged65plus };
  }

  imd(): number | null {
    return this.imdWeight > 0 ? this.imdWeighted / this.imdWeight : null;
  }
}

type PeopleOfLsoa = ResidentPopulation;

/**
 * Splits an LSOA's age bands into 0–19, 20–64 and 65+. A band goes by its lower age;
 * the Census 2021 five-year bands all fall wholly on one side of 20 and 65.
 */
function peopleOf(row: CensusAgeRow): PeopleOfLsoa {
  let aged0to19 = 0;
  let aged20to64 = 0;
  let aged65plus = 0;
  for (const b of row.bands) {
    if (b.fromAge >= 65) aged65plus += b.count;
    else if (b.fromAge >= 20) aged20to64 += b.count;
    else aged0to19 += b.count;
  }
  return { total: row.total, aged0to19, aged20to64, aged65plus };
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

export const placeId = (icbCode: string, utlaCode: string) => `${icbCode}/${utlaCode}`;

/**
 * Builds ICBs, sub-ICB locations and places from the LSOA lookups, Census 2021 and
 * IMD 2025.
 *
 * Rules:
 * - An ICB and a sub-ICB location are the LSOAs the 2024 lookup gives them.
 * - A place is an upper-tier local authority (county or unitary) within an ICB: the
 *   LSOAs of the ICB whose district (LAD 2024) lies in that authority. An authority
 *   split between ICBs therefore gives one place in each, however small the part; each
 *   split is listed in `splitAuthorities` with its parts' population shares.
 * - Population is the Census 2021 usual residents of the LSOAs; IMD 2025 is the mean of
 *   the LSOA scores weighted by that population.
 * - An LSOA missing from a lookup, the Census or the IMD is listed; it then counts in
 *   whatever it can (an LSOA without a district is in its ICB and sub-ICB, in no place).
 */
export function buildAreas(input: {
  lsoaIcb: readonly LsoaIcbRow[];
  lsoaLad: readonly LsoaLadRow[];
  ladUtla: readonly LadUtlaRow[];
  censusAge: readonly CensusAgeRow[];
  imdLsoa: readonly ImdLsoaRow[];
}): Areas {
  const ladOf = new Map(input.lsoaLad.map((r) => [r.lsoaCode, r]));
  const utlaOf = new Map(input.ladUtla.map((r) => [r.ladCode, r]));
  const peopleByLsoa = new Map(input.censusAge.map((r) => [r.lsoaCode, peopleOf(r)]));
  const imdByLsoa = new Map(input.imdLsoa.map((r) => [r.lsoaCode, r.imdScore]));

  const exceptions: AreaExceptions = {
    lsoasWithoutDistrict: [],
    lsoasWithoutUpperTier: [],
    lsoasWithoutCensus: [],
    lsoasWithoutImd2025: [],
    splitAuthorities: [],
  };

  type IcbAcc = { row: LsoaIcbRow; tally: Tally; places: Set<string>; subIcbs: Set<string> };
  type SubIcbAcc = { row: LsoaIcbRow; tally: Tally; byPlace: Map<string, number> };
  type PlaceAcc = {
    icbCode: string;
    utlaCode: string;
    utlaName: string;
    tally: Tally;
    districts: Map<string, { ladName: string; lsoaCount: number; population: number }>;
    bySubIcb: Map<string, number>;
  };
  const icbs = new Map<string, IcbAcc>();
  const subIcbs = new Map<string, SubIcbAcc>();
  const places = new Map<string, PlaceAcc>();
  const lsoaIndex: Areas["lsoaIndex"] = new Map();
  // district → ICB → LSOA count, to describe split authorities
  const ladIcbs = new Map<string, Map<string, number>>();

  for (const row of input.lsoaIcb) {
    const people = peopleByLsoa.get(row.lsoaCode);
    const imd = imdByLsoa.get(row.lsoaCode);
    if (!people) exceptions.lsoasWithoutCensus.push(row.lsoaCode);
    if (imd === undefined) exceptions.lsoasWithoutImd2025.push(row.lsoaCode);
    const residents = people?.total ?? 0;

    const icb = getOrCreate(icbs, row.icbCode, () => ({ row, tally: new Tally(), places: new Set<string>(), subIcbs: new Set<string>() }));
    icb.tally.add(people, imd);
    icb.subIcbs.add(row.sicblCode);
    const sub = getOrCreate(subIcbs, row.sicblCode, () => ({ row, tally: new Tally(), byPlace: new Map<string, number>() }));
    sub.tally.add(people, imd);

    const lad = ladOf.get(row.lsoaCode);
    const utla = lad ? utlaOf.get(lad.ladCode) : undefined;
    lsoaIndex.set(row.lsoaCode, {
      icbCode: row.icbCode,
      sicblCode: row.sicblCode,
      ladCode: lad?.ladCode ?? null,
      utlaCode: utla?.utlaCode ?? null,
    });
    if (!lad) {
      exceptions.lsoasWithoutDistrict.push(row.lsoaCode);
      continue;
    }
    const perIcb = getOrCreate(ladIcbs, lad.ladCode, () => new Map<string, number>());
    perIcb.set(row.icbCode, (perIcb.get(row.icbCode) ?? 0) + 1);
    if (!utla) {
      exceptions.lsoasWithoutUpperTier.push(row.lsoaCode);
      continue;
    }
    const id = placeId(row.icbCode, utla.utlaCode);
    const place = getOrCreate(places, id, () => ({
      icbCode: row.icbCode,
      utlaCode: utla.utlaCode,
      utlaName: utla.utlaName,
      tally: new Tally(),
      districts: new Map<string, { ladName: string; lsoaCount: number; population: number }>(),
      bySubIcb: new Map<string, number>(),
    }));
    place.tally.add(people, imd);
    const district = getOrCreate(place.districts, lad.ladCode, () => ({ ladName: lad.ladName, lsoaCount: 0, population: 0 }));
    district.lsoaCount++;
    district.population += residents;
    place.bySubIcb.set(row.sicblCode, (place.bySubIcb.get(row.sicblCode) ?? 0) + residents);
    sub.byPlace.set(id, (sub.byPlace.get(id) ?? 0) + residents);
    icb.places.add(id);
  }

  // Whole-authority populations, to give each part its share.
  const authorityPopulation = new Map<string, number>();
  const partsOfAuthority = new Map<string, string[]>();
  for (const [id, p] of places) {
    authorityPopulation.set(p.utlaCode, (authorityPopulation.get(p.utlaCode) ?? 0) + p.tally.total);
    getOrCreate(partsOfAuthority, p.utlaCode, () => []).push(id);
  }

  const byCode = <T extends { code: string }>(a: T, b: T) => a.code.localeCompare(b.code);

  const placeList: Place[] = [...places.entries()].map(([id, p]) => {
    const total = p.tally.total;
    return {
      id,
      icbCode: p.icbCode,
      utlaCode: p.utlaCode,
      utlaName: p.utlaName,
      districts: [...p.districts.entries()]
        .map(([ladCode, d]) => ({ ladCode, ...d }))
        .sort((a, b) => a.ladCode.localeCompare(b.ladCode)),
      lsoaCount: p.tally.lsoaCount,
      population: p.tally.population(),
      imd2025Score: p.tally.imd(),
      subIcbs: [...p.bySubIcb.entries()]
        .map(([code, population]) => {
          const s = subIcbs.get(code)!.row;
          return { code, odsCode: s.sicblOdsCode, name: s.sicblName, population, share: share(population, total) };
        })
        .sort((a, b) => b.population - a.population || a.code.localeCompare(b.code)),
      shareOfAuthority: share(total, authorityPopulation.get(p.utlaCode) ?? 0),
      authoritySplit: (partsOfAuthority.get(p.utlaCode)?.length ?? 0) > 1,
    };
  });
  placeList.sort((a, b) => a.icbCode.localeCompare(b.icbCode) || a.utlaName.localeCompare(b.utlaName));
  const placeById = new Map(placeList.map((p) => [p.id, p]));

  for (const [utlaCode, ids] of partsOfAuthority) {
    if (ids.length < 2) continue;
    const parts = ids.map((id) => placeById.get(id)!).sort((a, b) => b.population.total - a.population.total);
    const ladCodes = new Set(parts.flatMap((p) => p.districts.map((d) => d.ladCode)));
    exceptions.splitAuthorities.push({
      utlaCode,
      utlaName: parts[0].utlaName,
      parts: parts.map((p) => ({
        placeId: p.id,
        icbCode: p.icbCode,
        lsoaCount: p.lsoaCount,
        population: p.population.total,
        share: p.shareOfAuthority,
      })),
      splitDistricts: [...ladCodes]
        .filter((lad) => (ladIcbs.get(lad)?.size ?? 0) > 1)
        .sort()
        .map((ladCode) => ({
          ladCode,
          ladName: parts.flatMap((p) => p.districts).find((d) => d.ladCode === ladCode)!.ladName,
          icbs: [...ladIcbs.get(ladCode)!.entries()]
            .map(([icbCode, lsoaCount]) => ({ icbCode, lsoaCount }))
            .sort((a, b) => b.lsoaCount - a.lsoaCount),
        })),
    });
  }
  exceptions.splitAuthorities.sort((a, b) => a.utlaName.localeCompare(b.utlaName));

  const icbList: Icb[] = [...icbs.entries()]
    .map(([code, i]) => ({
      code,
      odsCode: i.row.icbOdsCode,
      name: i.row.icbName,
      lsoaCount: i.tally.lsoaCount,
      population: i.tally.population(),
      imd2025Score: i.tally.imd(),
      placeIds: [...i.places].sort((a, b) => placeById.get(a)!.utlaName.localeCompare(placeById.get(b)!.utlaName)),
      subIcbCodes: [...i.subIcbs].sort(),
    }))
    .sort(byCode);

  const subIcbList: SubIcb[] = [...subIcbs.entries()]
    .map(([code, s]) => {
      const total = s.tally.total;
      return {
        code,
        odsCode: s.row.sicblOdsCode,
        name: s.row.sicblName,
        icbCode: s.row.icbCode,
        lsoaCount: s.tally.lsoaCount,
        population: s.tally.population(),
        imd2025Score: s.tally.imd(),
        places: [...s.byPlace.entries()]
          .map(([id, population]) => ({ placeId: id, utlaName: placeById.get(id)!.utlaName, population, share: share(population, total) }))
          .sort((a, b) => b.population - a.population),
      };
    })
    .sort(byCode);

  return { icbs: icbList, subIcbs: subIcbList, places: placeList, lsoaIndex, exceptions };
}
