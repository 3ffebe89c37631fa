"use client";

import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { useActionState, useEffect, useState, useTransition } from "react";

import { OrgSearch } from "@/components/forms/search-field";
import { useConfirm, useFocusAfterSubmit } from "@/components/forms/use-result-focus";
import { TextField } from "@/components/forms/text-field";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/action-result";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLE_LABELS } from "@/lib/permissions";
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction, signOutMemberEverywhereAction } from "@/lib/settings/actions";
import type { InvitationDto, MemberDto, MemberSessionsDto } from "@/lib/settings/queries";

const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** What the panel's confirmation dialog asks about. */
type Asking = { kind: "remove" | "sign-out"; member: MemberDto };
type Ask = (asking: Asking) => void;
/** Reports an outcome in the panel's status line (focused). */
type Report = (outcome: { ok: boolean; text: string }) => void;

function SessionsCell({ member, sessions, ask }: { member: MemberDto; sessions: MemberSessionsDto | undefined; ask: Ask }) {
  if (!sessions) return <span className="text-sm text-muted-foreground">Not signed in</span>;
  return (
    <div className="space-y-1 text-sm">
      <div>
        {sessions.count} active · {sessions.devices.join(", ")}
      </div>
      {sessions.lastSeenAt ? (
        <div className="text-xs text-muted-foreground">
          Last seen {new Date(sessions.lastSeenAt).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}
        </div>
      ) : null}
      <Button
        size="sm"
        variant="outline"
        onClick={() => ask({ kind: "sign-out", member })}
        aria-label={`Sign ${member.name} out everywhere`}
      >
        Sign out everywhere
      </Button>
    </div>
  );
}

