import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/ui/logo";
import { describePasswordToken } from "@/lib/data/people";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const person = token.length <= 200 ? await describePasswordToken(token) : null;
  return (
    <main id="main" className="flex min-h-dvh items-start justify-center px-4 py-12 sm:items-center">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex flex-col items-center gap-2 text-center">
          <Logo className="size-10" />
          <h1 className="text-2xl font-semibold tracking-tight">Set your password</h1>
        </div>
        <div className="space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
          {person ? (
            <>
              <p className="text-sm text-stone-700">
                For <strong>{person.name}</strong> ({person.email}).
              </p>
              <SetPasswordForm token={token} />
            </>
          ) : (
            <p className="text-sm text-stone-700">
              This link has been used or has expired. Ask an admin for a new one, or{" "}
              <Link href="/sign-in" className="text-path hover:underline">
                sign in
              </Link>
              .
            </p>
          )}
        </div>
      </div>
    </main>
  );
}
