/**
 * Neighbourhoods: primary care networks (PCNs), built from their member practices.
 *
 * A PCN's population is the sum of its practices' registered lists (QOF 2022-23), a
 * registered population: it is never added to or mixed with Census residents. Its
 * deprivation is the derived, patient-weighted IMD 2019 score (not IMD 2025).
 */
import type { Areas } from "./areas";
import { placeId as makePlaceId } from "./areas";
import type { PcnImdRow, PracticeListRow, PracticeLocationRow, PracticeMappingRow } from "./inputs";

export type RegisteredPopulation = { total: number; aged18plus: number };

export type PcnPractice = {
  code: string;
  name: string;
  registered: RegisteredPopulation;
  /** The place the practice stands in, within its PCN's ICB; null when it cannot be placed. */
  placeId: string | null;
  /** Its ICB and sub-ICB (2024 ONS codes), from QOF 2022-23 via ODS codes. */
  icbCode: string;
  sicblCode: string;
};

export type PcnPlaceShare = { placeId: string; registered: number; share: number };

export type Pcn = {
  code: string;
  name: string;
  /** Assigned ICB and sub-ICB (2024 ONS codes): those holding most of its registered list. */
  icbCode: string;
  icbOdsCode: string;
  sicblCode: string;
  sicblOdsCode: string;
  practices: PcnPractice[];
  registered: RegisteredPopulation;
  /** Derived IMD 2019 score weighted by registered patients; null when the file lacks the PCN. */
  imd2019Score: number | null;
  /** Places its practices stand in, weighted by their registered lists (largest first). */
  places: PcnPlaceShare[];
  /** The place holding the largest share: where the PCN is listed. */
  placeId: string | null;
  /**
   * How the place was found: from the locations of its practices, or (no practice could
   * be placed) from its sub-ICB location's largest place.
   */
  placeBasis: "practice locations" | "sub-ICB fallback" | "none";
};

type PracticeRef = { practiceCode: string; practiceName: string; pcnCode: string | null; registeredTotal: number | null };

export type NeighbourhoodExceptions = {
  /** ODS codes whose ONS code differs between the QOF mapping and the 2024 lookup (the April 2023 recoding). */
  recodedOrganisations: { kind: "icb" | "sicbl"; odsCode: string; from: string; to: string }[];
  /** Practices whose ICB or sub-ICB ODS code is not in the 2024 lookup: left out of every PCN. */
  practicesInUnknownOrganisation: (PracticeRef & { icbOdsCode: string; sicblOdsCode: string })[];
  /** Practices of the pseudo-PCN "U" (in no PCN): no neighbourhood; counted and listed. */
  unallocatedPractices: (PracticeRef & { icbCode: string; sicblCode: string })[];
  /** Practices in the mapping without a total list: counted as 0 in their PCN. */
  practicesWithoutList: PracticeRef[];
  /** Practices whose list size differs between rows of the same list type: the largest is used. */
  inconsistentListSizes: { practiceCode: string; listType: string; sizes: number[] }[];
  /** Practices in the mapping with no location: left out of their PCN's place shares. */
  practicesWithoutLocation: PracticeRef[];
  /**
   * Practices standing in an upper-tier authority that has no place in their PCN's ICB
   * (cross-border practices): left out of their PCN's place shares.
   */
  practicesOutsidePcnIcb: (PracticeRef & { lsoaCode: string; utlaCode: string | null; lsoaIcbCode: string; pcnIcbCode: string })[];
  /** Practices in the location file but not in the QOF mapping (closed, merged or opened since): ignored. */
  locatedPracticesNotInMapping: { practiceCode: string; practiceName: string }[];
  /** PCNs whose practices sit in more than one sub-ICB location or ICB, with the registered list in each. */
  pcnsSpanningSubIcbs: { pcnCode: string; pcnName: string; assigned: string; parts: { code: string; odsCode: string; registered: number }[] }[];
  pcnsSpanningIcbs: { pcnCode: string; pcnName: string; assigned: string; parts: { code: string; odsCode: string; registered: number }[] }[];
  /** PCNs whose placed practices stand in more than one place. */
  pcnsStraddlingPlaces: { pcnCode: string; pcnName: string; places: PcnPlaceShare[] }[];
  /** PCNs none of whose practices could be placed: given their sub-ICB location's largest place. */
  pcnsPlacedBySubIcb: { pcnCode: string; pcnName: string; placeId: string | null }[];
  /** PCNs in the QOF mapping with no IMD 2019 score in the derived file. */
  pcnsWithoutImd2019: { pcnCode: string; pcnName: string }[];
  /** PCNs in the IMD 2019 file but not in the QOF mapping: not shown. */
  imd2019PcnsNotInMapping: { pcnCode: string; pcnName: string }[];
};

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

