// Money is integer minor units ("cents") end to end: BigInt in the database and in server
// arithmetic, a safe-integer number in DTOs sent to the browser (±9e15 cents is ±90 trillion in
// the reporting currency), formatted only for display. Never a float for an amount. Inputs are
// bounded so that no figure can leave that range: each amount by MAX_ABS_CENTS, and each kind of
// amount an org holds, summed, by ORG_MONEY_LIMIT_CENTS (lib/money-limit.ts checks it at every
// write; docs/architecture.md "Money that cannot overflow" has the bound).

/** For DTOs: BigInt cents → number, refusing values that would lose precision. */
export function centsToNumber(cents: bigint | number | null | undefined): number {
  if (cents === null || cents === undefined) return 0;
  const n = Number(cents);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Amount ${cents} exceeds the safe integer range`);
  return n;
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}:${compact}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      // minimumFractionDigits 0: left to its default (the currency's 2), ICU versions disagree on
      // "$110.0K" vs "$110K", and the server's HTML must match the browser's render;
      // a compact zero is "$0", not "$0.0".
      ...(compact ? { notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

/** "$1,234.56" — display only. Division by 100 here is for formatting, not arithmetic. */
export function formatMoney(cents: number | bigint, currency = "USD", opts: { compact?: boolean } = {}): string {
  return formatter(currency, !!opts.compact).format(Number(cents) / 100);
}

/** Plain decimal string for CSV exports: 123456 → "1234.56", -8000 → "-80.00". */
export function centsToDecimalString(cents: number | bigint): string {
  const big = BigInt(cents);
  const negative = big < 0n;
  const abs = negative ? -big : big;
  const units = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${units}.${frac}`;
}

/** As centsToDecimalString, with thousands separators ("155,000.00"): for amounts people edit; parseMoneyToCents reads it back. */
export function centsToGroupedString(cents: number | bigint): string {
  return centsToDecimalString(cents).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Largest amount any input may carry: ±$100bn (in the org currency's minor units). Far inside
 * PostgreSQL's bigint and JS safe integers, with room for sums of many such amounts.
 */
export const MAX_ABS_CENTS = 10_000_000_000_000n;

/**
 * Largest sum of absolute amounts of ONE kind an org may hold: its plan lines, its ledger lines,
 * the annual pay of its people and positions, its contracts' annual amounts — each at most $1
 * trillion. Every figure Keel shows is a signed sum of at most a few such totals (the forecast of
 * a year: at most 18 of them, variance 19), so it stays below 1.9e15 cents, inside
 * Number.MAX_SAFE_INTEGER (9.007e15) with room to spare.
 */
export const ORG_MONEY_LIMIT_CENTS = 100_000_000_000_000n;

/**
 * Parses a decimal amount as written by people and spreadsheets: "1234.56", "-80.00",
 * "1,234.56", "$1,234.5", "(80.00)" (accounting negative). Returns null when it is not an
 * amount, has more than two decimals or is beyond ±MAX_ABS_CENTS. Exact: no floating point.
 */
export function parseMoneyToCents(input: string): bigint | null {
  let s = input.trim().replace(/^\$/, "");
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith("-")) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith("+")) s = s.slice(1).trim();
  s = s.replace(/^\$/, "");
  if (s.length > 40 || !/^(\d{1,3}(,\d{3})*|\d+)(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ""] = s.replace(/,/g, "").split(".");
  const cents = BigInt(whole) * 100n + BigInt(frac.padEnd(2, "0"));
  if (cents > MAX_ABS_CENTS) return null;
  return negative ? -cents : cents;
}

/**
 * Multiplies cents by a decimal factor given as a string (e.g. a loaded-cost multiplier
 * "1.3000") and rounds once, half-even (banker's rounding), so that sums of many rounded
 * monthly amounts carry no systematic upward bias.
 */
export function mulCentsHalfEven(cents: bigint, factor: string, divisor = 1n): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(factor.trim());
  if (!m) throw new RangeError(`Not a decimal: ${factor}`);
  const scale = 10n ** BigInt((m[3] ?? "").length);
  const numerator = BigInt(`${m[1]}${m[2]}${m[3] ?? ""}`);
  return divHalfEven(cents * numerator, scale * divisor);
}

export function divHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("Division by zero");
  if (denominator < 0n) return divHalfEven(-numerator, -denominator);
  const q = numerator / denominator;
  const r = numerator % denominator;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice < denominator) return q;
  const away = numerator < 0n ? q - 1n : q + 1n;
  if (twice > denominator) return away;
  return q % 2n === 0n ? q : away;
}
