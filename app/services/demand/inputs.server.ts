/**
 * Loads the demand model's inputs for one ICB, in SQL, from what the reference bundle,
 * the indicator store and the HJP data hold:
 * - registered adults: GP practices' lists aged 18+ (practices.list_adults, QOF
 *   2022-23 lists) summed to each PCN, so that neighbourhoods add up to places (by
 *   each PCN's place shares) and to the system; practices in no PCN are not counted.
 * - IMD decile: the neighbourhood's national decile (areas.imd_decile).
 * - long-term conditions: the store's indicator qof-dep (QOF depression register,
 *   18+, 2022-23) at PCN level as register ÷ list, centred on England's value.
 * - capacity: each HJP service's funded adviser FTE, shared across the neighbourhoods
 *   it serves (FTE_COVERAGE_RULE below, then the model's pro-rata rule).
 * - observed clients: attended episodes by the client's neighbourhood in the 12 months
 *   to the ICB's latest referral, for calibration.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import type { ObservedActivity } from "../../domain/demand/calibration";
import type { NeighbourhoodInput, ServiceInput } from "../../domain/demand/model";
import type { DemandInputs } from "../../domain/demand/view";
import type { ProjectedMap } from "../../domain/maps/projection";
import { getIcbOverview, placeMembership } from "../geography/areas.server";
import { SYNTHETIC_LABEL } from "../hjp/dashboard.server";

export const LTC_INDICATOR_ID = "qof-dep";

export const FTE_COVERAGE_RULE =
  "A service's funded adviser FTE is shared across the neighbourhoods (PCNs) it serves: those listed as its footprint, " +
  "every PCN of a place or of the ICB where the footprint is a place or the ICB, or, with no footprint recorded, the " +
  "PCNs of the GP practices it works in. Within that set the FTE is split in proportion to registered adults.";

export const POPULATION_NOTE =
  "Registered adults are GP practice list sizes aged 18 and over (QOF 2022-23 lists) summed to each primary care network, " +
  "so neighbourhoods add up to places and to the system. Practices in no PCN are not counted. Census 2021 adults are context only.";

export const LTC_NOTE =
  "Long-term-condition prevalence is the store's indicator qof-dep: the QOF depression register as a share of registered " +
  "patients aged 18+ (2022-23), per PCN, centred on England's value so that it only moves need between areas.";

async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export interface LoadedDemandInputs extends DemandInputs {
  icb: { code: string; name: string };
  map: ProjectedMap;
  /** Place codes drawn on the map (the default places have boundaries; an ICB's own places do not). */
  mappedPlaces: string[];
  neighbourhoodPoints: { code: string; name: string }[];
  services: { id: string; name: string; fundedFte: number; coverage: string; neighbourhoods: number }[];
  observedPeriod: { from: string; to: string } | null;
  synthetic: { label: string; organisations: string[] } | null;
  notes: { population: string; ltc: string; capacity: string };
}

/** The ICB's demand inputs, or null for an unknown ICB. */
export async function loadDemandInputs({ db, icbCode, today }: { db: Queryable; icbCode: string; today: string }): Promise<LoadedDemandInputs | null> {
  const overview = await getIcbOverview({ db, code: icbCode });
  if (!overview) return null;
  const icb = overview.icb;
  const { members } = await placeMembership({ db, icbCode: icb.code });

  const [adults, ltc, england] = await Promise.all([
    rows<{ code: string; adults: number; census_adults: number | null }>(
      db,
      sql`select a.code, coalesce(sum(p.list_adults), 0)::float8 as adults, null::float8 as census_adults
          from areas a left join practices p on p.pcn_code = a.code
          where a.level = 'neighbourhood' and a.icb_code = ${icb.code}
          group by a.code`,
    ),
    rows<{ code: string; count: number; denominator: number }>(
      db,
      sql`select distinct on (v.area_code) v.area_code as code, v.count::float8 as count, v.denominator::float8 as denominator
          from indicator_values v join areas a on a.code = v.area_code and a.level = 'neighbourhood' and a.icb_code = ${icb.code}
          where v.indicator_id = ${LTC_INDICATOR_ID} and v.area_type = 'pcn' and v.category_type = '' and v.count is not null and v.denominator > 0
          order by v.area_code, v.period_end desc`,
    ),
    rows<{ count: number; denominator: number }>(
      db,
      sql`select v.count::float8 as count, v.denominator::float8 as denominator from indicator_values v
          where v.indicator_id = ${LTC_INDICATOR_ID} and v.area_type = 'england' and v.category_type = '' and v.denominator > 0
          order by v.period_end desc limit 1`,
    ),
  ]);
  const adultsBy = new Map(adults.map((a) => [a.code, Number(a.adults)]));
  const ltcBy = new Map(ltc.map((l) => [l.code, Math.min(1, Number(l.count) / Number(l.denominator))]));

  const neighbourhoods: NeighbourhoodInput[] = overview.neighbourhoods.map((n) => {
    const shares = members.filter((m) => m.pcnCode === n.code);
    const total = shares.reduce((s, m) => s + m.share, 0);
    return {
      code: n.code,
      name: n.name,
      registeredAdults: adultsBy.get(n.code) ?? 0,
      imdDecile: n.imdDecile,
      ltcPrevalence: ltcBy.get(n.code) ?? null,
      // Shares from the practices' lists; normalised so a PCN with a practice outside
      // every place still counts once. A PCN in no place gets a place of its own.
      placeShares: total > 0 ? shares.map((m) => ({ placeCode: m.placeCode, share: m.share / total })) : [{ placeCode: `${n.code}-unplaced`, share: 1 }],
      censusAdults: null,
    };
  });
  const placeNames = overview.places.map((p) => ({ code: p.code, name: p.name }));
  for (const n of neighbourhoods) {
    if (n.placeShares[0].placeCode.endsWith("-unplaced")) placeNames.push({ code: n.placeShares[0].placeCode, name: `${n.name} (no place)` });
  }

  const services = await loadServices(db, icb.code, neighbourhoods, members);
  const observed = await loadObserved(db, icb.code, new Set(neighbourhoods.map((n) => n.code)));
  const [synthetic] = await rows<{ organisations: string[] | null }>(
    db,
    sql`select array_agg(distinct o.name order by o.name) as organisations from hjp_services s
        join organisations o on o.id = s.organisation_id
        join hjp_synthetic_organisations so on so.organisation_id = s.organisation_id
        where s.icb_code = ${icb.code}`,
  );

  return {
    icb: { code: icb.code, name: icb.name },
    base: { neighbourhoods, services: services.inputs, places: placeNames },
    observed: observed.counts,
    observedPeriodYears: 1,
    observedPeriod: observed.period,
    ltcReferencePrevalence: england[0] ? Number(england[0].count) / Number(england[0].denominator) : null,
    startYear: Number(today.slice(0, 4)),
    map: overview.map,
    mappedPlaces: overview.map.shapes.map((s) => s.code),
    neighbourhoodPoints: overview.map.points.map((p) => ({ code: p.code, name: overview.neighbourhoods.find((n) => n.code === p.code)?.name ?? p.code })),
    services: services.summaries,
    synthetic: synthetic?.organisations?.length ? { label: SYNTHETIC_LABEL, organisations: synthetic.organisations } : null,
    notes: { population: POPULATION_NOTE, ltc: LTC_NOTE, capacity: FTE_COVERAGE_RULE },
  };
}