/** The key with the largest value; ties go to the smaller code, so the choice is stable. */
function largest(weights: Map<string, number>): string {
  let best: string | null = null;
  let bestWeight = -Infinity;
  for (const [key, weight] of weights) {
    if (weight > bestWeight || (weight === bestWeight && best !== null && key < best)) {
      best = key;
      bestWeight = weight;
    }
  }
  return best!;
}

/**
 * Builds the PCNs with their registered lists, ICB and sub-ICB assignment, places and
 * IMD 2019 score, and lists every exception met.
 *
 * Rules:
 * - Membership is the QOF 2022-23 mapping. Its ICB and sub-ICB ONS codes are the 2022
 *   ones, so practices are joined to the 2024 areas on ODS codes (QXU, QNX, 92A, 70F
 *   keep their ODS codes across the April 2023 recoding); each ODS code whose ONS code
 *   changed is listed in `recodedOrganisations`.
 * - The pseudo-PCN "U" is not a neighbourhood: its practices are excluded, counted and
 *   listed in `unallocatedPractices`.
 * - Registered lists: the practice's TOTAL list and 18OV list from the QOF prevalence
 *   file; a PCN's lists are the sums over all its practices, wherever they sit.
 * - A PCN whose practices sit in two ICBs or sub-ICB locations is assigned to the ICB
 *   with the larger registered list, then to the sub-ICB location within that ICB with
 *   the larger list (ties to the smaller code), and listed.
 * - Place: a practice stands in the upper-tier authority of the LSOA 2021 of its
 *   location (LSOA → LAD 2024 → UTLA), and in the place of that authority within its
 *   PCN's ICB. A practice with no location, or standing in an authority that has no
 *   place in its PCN's ICB, is left out of the place shares and listed (a practice in
 *   the other-ICB part of a split authority goes to that authority's place within its
 *   PCN's ICB). The PCN's place
 *   shares are its placed practices' lists over their sum; it is listed under the place
 *   with the largest share. A PCN none of whose practices can be placed takes the place
 *   holding most of its sub-ICB location's residents, and is listed.
 * - IMD 2019 comes from the derived PCN file; PCNs missing from it have no score and
 *   are listed, as are PCNs in it but not in the mapping.
 */
