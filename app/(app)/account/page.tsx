import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { roleLabel } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const viewer = await requireViewer();
  return (
    <div className="space-y-6">
      <PageHeader title="Your account" description="How you sign in to Waymark." />
      <section aria-labelledby="account-who" className="max-w-md rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
        <h2 id="account-who" className="sr-only">
          Who you are
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-stone-600">Name</dt>
          <dd className="text-stone-900">{viewer.name}</dd>
          <dt className="text-stone-600">Email</dt>
          <dd className="break-all text-stone-900">{viewer.email}</dd>
          <dt className="text-stone-600">Role</dt>
          <dd className="text-stone-900">{roleLabel[viewer.role]}</dd>
        </dl>
        <Link href={`/people/${viewer.id}`} className="mt-4 inline-block text-sm font-medium text-path hover:underline">
          Your page
        </Link>
      </section>
      <section aria-labelledby="change-password" className="space-y-3">
        <h2 id="change-password" className="text-lg font-semibold text-stone-900">
          Change your password
        </h2>
        <p className="max-w-prose text-sm text-stone-700">
          Changing it signs you out everywhere, on this device too: sign in again with the new password. Forgot the current one? Ask an admin for a
          set-password link.
        </p>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