async function loadServices(db: Queryable, icbCode: string, neighbourhoods: NeighbourhoodInput[], members: { pcnCode: string; placeCode: string }[]) {
  const list = await rows<{ id: number; name: string; adviser_fte: number; areas: { code: string; level: string }[] | null; site_pcns: string[] | null }>(
    db,
    sql`select s.id, s.name, s.adviser_fte::float8 as adviser_fte,
          (select json_agg(json_build_object('code', a.area_code, 'level', a.level)) from hjp_service_areas a where a.service_id = s.id) as areas,
          (select array_agg(distinct p.pcn_code) from hjp_service_sites ss join practices p on p.code = ss.ods_code where ss.service_id = s.id and p.pcn_code is not null) as site_pcns
        from hjp_services s where s.icb_code = ${icbCode} order by s.name, s.id`,
  );
  const inIcb = new Set(neighbourhoods.map((n) => n.code));
  const all = [...inIcb];
  const inputs: ServiceInput[] = [];
  const summaries: LoadedDemandInputs["services"] = [];
  for (const s of list) {
    const areas = typeof s.areas === "string" ? (JSON.parse(s.areas) as { code: string; level: string }[]) : (s.areas ?? []);
    let covered = new Set<string>();
    let coverage: string;
    if (areas.length > 0) {
      for (const a of areas) {
        if (a.level === "icb") all.forEach((c) => covered.add(c));
        else if (a.level === "place") members.filter((m) => m.placeCode === a.code).forEach((m) => covered.add(m.pcnCode));
        else covered.add(a.code);
      }
      coverage = "its recorded footprint";
    } else {
      covered = new Set(s.site_pcns ?? []);
      coverage = "the PCNs of its GP practice sites";
    }
    const codes = [...covered].filter((c) => inIcb.has(c)).sort();
    if (codes.length === 0) {
      codes.push(...all);
      coverage = "the whole ICB (no footprint or practice site recorded)";
    }
    if (codes.length === 0) continue;
    const id = String(s.id);
    const fte = Number(s.adviser_fte);
    inputs.push({ id, name: s.name, fundedFte: fte, neighbourhoods: codes.map((code) => ({ code })) });
    summaries.push({ id, name: s.name, fundedFte: fte, coverage, neighbourhoods: codes.length });
  }
  return { inputs, summaries };
}

async function loadObserved(db: Queryable, icbCode: string, codes: Set<string>): Promise<{ counts: ObservedActivity[]; period: { from: string; to: string } | null }> {
  const [latest] = await rows<{ to: string | null }>(
    db,
    sql`select max(e.referral_date)::text as "to" from hjp_episodes e join hjp_services s on s.id = e.service_id where s.icb_code = ${icbCode}`,
  );
  if (!latest?.to) return { counts: [], period: null };
  const counts = await rows<{ code: string; observed: number; from: string }>(
    db,
    sql`select e.neighbourhood_code as code, count(*)::int as observed, (${latest.to}::date - interval '1 year' + interval '1 day')::date::text as "from"
        from hjp_episodes e join hjp_services s on s.id = e.service_id
        where s.icb_code = ${icbCode} and e.attended and e.neighbourhood_code is not null
          and e.referral_date > ${latest.to}::date - interval '1 year' and e.referral_date <= ${latest.to}::date
        group by e.neighbourhood_code`,
  );
  const from = counts[0]?.from ?? latest.to;
  return { counts: counts.filter((c) => codes.has(c.code)).map((c) => ({ code: c.code, observed: Number(c.observed) })), period: { from, to: latest.to } };
}
