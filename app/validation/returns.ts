import { z } from "zod";
import { optionalText } from "./fields";

/** The upload form: one CSV or Excel file. Checked in the browser and again on the server. */
export function uploadSchema() {
  return z.object({
    file: z
      .instanceof(File, { message: "Select a CSV or Excel file" })
      .refine((f) => f.size > 0, "The selected file is empty")
      .refine((f) => /\.(csv|csv\.gz|xlsx)$/i.test(f.name), "The selected file must be a CSV (.csv) or Excel (.xlsx) file")
      .refine((f) => f.size <= 20 * 1024 * 1024, "The selected file must be smaller than 20 MB"),
  });
}

/** A return's address: the service id and the period's start date (/returns/12/2025-04-01). */
export const ReturnParamsSchema = z.object({ serviceId: z.coerce.number().int().positive(), period: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

/** A commissioner's review of a submitted return: accept it, or query it saying what to check. */
export const ReviewReturnSchema = z
  .object({
    decision: z.enum(["accept", "query"], { error: "Choose whether to accept or query the return" }),
    comment: optionalText(2000, "The query"),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "query" && !v.comment?.trim()) ctx.addIssue({ code: "custom", path: ["comment"], message: "Enter what you would like the partner to check" });
  });
