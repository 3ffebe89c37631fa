import type { Metadata } from "next";

import Link from "next/link";

import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { JoinInviteButton } from "@/components/auth/join-invite-button";
import { KeelWordmark } from "@/components/shell/keel-logo";
import { getSessionUser } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/permissions";
import { findOpenInvitation } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Join Keel" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([findOpenInvitation(token), getSessionUser()]);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-canvas px-4 py-12">
      <div className="flex w-full max-w-sm flex-col items-center gap-8">
        <KeelWordmark />
        <div className="w-full rounded-xl border border-border bg-card p-8 shadow-card">
          {invitation ? (
            <>
              <div className="mb-6 space-y-1.5">
                <h1 className="text-xl font-semibold tracking-tight">Join {invitation.org.name}</h1>
                <p className="text-sm text-muted-foreground">
                  You were invited as <strong>{ROLE_LABELS[invitation.role]}</strong> with {invitation.email}.
                  {user ? "" : " New to Keel? Choose your name and a password."}
                </p>
              </div>
              {user?.email === invitation.email ? (
                <JoinInviteButton token={token} orgName={invitation.org.name} />
              ) : user ? (
                <p className="text-sm text-muted-foreground">
                  You are signed in as {user.email}. Sign out and sign in as {invitation.email} to accept this invitation.
                </p>
              ) : (
                <div className="space-y-4">
                  <AcceptInviteForm token={token} email={invitation.email} />
                  <p className="text-center text-sm text-muted-foreground">
                    Already have a Keel account?{" "}
                    <Link className="underline" href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>
                      Sign in to accept
                    </Link>
                  </p>
                </div>
              )}
            </>
          ) : (
            <div className="space-y-2">
              <h1 className="text-xl font-semibold tracking-tight">This invitation is no longer valid</h1>
              <p className="text-sm text-muted-foreground">
                It has expired or was already used. Ask your organization admin for a new one.
              </p>
            </div>
          )}
        </div>
      </div>
    </main>
  );
}
