import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { SearchCombobox } from "@/components/ui/search-combobox";
import { fiscalYearLabel } from "@/lib/fiscal";

/**
 * Unit subtree and fiscal year, as a GET form: the view lives in the URL and can be shared. The
 * unit is searched as you type (/[org]/teams/search, by name or code), not listed in the page.
 */
export function PlanFilter({
  org,
  unit,
  years,
  fiscalYear,
}: {
  org: string;
  unit: { id: string; name: string } | null;
  years: number[];
  fiscalYear: number;
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Headcount filters">
      <div className="space-y-1">
        <label htmlFor="unit" className="text-xs font-medium text-muted-foreground">
          Org unit
        </label>
        <SearchCombobox
          id="unit"
          name="unit"
          source={`/${org}/teams/search`}
          initial={unit}
          emptyLabel="Whole organization"
          placeholder="Whole organization"
          className="w-64"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="fy" className="text-xs font-medium text-muted-foreground">
          Fiscal year
        </label>
        <NativeSelect id="fy" name="fy" defaultValue={String(fiscalYear)} className="w-32">
          {years.map((y) => (
            <option key={y} value={y}>
              {fiscalYearLabel(y)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" variant="outline">
        Show
      </Button>
    </form>
  );
}
