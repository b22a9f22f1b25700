import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/ui/auth-card";
import { enabledProviders } from "@/lib/auth/config";
import { outsideRefusalMessage } from "@/lib/auth/outside-sign-in";
import { demoSignIns } from "@/lib/data/demo";
import { getViewer } from "@/lib/auth/session";
import { signInWithProvider } from "./actions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const PROVIDER_ERRORS: Record<string, string> = {
  AccessDenied: "That account is not a Waymark account here. Ask an admin to add you, with the same email.",
  OAuthAccountNotLinked: "Sign in with the method you used before.",
};

function providerError(code: string): string {
  return outsideRefusalMessage(code) ?? PROVIDER_ERRORS[code] ?? "Signing in did not work. Try again.";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : "/";
  if (await getViewer()) redirect("/");
  const providers = enabledProviders();
  const error = typeof params.error === "string" && params.error !== "CredentialsSignin" ? providerError(params.error) : null;
  const demo = await demoSignIns();
  const notice = params.passwordSet === "1" ? "Your password is set. Sign in with it now." : params.passwordChanged === "1" ? "Your password is changed and you are signed out everywhere. Sign in with the new password." : null;

  return (
    <AuthCard title="Sign in to Waymark" below={demo.length > 0 && <DemoSignIns demo={demo} />}>
      {notice && (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {notice}
        </p>
      )}
      {error && (
        <p role="alert" data-testid="provider-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} />
      <p className="text-xs text-stone-600">Forgot your password? Ask an admin for a set-password link.</p>
      {providers.length > 0 && (
        <div className="space-y-2 border-t border-stone-200 pt-4">
          {providers.map((p) => (
            <form key={p.id} action={signInWithProvider}>
              <input type="hidden" name="provider" value={p.id} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button type="submit" className="w-full rounded-md border border-stone-300 px-3 py-2 text-sm font-medium hover:bg-stone-50">
                Continue with {p.name}
              </button>
            </form>
          ))}
        </div>
      )}
    </AuthCard>
  );
}

function DemoSignIns({ demo }: { demo: { name: string; email: string; role: string; password: string }[] }) {
  return (
    <section aria-labelledby="demo-heading" className="rounded-xl border border-dashed border-stone-300 bg-white/60 p-4 text-sm">
      <h2 id="demo-heading" className="font-medium text-stone-800">
        Demo sign-ins
      </h2>
      <p className="mt-1 text-stone-600">This Waymark runs on the embedded demo database. Try it as one of these people:</p>
      <table className="mt-2 w-full text-left text-xs">
        <thead>
          <tr className="text-stone-600">
            <th className="py-1 font-medium">Person</th>
            <th className="py-1 font-medium">Email</th>
            <th className="py-1 font-medium">Password</th>
          </tr>
        </thead>
        <tbody>
          {demo.map((d) => (
            <tr key={d.email} className="border-t border-stone-200">
              <td className="py-1 pr-2">
                {d.name} <span className="text-stone-600">({d.role})</span>
              </td>
              <td className="py-1 pr-2 font-mono">{d.email}</td>
              <td className="py-1 font-mono">{d.password}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
