import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/ui/auth-card";
import { describePasswordToken } from "@/lib/data/people";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const person = token.length <= 200 ? await describePasswordToken(token) : null;
  return (
    <AuthCard title="Set your password">
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
    </AuthCard>
  );
}
