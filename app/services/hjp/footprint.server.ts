/**
 * Where each HJP episode counts: its neighbourhood and its place under the ICB's place
 * scheme (the rules are in rollups.server.ts). One definition, used by the episode
 * roll-ups, the value-for-money roll-ups and the cells' build, so that all of them
 * place every episode in the same neighbourhood and place.
 */
import { sql, type SQL } from "drizzle-orm";
import type { PlaceMembership } from "../geography/areas.server";

/** Keys of the rows that are not areas of the ICB. */
export const OUTSIDE_ICB = "outside-icb";
export const NOT_KNOWN = "not-known";
export const NO_PLACE = "no-place";

/** The financial-year label of a date column: 2025-26. */
export const fyOf = (column: string) => `(extract(year from ${column} - interval '3 months')::int::text || '-' || lpad(((extract(year from ${column} - interval '3 months')::int + 1) % 100)::text, 2, '0'))`;

/** The place-membership list as the footprint SQL reads it. */
function membershipJson(members: readonly PlaceMembership[]): string {
  return JSON.stringify(members.filter((m) => m.share > 0).map((m) => ({ pcn: m.pcnCode, place: m.placeCode, share: m.share })));
}

/**
 * The CTEs `members`, `bands`, `e0` and `e`: the episodes meeting the conditions (on `ep`,
 * the episode, and `s`, its service), each with its footprint. Shared with the cells'
 * build (cells.server.ts), so the cells place every episode exactly where this does.
 */
export function episodesWithFootprint(members: readonly PlaceMembership[], conditions: SQL[]): SQL {
  const membership = membershipJson(members);
  return sql`
    members as (
      select pcn, place, share from json_to_recordset(${membership}::json) as t(pcn text, place text, share float8)
    ),
    bands as (
      select pcn, place, count(*) over (partition by pcn) as n,
        coalesce(sum(share) over (partition by pcn order by place rows between unbounded preceding and 1 preceding), 0) / sum(share) over (partition by pcn) as lo,
        -- the last band ends at exactly 1, whatever the floating-point sums give
        case when row_number() over (partition by pcn order by place desc) = 1 then 1.0
             else sum(share) over (partition by pcn order by place rows between unbounded preceding and current row) / sum(share) over (partition by pcn) end as hi
      from members
    ),
    e0 as (
      select ep.*, s.delivery_model, s.organisation_id as service_organisation_id,
        case when ep.neighbourhood_code is null then ${NOT_KNOWN}::text
             when a.code is not null then ep.neighbourhood_code
             else ${OUTSIDE_ICB}::text end as nbh,
        pr.place_code as practice_place
      from hjp_episodes ep
      join hjp_services s on s.id = ep.service_id
      left join areas a on a.code = ep.neighbourhood_code and a.level = 'neighbourhood' and a.icb_code = s.icb_code
      left join practices pr on ep.setting = 'gp-practice' and pr.code = ep.site_ods_code
      where ${sql.join(conditions, sql` and `)}
    ),
    e as (
      select e0.*,
        case when e0.nbh in (${NOT_KNOWN}::text, ${OUTSIDE_ICB}::text) then e0.nbh
             else coalesce(
               bp.place,
               bs.place,
               -- a neighbourhood split across places: a fixed hash of the episode picks the band it falls in
               (select b.place from bands b
                 where b.pcn = e0.nbh
                   and ('x' || substr(md5(e0.service_id::text || '/' || e0.episode_ref), 1, 8))::bit(32)::bigint::float8 / 4294967296.0 >= b.lo
                   and ('x' || substr(md5(e0.service_id::text || '/' || e0.episode_ref), 1, 8))::bit(32)::bigint::float8 / 4294967296.0 < b.hi),
               ${NO_PLACE}::text) end as place
      from e0
      left join bands bp on bp.pcn = e0.nbh and bp.place = e0.practice_place
      left join bands bs on bs.pcn = e0.nbh and bs.n = 1
    )`;
}

