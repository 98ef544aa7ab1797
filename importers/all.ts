import type { AnyImporter } from "./shared/importer";

/**
 * Every importer, by source name. Adding a source means adding it here; the command
 * line, the first start and the tests all read this map.
 */
const list: AnyImporter[] = [];

export const importers: Record<string, AnyImporter> = Object.fromEntries(list.map((i) => [i.source, i]));
