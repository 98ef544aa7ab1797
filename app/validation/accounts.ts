import { z } from "zod";

export const SignInSchema = z.object({
  email: z.string({ error: "Enter your email address" }).trim().min(1, "Enter your email address").max(320),
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(256),
  redirectTo: z.string().optional(),
});

const ROLE_VALUES = ["admin", "commissioner", "strategist", "vcse"] as const;

export const CreateUserSchema = z
  .object({
    name: z.string({ error: "Enter the person's name" }).trim().min(1, "Enter the person's name").max(200),
    email: z
      .string({ error: "Enter an email address" })
      .trim()
      .toLowerCase()
      .email("Enter an email address in the correct format, like name@example.org"),
    role: z.enum(ROLE_VALUES, { error: "Select a role" }),
    icbCode: z.string().trim().optional(),
    organisationId: z.coerce.number().int().positive().optional(),
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
  name: z.string({ error: "Enter the organisation's name" }).trim().min(1, "Enter the organisation's name").max(200),
  charityNumber: z
    .string()
    .trim()
    .regex(/^(\d{6,8}|SC\d{6})(-\d+)?$/, "Charity number must be 6 to 8 digits (or SC and 6 digits in Scotland)")
    .optional(),
  companyNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([0-9]{8}|[A-Z]{2}[0-9]{6})$/, "Company number must be 8 characters, like 01234567 or SC123456")
    .optional(),
  giving360Id: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}-[A-Z0-9]{2,6}-[A-Za-z0-9-]+$/, "360Giving identifier must look like GB-CHC-1234567 or GB-COH-01234567")
    .optional(),
  primaryIcbCode: z.string().trim().optional(),
});
export type OrganisationInput = z.infer<typeof OrganisationSchema>;

export const OrganisationIdentifiersSchema = OrganisationSchema.pick({ charityNumber: true, companyNumber: true, giving360Id: true });
