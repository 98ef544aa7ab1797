import { z } from "zod";
import { ESTIMATE_OUTCOME_CODES } from "../domain/value-for-money/estimate";
import { parseFinancialYear } from "../domain/value-for-money/rebase";
import { requiredText } from "./fields";

const financialYear = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .refine((v) => parseFinancialYear(v) !== null, "Enter the financial year like 2010-11")
    .transform((v) => parseFinancialYear(v)!)
    // The index and the unit cost library start in the 1990s; anything else is a typing mistake.
    .refine((y) => y >= 1990 && y <= 2100, "Enter a financial year from 1990-91 to 2100-01");

/** Pounds and pence as typed ("6,680" or "38.50"), to integer pence. */
const pounds = z
  .string({ error: "Enter the value in pounds" })
  .trim()
  .min(1, "Enter the value in pounds")
  .transform((v) => v.replace(/^£/, "").replace(/,/g, ""))
  .refine((v) => /^\d{1,9}(\.\d{1,2})?$/.test(v), "Enter the value in pounds, like 6680 or 38.50")
  .transform((v) => Math.round(Number(v) * 100));

export const UnitCostFormSchema = z.object({
  code: requiredText("Enter a code for the unit value", 40, "The code"),
  item: requiredText("Enter what the unit value is", 300, "The description"),
  value: pounds,
  unit: requiredText("Enter the unit, like per incident", 80, "The unit"),
  priceYear: financialYear("Enter the price year"),
  source: requiredText("Enter the source of the unit value", 300, "The source"),
  // Shown as a link: only web addresses, never javascript: or data: ones.
  sourceUrl: z
    .string({ error: "Enter the source's web address in the correct format, like https://example.org" })
    .trim()
    .max(500, "The web address must be 500 characters or fewer")
    .url({ protocol: /^https?$/, error: "Enter the source's web address in the correct format, like https://example.org" })
    .optional(),
  licence: requiredText("Enter the licence the value is used under", 300, "The licence"),
  outcome: z.enum(["", ...ESTIMATE_OUTCOME_CODES], { error: "Select an outcome or none" }).optional(),
});
export type UnitCostForm = z.infer<typeof UnitCostFormSchema>;

export const InflationIndexFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("save"),
    year: financialYear("Enter the financial year"),
    value: z.coerce.number({ error: "Enter the index value as a number" }).positive("The index value must be greater than 0").max(1_000_000, "The index value must be 1,000,000 or less"),
    source: requiredText("Enter the published source of the index value", 300, "The source"),
  }),
  z.object({ intent: z.literal("delete"), year: z.coerce.number({ error: "Select a year from the list" }).int("Select a year from the list").min(1990, "Select a year from the list").max(2100, "Select a year from the list") }),
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
