import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password";
import { initialPlacementSchema } from "@/lib/placements/schemas";

/** Input for people and teams, shared by the forms, the CSV import and the data-access layer. */

export const roles = ["engineer", "manager", "admin"] as const;

/** An id chosen from a list, or none: "" from a form and null from code both mean none. */
const optionalId = z.preprocess(
  (v) => (v === "" || v === undefined ? null : typeof v === "string" ? v.trim() : v),
  z.uuid("Choose from the list.").nullable(),
);

const noControlCharacters = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);

export const personNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name.")
  .max(120, "Use at most 120 characters.")
  .refine(noControlCharacters, "Use letters, not line breaks or control characters.");
export const emailSchema = z.string().trim().toLowerCase().max(254, "Use at most 254 characters.").pipe(z.email("Enter an email address."));

export const personFieldsSchema = z.object({
  name: personNameSchema,
  role: z.enum(roles, "Choose a role."),
  managerId: optionalId,
  teamId: optionalId,
});

export const createPersonSchema = personFieldsSchema
  .extend({
    email: emailSchema,
    passwordMode: z.enum(["password", "link"], "Choose how the person gets a password."),
    password: z.string().max(200, "Use at most 200 characters.").optional(),
    // An optional first placement: a step (none means not placed yet) and the day it takes effect.
    ...initialPlacementSchema.shape,
  })
  .superRefine(
    (v, ctx) => {
      if (v.passwordMode !== "password") return;
      const r = passwordSchema.safeParse(v.password ?? "");
      if (!r.success) ctx.addIssue({ code: "custom", path: ["password"], message: r.error.issues[0]!.message });
    },
    // Check the password even when other fields are wrong too, so every error shows at once.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );

export const updatePersonSchema = personFieldsSchema.extend({
  id: z.uuid(),
  revision: z.coerce.number().int().min(1),
});

export const setActiveSchema = z.object({
  id: z.uuid(),
  revision: z.coerce.number().int().min(1),
  active: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});

export const teamNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a team name.")
  .max(80, "Use at most 80 characters.")
  .refine(noControlCharacters, "Use letters, not line breaks or control characters.");

export const renameTeamSchema = z.object({
  id: z.uuid(),
  name: teamNameSchema,
  revision: z.coerce.number().int().min(1),
});

/** A team's lead: any active person, or none to clear it. */
export const setTeamLeadSchema = z.object({
  id: z.uuid(),
  revision: z.coerce.number().int().min(1),
  leadId: optionalId,
});

export type CreatePersonInput = z.output<typeof createPersonSchema>;
export type UpdatePersonInput = z.output<typeof updatePersonSchema>;

const sameTwice = { message: "The two passwords are not the same.", path: ["confirm"] };

/** A new password typed twice, through a one-time link. */
export const setPasswordSchema = z
  .object({ token: z.string().max(200), password: passwordSchema, confirm: z.string().max(200) })
  .refine((v) => v.password === v.confirm, sameTwice);

/** A signed-in person's new password, typed twice, with the current one as proof. */
export const changePasswordSchema = z
  .object({ current: z.string().min(1, "Enter your current password.").max(200), password: passwordSchema, confirm: z.string().max(200) })
  .refine((v) => v.password === v.confirm, sameTwice)
  .refine((v) => v.password !== v.current, { message: "Choose a password other than the current one.", path: ["password"] });
