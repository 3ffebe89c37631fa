"use client";

import { LogOut, UserRound } from "lucide-react";

import { signOutToLogin } from "@/components/shell/sign-out";
import { Badge } from "@/components/ui/badge";
import { Menu, MenuContent, MenuItem, MenuLabel, MenuLinkItem, MenuSeparator, MenuTrigger } from "@/components/ui/menu";

function initials(name: string, email: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length >= 2 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? email).slice(0, 2);
  return letters.toUpperCase();
}

export function UserMenu({ name, email, roleLabel, accountHref }: { name: string; email: string; roleLabel: string; accountHref: string }) {
  return (
    <Menu>
      <MenuTrigger
        aria-label={`Account menu for ${name || email} ${roleLabel}`}
        className="flex h-10 items-center gap-2.5 rounded-full py-1 pr-3.5 pl-1 text-sm transition-colors hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none data-[state=open]:bg-muted"
      >
        <span
          aria-hidden
          className="flex size-7 items-center justify-center rounded-full bg-slate-800 text-[11px] font-semibold text-white"
        >
          {initials(name, email)}
        </span>
        <span className="hidden flex-col items-start leading-tight sm:flex">
          <span className="max-w-40 truncate font-medium">{name || email}</span>
          <span className="text-[11px] text-muted-foreground">{roleLabel}</span>
        </span>
      </MenuTrigger>
      <MenuContent align="end" className="w-64">
        <MenuLabel className="flex flex-col gap-1 py-2 font-normal">
          <span className="truncate text-sm font-semibold text-foreground">{name}</span>
          <span className="truncate text-xs text-muted-foreground">{email}</span>
          <Badge variant="secondary" className="mt-1" data-testid="role-badge">
            {roleLabel}
          </Badge>
        </MenuLabel>
        <MenuSeparator />
        <MenuLinkItem href={accountHref}>
          <UserRound aria-hidden />
          Your account
        </MenuLinkItem>
        <MenuItem onSelect={() => void signOutToLogin()}>
          <LogOut aria-hidden />
          Sign out
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}
