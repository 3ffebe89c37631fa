import { describedBy, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";

// The HRIS sync dialog's choices beside the mapping (components/teams/hris-sync-dialog.tsx): how
// the file writes dates, what becomes of a leaver's seat, when moves take effect, and whether
// joiners fill open positions. All but the date format are read from the form when it is sent.

export function HrisSyncOptions({
  dateFormat,
  onDateFormat,
  firstDate,
  canFill,
  errors,
}: {
  dateFormat: string;
  onDateFormat: (format: string) => void;
  /** The file's first hire date, as an example of how it writes dates ("" before a file). */
  firstDate: string;
  /** Whether the member may fill positions (joiners can fill open ones). */
  canFill: boolean;
  errors: Record<string, string[]>;
}) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField
          id="hris-dates"
          label="Dates in the file"
          help={firstDate ? `First hire date: ${firstDate}` : undefined}
          errors={errors.dateFormat}
        >
          <NativeSelect
            id="hris-dates"
            name="dateFormat"
            value={dateFormat}
            onChange={(e) => onDateFormat(e.target.value)}
            {...describedBy("hris-dates", errors.dateFormat, !!firstDate)}
          >
            <option value="">Choose…</option>
            <option value="iso">YYYY-MM-DD</option>
            <option value="us">MM/DD/YYYY</option>
            <option value="eu">DD/MM/YYYY</option>
          </NativeSelect>
        </FormField>
        <FormField id="hris-vacancy" label="A leaver's seat" errors={errors.leaverVacancy}>
          <NativeSelect id="hris-vacancy" name="leaverVacancy" defaultValue="backfill">
            <option value="backfill">Becomes a backfill</option>
            <option value="close">Is closed</option>
          </NativeSelect>
        </FormField>
        <FormField id="hris-effective" label="Moves take effect" help="Today when blank." errors={errors.effectiveFrom}>
          <Input id="hris-effective" name="effectiveFrom" type="date" {...describedBy("hris-effective", errors.effectiveFrom, true)} />
        </FormField>
      </div>
      {canFill ? (
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="fillPositions" className="mt-1" />
          <span>Joiners fill an open position of their unit with the same title</span>
        </label>
      ) : (
        <p className="text-xs text-muted-foreground">
          Joiners are added without filling open positions: filling positions needs permission to change positions (directors).
        </p>
      )}
      {errors.fillPositions ? <p className="text-xs font-medium text-destructive">{errors.fillPositions.join(" ")}</p> : null}
    </>
  );
}
