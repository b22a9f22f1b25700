"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, type ActionState } from "@/lib/actions";
import { createTeam, renameTeam } from "@/lib/data/people";
import { renameTeamSchema, teamNameSchema } from "@/lib/people/schemas";

const create = formAction(z.object({ name: teamNameSchema }), async (viewer, { name }) => {
  await createTeam(viewer, name);
  revalidatePath("/teams");
  return { message: `The team ${name} was created.` };
});

export async function createTeamAction(prev: ActionState, form: FormData) {
  return create(prev, form);
}

const rename = formAction(renameTeamSchema, async (viewer, input) => {
  await renameTeam(viewer, input);
  revalidatePath("/teams");
  return { message: `Renamed to ${input.name}.` };
});

export async function renameTeamAction(prev: ActionState, form: FormData) {
  return rename(prev, form);
}
