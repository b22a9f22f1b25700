"use server";

import { revalidatePath } from "next/cache";
import { formAction, type ActionState } from "@/lib/actions";
import { createTeam, renameTeam, setTeamLead } from "@/lib/data/people";

const create = formAction(async (viewer, fields) => {
  const { name } = await createTeam(viewer, fields);
  revalidatePath("/teams");
  return { message: `The team ${name} was created.` };
});

export async function createTeamAction(prev: ActionState, form: FormData) {
  return create(prev, form);
}

const rename = formAction(async (viewer, fields) => {
  const { name } = await renameTeam(viewer, fields);
  revalidatePath("/teams");
  return { message: `Renamed to ${name}.` };
});

export async function renameTeamAction(prev: ActionState, form: FormData) {
  return rename(prev, form);
}

const lead = formAction(async (viewer, fields) => {
  const { team, lead } = await setTeamLead(viewer, fields);
  revalidatePath("/teams");
  return { message: lead ? `${lead.name} now leads ${team}.` : `${team} has no lead now.` };
});

export async function setTeamLeadAction(prev: ActionState, form: FormData) {
  return lead(prev, form);
}
