import { z } from "zod";
import { CHECK_IN_ANSWER_MAX } from "./check-ins";
import { longText, typed } from "./schemas";

/** The half-yearly check-in as the form sends it: an answer and a feeling for each question. */

const answer = z.preprocess(typed, longText(CHECK_IN_ANSWER_MAX, "the answer").pipe(z.string().min(1, "Answer in a sentence or two.")));
const feeling = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? undefined : typeof v === "string" ? Number(v.trim()) : v),
  z.number("Choose how you feel, from 1 to 5.").int("Choose how you feel, from 1 to 5.").min(1, "Choose how you feel, from 1 to 5.").max(5, "Choose how you feel, from 1 to 5."),
);

export const checkInSchema = z.object({
  learning: answer,
  learningRating: feeling,
  lookingForward: answer,
  lookingForwardRating: feeling,
  connected: answer,
  connectedRating: feeling,
  impact: answer,
  impactRating: feeling,
});

export type CheckInInput = z.output<typeof checkInSchema>;

