import type { IndicatorMeta } from "../../app/domain/indicators/catalogue";
import { figureKey, figureNumbers, type Figure } from "../../app/domain/indicators/figures";
import {
  type IndicatorRecord,
  namedAreas,
  type Quirk,
  recordNamedAreas,
  refreshLacks,
  upsertIndicators,
  writeFigures,
} from "../../app/services/indicators/store.server";
import type { LoadContext, Loader } from "../shared/importer";
import { ImportFileError } from "../shared/run-import";

export type MetadataFor = (id: string, name: string, figures: readonly Figure[]) => { meta: IndicatorMeta; basis: "catalogue" | "inferred" };

/**
 * The load step shared by the indicator file importers (Fingertips exports, reshaped
 * extracts, ONS tables). It collects the file's figures, stores a figure published
 * under two area types once, and at the end writes the indicators' metadata, the
 * areas the file names that the geography lacks, and the figures, all in the
 * runner's transaction.
 */
export function figureLoader(options: { source: string; metadata: MetadataFor }): (ctx: LoadContext) => Loader<Figure> {
  return (ctx) => {
    const seen = new Map<string, { line: number; numbers: string }>();
    const figures: Figure[] = [];
    const storedOnce = new Map<string, number>();
    return {
      async loadBatch(records) {
        for (const f of records) {
          const key = figureKey(f);
          const numbers = figureNumbers(f);
          const first = seen.get(key);
          if (first) {
            if (first.numbers !== numbers) {
              throw Object.assign(
                new ImportFileError(
                  `${f.areaCode} (${f.areaTypeLabel}) has other figures for indicator ${f.indicatorId}, ${f.period}, ${f.sex}, ${f.age}${f.category ? `, ${f.category}` : ""} than on line ${first.line}`,
                ),
                { lines: f.line },
              );
            }
            storedOnce.set(f.indicatorId, (storedOnce.get(f.indicatorId) ?? 0) + 1);
            continue;
          }
          seen.set(key, { line: f.line, numbers });
          figures.push(f);
        }
      },
      async finish() {
        const byIndicator = new Map<string, Figure[]>();
        for (const f of figures) {
          const list = byIndicator.get(f.indicatorId) ?? [];
          list.push(f);
          byIndicator.set(f.indicatorId, list);
        }
        const recorded = new Set(await recordNamedAreas(ctx.tx, namedAreas(figures), `${options.source}: ${ctx.fileName}`));
        const records: IndicatorRecord[] = [];
        for (const [id, list] of byIndicator) {
          const { meta, basis } = options.metadata(id, list[0].indicatorName, list);
          const quirks: Quirk[] = [];
          const newAreas = [...new Set(list.map((f) => f.areaCode).filter((c) => recorded.has(c)))];
          if (newAreas.length) {
            quirks.push({
              rule: `Codes the bundled geography lacks (older codes, other area types) are recorded as areas from ${ctx.fileName}'s own code, name, type and parent`,
              count: newAreas.length,
              examples: newAreas.slice(0, 5),
            });
          }
          if (storedOnce.get(id)) {
            quirks.push({ rule: "Figures published under two area types (a unitary is both upper and lower tier) are stored once", count: storedOnce.get(id)! });
          }
          records.push({ ...meta, metadataBasis: basis, sourceFile: ctx.fileName, quirks });
        }
        await upsertIndicators(ctx.tx, records);
        await writeFigures(ctx.tx, figures, { source: options.source, sha256: ctx.sha256 });
        await refreshLacks(ctx.tx, [...byIndicator.keys()]);
        const notes = [
          `${figures.length.toLocaleString("en-GB")} figures for ${byIndicator.size} indicator${byIndicator.size === 1 ? "" : "s"} (${[...byIndicator.keys()].join(", ")})`,
        ];
        if (recorded.size) notes.push(`${recorded.size} areas the bundled geography lacks recorded from the file's own codes and names`);
        const once = [...storedOnce.values()].reduce((s, n) => s + n, 0);
        if (once) notes.push(`${once} figures published under a second area type stored once`);
        return { rowsLoaded: figures.length, notes };
      },
    };
  };
}
