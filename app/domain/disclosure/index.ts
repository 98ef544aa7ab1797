/** Statistical disclosure control (STATISTICS.md §12): pure, applied by services before anything is shown or exported. */
export { type Disclosed, discloseCount, disclosedText, isSmallCount, MINIMUM_PEOPLE, ROUND_TO, roundToNearest, SUPPRESS_UP_TO, SUPPRESSED_MARK } from "./counts";
export { complementarySuppression, discloseCountLine, discloseSum, discloseSumLine, type LineSuppression } from "./lines";
export { type DisclosedInterval, discloseMean, discloseProportion, discloseRate } from "./statistics";
export { DISCLOSURE_RULE, DISCLOSURE_RULE_SUMMARY } from "./rule";
export { type Cell, cell, type CellFormat, type DisclosedTable, disclosedTableCsv, disclosedTableSheet, type TableColumn, type TableRow } from "./table";
