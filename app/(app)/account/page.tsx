import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { roleLabel } from "@/lib/auth/policy";
import { requireViewer } from "@/lib/auth/session";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const viewer = await requireViewer();
  return (
    <div className="space-y-6">
      <PageHeader title="Your account" description="How you sign in to Waymark." />
      <Section id="account-who" title="Who you are" srOnlyTitle card>
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
      </Section>
      <Section id="change-password" title="Change your password">
        <p className="max-w-prose text-sm text-stone-700">
          Changing it signs you out everywhere, on this device too: sign in again with the new password. Forgot the current one? Ask an admin for a
          set-password link.
        </p>
        <ChangePasswordForm />
      </Section>
    </div>
  );
}
