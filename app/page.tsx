import { Building } from "lucide-react";
import { redirect } from "next/navigation";

import { SignOutButton } from "@/components/shell/sign-out-button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getSessionUser, landingOrg } from "@/lib/auth";

export default async function RootPage() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  // The org last opened (or joined), else the first joined: never alphabetical order.
  const slug = await landingOrg(user.id);
  if (slug) redirect(`/${slug}/dashboard`);

  // Signed in but not a member anywhere (e.g. removed from their only org).
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <Card className="w-full max-w-md">
        <EmptyState
          icon={Building}
          title="You're not a member of any organization"
          description={`Signed in as ${user.email}. Ask an admin to invite you, then sign in again.`}
          action={<SignOutButton />}
        />
      </Card>
    </main>
  );
}
