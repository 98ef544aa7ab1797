import { z } from "zod";
import { ESTIMATE_OUTCOME_CODES } from "../domain/value-for-money/estimate";
import { parseFinancialYear } from "../domain/value-for-money/rebase";

const financialYear = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .refine((v) => parseFinancialYear(v) !== null, "Enter the financial year like 2010-11")
    .transform((v) => parseFinancialYear(v)!);

/** Pounds and pence as typed ("6,680" or "38.50"), to integer pence. */
const pounds = z
  .string({ error: "Enter the value in pounds" })
  .trim()
  .min(1, "Enter the value in pounds")
  .transform((v) => v.replace(/^£/, "").replace(/,/g, ""))
  .refine((v) => /^\d{1,9}(\.\d{1,2})?$/.test(v), "Enter the value in pounds, like 6680 or 38.50")
  .transform((v) => Math.round(Number(v) * 100));

export const UnitCostFormSchema = z.object({
  code: z.string({ error: "Enter a code for the unit value" }).trim().min(1, "Enter a code for the unit value").max(40, "The code must be 40 characters or fewer"),
  item: z.string({ error: "Enter what the unit value is" }).trim().min(1, "Enter what the unit value is").max(300, "The description must be 300 characters or fewer"),
  value: pounds,
  unit: z.string({ error: "Enter the unit, like per incident" }).trim().min(1, "Enter the unit, like per incident").max(80),
  priceYear: financialYear("Enter the price year"),
  source: z.string({ error: "Enter the source of the unit value" }).trim().min(1, "Enter the source of the unit value").max(300),
  sourceUrl: z.string().trim().url("Enter the source's web address in the correct format, like https://example.org").max(500).optional(),
  licence: z.string({ error: "Enter the licence the value is used under" }).trim().min(1, "Enter the licence the value is used under").max(300),
  outcome: z.enum(["", ...ESTIMATE_OUTCOME_CODES], { error: "Select an outcome or none" }).optional(),
});
export type UnitCostForm = z.infer<typeof UnitCostFormSchema>;

export const InflationIndexFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("save"),
    year: financialYear("Enter the financial year"),
    value: z.coerce.number({ error: "Enter the index value as a number" }).positive("The index value must be greater than 0").max(1_000_000, "The index value must be 1,000,000 or less"),
    source: z.string({ error: "Enter the published source of the index value" }).trim().min(1, "Enter the published source of the index value").max(300),
  }),
  z.object({ intent: z.literal("delete"), year: z.coerce.number().int().min(1990).max(2100) }),
]);
export type InflationIndexForm = z.infer<typeof InflationIndexFormSchema>;

const FY = /^\d{4}-\d{2}$/;

/** The value-for-money page's query: the financial year (or "all") and the price year. */
export const VfmQuerySchema = z.object({
  year: z.union([z.literal(""), z.literal("all"), z.string().regex(FY, "a financial year such as 2024-25")]).optional(),
  priceYear: z.union([z.literal(""), z.string().regex(FY, "a price year such as 2024-25")]).optional(),
});

export const VfmDownloadQuerySchema = VfmQuerySchema.extend({
  table: z.string().regex(/^[a-z][a-z-]{0,39}$/, "a table name"),
  format: z.enum(["csv", "xlsx"]).optional(),
});
