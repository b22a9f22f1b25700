"use server";

import { signOut } from "@/lib/auth/config";
import { getViewer } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/data/viewer";

/** Signing out ends the person's sessions everywhere, so a copied cookie stops working too. */
export async function signOutAction() {
  const viewer = await getViewer();
  if (viewer) await signOutEverywhere(viewer);
  await signOut({ redirectTo: "/sign-in" });
}