function MemberRow({
  org,
  member,
  canManage,
  isSelf,
  sessions,
  ask,
  report,
}: {
  org: string;
  member: MemberDto;
  canManage: boolean;
  isSelf: boolean;
  sessions: MemberSessionsDto | undefined;
  ask: Ask;
  report: Report;
}) {
  const [role, setRole] = useState<Role>(member.role);
  const [scope, setScope] = useState(member.scopeUnitId ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const dirty = role !== member.role || (role === "MANAGER" && scope !== (member.scopeUnitId ?? ""));

  const save = () =>
    startTransition(async () => {
      const result = await changeMemberRoleAction(org, { membershipId: member.id, role, scopeUnitId: scope });
      if (result.ok) {
        setError(null);
        toast.success(`${member.name} is now ${ROLE_LABELS[role]}`);
        // The Save button is disabled again once nothing is changed: focus goes to the result.
        report({ ok: true, text: `${member.name} is now ${ROLE_LABELS[role]}.` });
      } else setError(Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.message);
    });

  return (
    <TableRow>
      <TableCell>
        <div className="font-medium">
          {member.name} {isSelf ? <span className="text-xs text-muted-foreground">(you)</span> : null}
        </div>
        <div className="text-xs text-muted-foreground">{member.email}</div>
        {error ? (
          <p role="alert" className="mt-1 text-xs text-destructive">
            {error}
          </p>
        ) : null}
      </TableCell>
      <TableCell>
        {canManage ? (
          <NativeSelect
            aria-label={`Role of ${member.name}`}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            className="h-8 w-36"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </NativeSelect>
        ) : (
          <Badge variant="outline">{ROLE_LABELS[member.role]}</Badge>
        )}
      </TableCell>
      <TableCell>
        {canManage && role === "MANAGER" ? (
          // A search picker (the org's units are searched as you type), not a list of every unit per row.
          <OrgSearch
            org={org}
            kind="unit"
            id={`scope-${member.id}`}
            name="scopeUnitId"
            initial={member.scopeUnitId ? { id: member.scopeUnitId, name: member.scopeUnitName ?? member.scopeUnitId } : null}
            emptyLabel="No scope"
            className="h-8 w-64"
            onPick={(o) => setScope(o?.id ?? "")}
          />
        ) : (
          <span className="text-sm text-muted-foreground">
            {member.role === "MANAGER" ? (member.scopeUnitName ?? "—") : "Whole organization"}
          </span>
        )}
      </TableCell>
      {canManage ? (
        <TableCell>
          <SessionsCell member={member} sessions={sessions} ask={ask} />
        </TableCell>
      ) : null}
      {canManage ? (
        <TableCell className="text-right whitespace-nowrap">
          <Button size="sm" variant="outline" onClick={save} disabled={!dirty || pending}>
            Save
          </Button>{" "}
          <Button
            size="sm"
            variant="ghost"
            onClick={() => ask({ kind: "remove", member })}
            disabled={pending}
            aria-label={`Remove ${member.name}`}
          >
            Remove
          </Button>
        </TableCell>
      ) : null}
    </TableRow>
  );
}

type InviteState = ActionResult<{ kind: "invited"; invitationId: string; invitePath: string }> | null;

function InviteForm({ org }: { org: string }) {
  const [role, setRole] = useState<Role>("VIEWER");
  const [state, formAction, pending] = useActionState<InviteState, FormData>(async (_prev, form) => {
    const result = await inviteMemberAction(org, Object.fromEntries(form));
    if (result.ok) toast.success("Invitation created");
    return result;
  }, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const link = state?.ok ? state.data.invitePath : null;
  // Focus follows the result: the invitation link after a success, the first field to fix after a refusal.
  const { formRef, resultRef } = useFocusAfterSubmit(state);
  return (
    <form ref={formRef} action={formAction} className="grid gap-4 sm:grid-cols-[2fr_1fr_1.5fr_auto] sm:items-end" noValidate>
      <TextField
        id="invite-email"
        name="email"
        label="Email"
        errors={errors.email}
        type="email"
        autoComplete="off"
        placeholder="name@company.com"
      />
      <FormField id="invite-role" label="Role" errors={errors.role}>
        <NativeSelect id="invite-role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id="invite-scope" label="Scope (managers)" errors={errors.scopeUnitId}>
        {role === "MANAGER" ? (
          <OrgSearch
            org={org}
            kind="unit"
            id="invite-scope"
            name="scopeUnitId"
            emptyLabel="No scope"
            {...describedBy("invite-scope", errors.scopeUnitId)}
          />
        ) : (
          <Input id="invite-scope" disabled placeholder="Managers only" {...describedBy("invite-scope", errors.scopeUnitId)} />
        )}
      </FormField>
      <Button type="submit" disabled={pending}>
        {pending ? "Inviting…" : "Invite"}
      </Button>
      {state && !state.ok && !state.fieldErrors ? (
        <p role="alert" tabIndex={-1} className="text-sm text-destructive sm:col-span-4">
          {state.message}
        </p>
      ) : null}
      {link ? (
        <p
          ref={resultRef}
          tabIndex={-1}
          role="status"
          className="rounded-md bg-muted px-3 py-2 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-ring sm:col-span-4"
        >
          Invitation created. Send this single-use link to the person you invited (valid 14 days); they join when they accept it:{" "}
          <code className="break-all">{typeof window === "undefined" ? link : `${window.location.origin}${link}`}</code>
        </p>
      ) : null}
    </form>
  );
}

export function MembersPanel({
  org,
  members,
  invitations,
  sessions,
  canManage,
  currentUserEmail,
  children,
}: {
  org: string;
  members: MemberDto[];
  invitations: InvitationDto[];
  /** Active sessions by membership id (only for those who manage members). */
  sessions: Record<string, MemberSessionsDto>;
  canManage: boolean;
  currentUserEmail: string;
  /** The member search and pager (server-rendered), between the invite form and the list. */
  children?: React.ReactNode;
}) {
  const [pending, startTransition] = useTransition();
  const confirmation = useConfirm<Asking>();
  const { asking, outcomeRef, settling } = confirmation;
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; tick: number } | null>(null);
  const ask: Ask = (a) => confirmation.ask(a);
  const report: Report = (o) => setOutcome((prev) => ({ ...o, tick: (prev?.tick ?? 0) + 1 }));
  const tick = outcome?.tick ?? 0;
  useEffect(() => {
    if (tick && !settling.current) outcomeRef.current?.focus();
  }, [tick, settling, outcomeRef]);

  const confirm = (a: Asking) =>
    startTransition(async () => {
      const { member } = a;
      const result =
        a.kind === "remove"
          ? await removeMemberAction(org, { membershipId: member.id })
          : await signOutMemberEverywhereAction(org, { membershipId: member.id });
      const done = a.kind === "remove" ? `${member.name} was removed from the organization.` : `${member.name} was signed out everywhere.`;
      if (result.ok) toast.success(done);
      else toast.error(result.message);
      report({
        ok: result.ok,
        text: result.ok ? done : `Could not ${a.kind === "remove" ? "remove" : "sign out"} ${member.name}: ${result.message}`,
      });
      confirmation.settle();
    });

  return (
    <div className="space-y-6">
      {canManage ? <InviteForm org={org} /> : null}
      {children}
      <p
        ref={outcomeRef}
        tabIndex={-1}
        role="status"
        data-testid="members-outcome"
        className={
          outcome
            ? `text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-ring ${outcome.ok ? "" : "text-destructive"}`
            : "sr-only"
        }
      >
        {outcome?.text}
      </p>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Member</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>Scope</TableHead>
            {canManage ? <TableHead>Sessions</TableHead> : null}
            {canManage ? <TableHead className="text-right">Actions</TableHead> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.map((m) => (
            <MemberRow
              key={m.id}
              org={org}
              member={m}
              canManage={canManage}
              isSelf={m.email === currentUserEmail}
              sessions={sessions[m.id]}
              ask={ask}
              report={report}
            />
          ))}
        </TableBody>
      </Table>
      <ConfirmDialog
        confirmation={confirmation}
        pending={pending}
        title={asking?.kind === "sign-out" ? `Sign ${asking.member.name} out everywhere?` : `Remove ${asking?.member.name}?`}
        description={
          asking?.kind === "sign-out"
            ? "Every session of theirs ends on every device; they can sign in again."
            : "They lose access to this organization at once; what they wrote and the audit log stay. Inviting them again gives access back."
        }
        keepLabel="Cancel"
        confirmLabel={asking?.kind === "sign-out" ? "Sign out everywhere" : "Remove member"}
        pendingLabel="Working…"
        onConfirm={confirm}
      />
      {canManage && invitations.length ? (
        <div>
          <h3 className="mb-2 text-sm font-medium">Pending invitations</h3>
          <ul className="divide-y rounded-md border text-sm">
            {invitations.map((i) => (
              <li key={i.id} className="flex justify-between px-3 py-2">
                <span>{i.email}</span>
                <span className="text-muted-foreground">
                  {ROLE_LABELS[i.role]} · expires {new Date(i.expiresAt).toLocaleDateString("en-US")}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
