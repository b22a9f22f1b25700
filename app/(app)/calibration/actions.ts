"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, type ActionState } from "@/lib/actions";
import { castVote, closeSession, createSession, decideCase, publishSession, startSession } from "@/lib/data/calibration";

/** Calibration: sessions run by admins, pre-votes and decisions by calibrators. The data-access layer authorizes each. */

const create = formAction(
  async (viewer, fields) => {
    const { id } = await createSession(viewer, fields);
    redirect(`/calibration/${id}`);
  },
  { lists: ["calibratorIds"] },
);

export async function createSessionAction(prev: ActionState, form: FormData) {
  return create(prev, form);
}

const refresh = (fields: Record<string, string | string[]>) => {
  if (typeof fields.sessionId === "string") revalidatePath(`/calibration/${fields.sessionId}`);
};

const start = formAction(async (viewer, fields) => {
  await startSession(viewer, fields);
  refresh({ sessionId: fields.id! });
  return { message: "The session has started: everyone's pre-votes are visible, and cases can be decided." };
});
const close = formAction(async (viewer, fields) => {
  await closeSession(viewer, fields);
  refresh({ sessionId: fields.id! });
  return { message: "The session is closed and its decisions are locked. Publish the outcomes when the engineers should see them." };
});
const publish = formAction(async (viewer, fields) => {
  const { placed } = await publishSession(viewer, fields);
  refresh({ sessionId: fields.id! });
  return { message: `Published. ${placed === 1 ? "One promotion was" : `${placed} promotions were`} written as new placements.` };
});

export async function startSessionAction(prev: ActionState, form: FormData) {
  return start(prev, form);
}
export async function closeSessionAction(prev: ActionState, form: FormData) {
  return close(prev, form);
}
export async function publishSessionAction(prev: ActionState, form: FormData) {
  return publish(prev, form);
}

const vote = formAction(async (viewer, fields) => {
  await castVote(viewer, fields);
  refresh(fields);
  return { message: "Your pre-vote is recorded. The others see it once the session starts." };
});

export async function voteAction(prev: ActionState, form: FormData) {
  return vote(prev, form);
}

const decide = formAction(async (viewer, fields) => {
  await decideCase(viewer, fields);
  refresh(fields);
  return { message: "Decided. The case is locked." };
});

export async function decideAction(prev: ActionState, form: FormData) {
  return decide(prev, form);
}
