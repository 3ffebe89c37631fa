"use client";

import { Pencil, Plus } from "lucide-react";
import type * as React from "react";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

/**
 * The dialog of a vendor or contract form: opened by "New <noun>", or, given `editing` (the
 * record's name), by a pencil button named "Edit <name>" in the record's row.
 */
export function EditOrNewDialog({
  noun,
  editing,
  newVariant,
  open,
  onOpenChange,
  onCloseAutoFocus,
  className,
  description,
  children,
}: {
  noun: string;
  editing?: string;
  newVariant?: React.ComponentProps<typeof Button>["variant"];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus: (event: Event) => void;
  className?: string;
  description: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        {editing !== undefined ? (
          <Button variant="ghost" size="icon-sm" aria-label={`Edit ${editing}`}>
            <Pencil className="size-4" aria-hidden />
          </Button>
        ) : (
          <Button variant={newVariant}>
            <Plus className="size-4" aria-hidden />
            {`New ${noun}`}
          </Button>
        )}
      </DialogTrigger>
      <DialogContent className={className} onCloseAutoFocus={onCloseAutoFocus}>
        <DialogHeader>
          <DialogTitle>{editing !== undefined ? `Edit ${noun}` : `New ${noun}`}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {children}
      </DialogContent>
    </Dialog>
  );
}
