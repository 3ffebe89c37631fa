import { requireMember } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/permissions";

export const metadata = { title: "Signed in" };

// Who am I in this org: the signed-in user, their role and the org, outside the app shell.
// Deliberately trivial (the session user and one membership query, no shell): `npm run bench`
// uses it as the framework floor, the least a signed-in dynamic page costs on this stack.
export default async function MePage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  return (
    <main className="mx-auto max-w-md p-8 text-sm">
      <h1 className="text-lg font-semibold">{member.user.name}</h1>
      <p className="text-muted-foreground">{member.user.email}</p>
      <p className="mt-4">
        {ROLE_LABELS[member.role]} in{" "}
        <a className="underline" href={`/${member.org.slug}/dashboard`}>
          {member.org.name}
        </a>
      </p>
    </main>
  );
}
