"use client";

import { Check, ChevronsUpDown } from "lucide-react";

import { Menu, MenuContent, MenuLabel, MenuLinkItem, MenuSeparator, MenuTrigger } from "@/components/ui/menu";

export type OrgOption = { slug: string; name: string; roleLabel: string };

function OrgAvatar({ name }: { name: string }) {
  return (
    <span
      aria-hidden
      className="flex size-6 shrink-0 items-center justify-center rounded-md bg-primary-soft text-xs font-semibold text-primary-soft-foreground"
    >
      {name.trim().charAt(0).toUpperCase() || "?"}
    </span>
  );
}

export function OrgSwitcher({ current, orgs }: { current: OrgOption; orgs: OrgOption[] }) {
  return (
    <Menu>
      <MenuTrigger
        aria-label={`Organization: ${current.name}. Switch organization`}
        className="flex h-9 max-w-72 items-center gap-2 rounded-md px-2 text-sm font-semibold text-foreground transition-colors hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none data-[state=open]:bg-muted"
      >
        <OrgAvatar name={current.name} />
        <span className="truncate">{current.name}</span>
        <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden />
      </MenuTrigger>
      <MenuContent align="start" className="w-64">
        <MenuLabel>Organizations</MenuLabel>
        <MenuSeparator />
        {orgs.map((org) => {
          const isCurrent = org.slug === current.slug;
          return (
            <MenuLinkItem key={org.slug} href={`/${org.slug}/dashboard`} aria-current={isCurrent ? "true" : undefined}>
              <OrgAvatar name={org.name} />
              <span className="flex min-w-0 flex-1 flex-col">
                <span className="truncate font-medium text-foreground">{org.name}</span>
                <span className="text-xs text-muted-foreground">{org.roleLabel}</span>
              </span>
              {isCurrent ? <Check className="text-primary!" aria-label="Current organization" /> : null}
            </MenuLinkItem>
          );
        })}
      </MenuContent>
    </Menu>
  );
}
