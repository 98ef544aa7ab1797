import { z } from "zod";
import { listCode, recordId, requiredText } from "./fields";

const ICB_CODE = /^E54\d{6}$/;

export const SignInSchema = z.object({
  email: requiredText("Enter your email address", 320, "Email address"),
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(256, "Enter a password of 256 characters or fewer"),
  // Where to go after signing in; only ever a path on this site (safeRedirect checks).
  redirectTo: z.string().max(2000, "The page to return to is too long").optional(),
});

const ROLE_VALUES = ["admin", "commissioner", "strategist", "vcse"] as const;

export const CreateUserSchema = z
  .object({
    name: requiredText("Enter the person's name", 200, "Name"),
    email: z
      .string({ error: "Enter an email address" })
      .trim()
      .toLowerCase()
      .max(320, "Enter an email address of 320 characters or fewer")
      .email("Enter an email address in the correct format, like name@example.org"),
    role: z.enum(ROLE_VALUES, { error: "Select a role" }),
    icbCode: listCode("Enter the ICB's ONS code, like E54000057", ICB_CODE).optional(),
    organisationId: recordId("Select the organisation this person works for").optional(),
    password: z.string({ error: "Enter a password" }).min(12, "Password must be 12 characters or more").max(256),
  })
  .superRefine((v, ctx) => {
    if ((v.role === "commissioner" || v.role === "strategist") && !v.icbCode) {
      ctx.addIssue({ code: "custom", path: ["icbCode"], message: "Select the ICB this person works for" });
    }
    if (v.role === "vcse" && !v.organisationId) {
      ctx.addIssue({ code: "custom", path: ["organisationId"], message: "Select the organisation this person works for" });
    }
  });
export type CreateUser = z.infer<typeof CreateUserSchema>;

export const OrganisationSchema = z.object({
  name: requiredText("Enter the organisation's name", 200, "Name"),
  charityNumber: z
    .string({ error: "Enter the charity number as text" })
    .trim()
    .max(20, "Charity number must be 6 to 8 digits (or SC and 6 digits in Scotland)")
    .regex(/^(\d{6,8}|SC\d{6})(-\d+)?$/, "Charity number must be 6 to 8 digits (or SC and 6 digits in Scotland)")
    .optional(),
  companyNumber: z
    .string({ error: "Enter the company number as text" })
    .trim()
    .toUpperCase()
    .regex(/^([0-9]{8}|[A-Z]{2}[0-9]{6})$/, "Company number must be 8 characters, like 01234567 or SC123456")
    .optional(),
  giving360Id: z
    .string({ error: "Enter the 360Giving identifier as text" })
    .trim()
    .max(100, "360Giving identifier must be 100 characters or fewer")
    .regex(/^[A-Z]{2}-[A-Z0-9]{2,6}-[A-Za-z0-9-]+$/, "360Giving identifier must look like GB-CHC-1234567 or GB-COH-01234567")
    .optional(),
  primaryIcbCode: listCode("Enter the ICB's ONS code, like E54000057", ICB_CODE).optional(),
});
export type OrganisationInput = z.infer<typeof OrganisationSchema>;

export const OrganisationIdentifiersSchema = OrganisationSchema.pick({ charityNumber: true, companyNumber: true, giving360Id: true });