export function buildNeighbourhoods(
  areas: Areas,
  input: {
    practiceMapping: readonly PracticeMappingRow[];
    practiceLists: readonly PracticeListRow[];
    practiceLocations: readonly PracticeLocationRow[];
    pcnImd: readonly PcnImdRow[];
  },
): { pcns: Pcn[]; exceptions: NeighbourhoodExceptions } {
  const exceptions: NeighbourhoodExceptions = {
    recodedOrganisations: [],
    practicesInUnknownOrganisation: [],
    unallocatedPractices: [],
    practicesWithoutList: [],
    inconsistentListSizes: [],
    practicesWithoutLocation: [],
    practicesOutsidePcnIcb: [],
    locatedPracticesNotInMapping: [],
    pcnsSpanningSubIcbs: [],
    pcnsSpanningIcbs: [],
    pcnsStraddlingPlaces: [],
    pcnsPlacedBySubIcb: [],
    pcnsWithoutImd2019: [],
    imd2019PcnsNotInMapping: [],
  };

  // 2024 areas by ODS code.
  const icbByOds = new Map(areas.icbs.map((i) => [i.odsCode, i]));
  const subIcbByOds = new Map(areas.subIcbs.map((s) => [s.odsCode, s]));
  const placeIds = new Set(areas.places.map((p) => p.id));

  // List sizes: one value per practice and list type is expected.
  const lists = new Map<string, Map<string, Set<number>>>();
  for (const r of input.practiceLists) {
    if (r.listType !== "TOTAL" && r.listType !== "18OV") continue;
    getOrCreate(getOrCreate(lists, r.practiceCode, () => new Map()), r.listType, () => new Set<number>()).add(r.listSize);
  }
  const listOf = (practiceCode: string, listType: "TOTAL" | "18OV"): number | null => {
    const sizes = lists.get(practiceCode)?.get(listType);
    if (!sizes || sizes.size === 0) return null;
    if (sizes.size > 1) {
      exceptions.inconsistentListSizes.push({ practiceCode, listType, sizes: [...sizes].sort((a, b) => a - b) });
    }
    return Math.max(...sizes);
  };

  const locationOf = new Map(input.practiceLocations.map((r) => [r.practiceCode, r]));
  const mapped = new Set(input.practiceMapping.map((r) => r.practiceCode));
  for (const r of input.practiceLocations) {
    if (!mapped.has(r.practiceCode)) exceptions.locatedPracticesNotInMapping.push({ practiceCode: r.practiceCode, practiceName: r.practiceName });
  }

  const recoded = new Map<string, NeighbourhoodExceptions["recodedOrganisations"][number]>();
  type PracticeAcc = PcnPractice & { located: PracticeLocationRow | undefined; ref: PracticeRef };
  type PcnAcc = { name: string; practices: PracticeAcc[] };
  const pcns = new Map<string, PcnAcc>();

  for (const row of input.practiceMapping) {
    const total = listOf(row.practiceCode, "TOTAL");
    const ref: PracticeRef = { practiceCode: row.practiceCode, practiceName: row.practiceName, pcnCode: row.pcnCode, registeredTotal: total };
    const icb = icbByOds.get(row.icbOdsCode);
    const sub = subIcbByOds.get(row.sicblOdsCode);
    if (!icb || !sub) {
      exceptions.practicesInUnknownOrganisation.push({ ...ref, icbOdsCode: row.icbOdsCode, sicblOdsCode: row.sicblOdsCode });
      continue;
    }
    if (icb.code !== row.icbCode && !recoded.has(`icb:${icb.odsCode}`)) {
      recoded.set(`icb:${icb.odsCode}`, { kind: "icb", odsCode: icb.odsCode, from: row.icbCode, to: icb.code });
    }
    if (sub.code !== row.sicblCode && !recoded.has(`sicbl:${sub.odsCode}`)) {
      recoded.set(`sicbl:${sub.odsCode}`, { kind: "sicbl", odsCode: sub.odsCode, from: row.sicblCode, to: sub.code });
    }
    if (row.pcnCode === null) {
      exceptions.unallocatedPractices.push({ ...ref, icbCode: icb.code, sicblCode: sub.code });
      continue;
    }
    if (total === null) exceptions.practicesWithoutList.push(ref);
    const pcn = getOrCreate(pcns, row.pcnCode, () => ({ name: row.pcnName, practices: [] as PracticeAcc[] }));
    pcn.practices.push({
      code: row.practiceCode,
      name: row.practiceName,
      registered: { total: total ?? 0, aged18plus: listOf(row.practiceCode, "18OV") ?? 0 },
      placeId: null,
      icbCode: icb.code,
      sicblCode: sub.code,
      located: locationOf.get(row.practiceCode),
      ref,
    });
  }
  exceptions.recodedOrganisations = [...recoded.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.odsCode.localeCompare(b.odsCode));

  const imdOf = new Map(input.pcnImd.map((r) => [r.pcnCode, r]));
  for (const r of input.pcnImd) {
    if (!pcns.has(r.pcnCode)) exceptions.imd2019PcnsNotInMapping.push({ pcnCode: r.pcnCode, pcnName: r.pcnName });
  }
  const icbByCode = new Map(areas.icbs.map((i) => [i.code, i]));
  const subIcbByCode = new Map(areas.subIcbs.map((s) => [s.code, s]));

  const result: Pcn[] = [];
  for (const [code, acc] of pcns) {
    const byIcb = new Map<string, number>();
    for (const p of acc.practices) byIcb.set(p.icbCode, (byIcb.get(p.icbCode) ?? 0) + p.registered.total);
    const icbCode = largest(byIcb);
    const bySub = new Map<string, number>();
    const bySubAll = new Map<string, number>();
    for (const p of acc.practices) {
      bySubAll.set(p.sicblCode, (bySubAll.get(p.sicblCode) ?? 0) + p.registered.total);
      if (p.icbCode === icbCode) bySub.set(p.sicblCode, (bySub.get(p.sicblCode) ?? 0) + p.registered.total);
    }
    const sicblCode = largest(bySub);
    const icb = icbByCode.get(icbCode)!;
    const sub = subIcbByCode.get(sicblCode)!;
    if (byIcb.size > 1) {
      exceptions.pcnsSpanningIcbs.push({
        pcnCode: code,
        pcnName: acc.name,
        assigned: icbCode,
        parts: [...byIcb.entries()]
          .map(([c, registered]) => ({ code: c, odsCode: icbByCode.get(c)!.odsCode, registered }))
          .sort((a, b) => b.registered - a.registered),
      });
    }
    if (bySubAll.size > 1) {
      exceptions.pcnsSpanningSubIcbs.push({
        pcnCode: code,
        pcnName: acc.name,
        assigned: sicblCode,
        parts: [...bySubAll.entries()]
          .map(([c, registered]) => ({ code: c, odsCode: subIcbByCode.get(c)!.odsCode, registered }))
          .sort((a, b) => b.registered - a.registered),
      });
    }

    // Place each practice within the PCN's ICB.
    const byPlace = new Map<string, number>();
    for (const p of acc.practices) {
      if (!p.located) {
        exceptions.practicesWithoutLocation.push(p.ref);
        continue;
      }
      const where = areas.lsoaIndex.get(p.located.lsoa21Code);
      const id = where?.utlaCode ? makePlaceId(icbCode, where.utlaCode) : null;
      if (!id || !placeIds.has(id)) {
        exceptions.practicesOutsidePcnIcb.push({
          ...p.ref,
          lsoaCode: p.located.lsoa21Code,
          utlaCode: where?.utlaCode ?? null,
          lsoaIcbCode: where?.icbCode ?? "",
          pcnIcbCode: icbCode,
        });
        continue;
      }
      p.placeId = id;
      byPlace.set(id, (byPlace.get(id) ?? 0) + p.registered.total);
    }
    const placedTotal = [...byPlace.values()].reduce((s, n) => s + n, 0);
    let places: PcnPlaceShare[] = [...byPlace.entries()]
      .map(([placeId, registered]) => ({ placeId, registered, share: placedTotal > 0 ? registered / placedTotal : 0 }))
      .sort((a, b) => b.registered - a.registered || a.placeId.localeCompare(b.placeId));
    let placeBasis: Pcn["placeBasis"] = "practice locations";
    if (places.length === 0) {
      const fallback = sub.places.find((pl) => pl.placeId.startsWith(`${icbCode}/`))?.placeId ?? null;
      places = fallback ? [{ placeId: fallback, registered: 0, share: 1 }] : [];
      placeBasis = fallback ? "sub-ICB fallback" : "none";
      exceptions.pcnsPlacedBySubIcb.push({ pcnCode: code, pcnName: acc.name, placeId: fallback });
    } else if (places.length > 1) {
      exceptions.pcnsStraddlingPlaces.push({ pcnCode: code, pcnName: acc.name, places });
    }

    const imd = imdOf.get(code);
    if (!imd) exceptions.pcnsWithoutImd2019.push({ pcnCode: code, pcnName: acc.name });
    result.push({
      code,
      name: acc.name,
      icbCode,
      icbOdsCode: icb.odsCode,
      sicblCode,
      sicblOdsCode: sub.odsCode,
      practices: acc.practices
        .map(({ located: _located, ref: _ref, ...practice }) => practice)
        .sort((a, b) => a.code.localeCompare(b.code)),
      registered: acc.practices.reduce(
        (sum, p) => ({ total: sum.total + p.registered.total, aged18plus: sum.aged18plus + p.registered.aged18plus }),
        { total: 0, aged18plus: 0 },
      ),
      imd2019Score: imd ? imd.imd2019Score : null,
      places,
      placeId: places[0]?.placeId ?? null,
      placeBasis,
    });
  }
  result.sort((a, b) => a.code.localeCompare(b.code));
  for (const list of [
    exceptions.unallocatedPractices,
    exceptions.practicesWithoutLocation,
    exceptions.practicesOutsidePcnIcb,
    exceptions.practicesWithoutList,
  ] as PracticeRef[][]) {
    list.sort((a, b) => a.practiceCode.localeCompare(b.practiceCode));
  }
  for (const list of [exceptions.pcnsSpanningIcbs, exceptions.pcnsSpanningSubIcbs, exceptions.pcnsStraddlingPlaces, exceptions.pcnsWithoutImd2019]) {
    list.sort((a, b) => a.pcnCode.localeCompare(b.pcnCode));
  }
  exceptions.locatedPracticesNotInMapping.sort((a, b) => a.practiceCode.localeCompare(b.practiceCode));
  exceptions.imd2019PcnsNotInMapping.sort((a, b) => a.pcnCode.localeCompare(b.pcnCode));
  return { pcns: result, exceptions };
}
