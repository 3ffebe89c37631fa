import { describe, expect, it } from "vitest";

import { centsToDecimalString, centsToNumber, divHalfEven, formatMoney, mulCentsHalfEven, parseMoneyToCents } from "@/lib/money";

describe("parseMoneyToCents", () => {
  it.each([
    ["1234.56", 123456n],
    ["-80.00", -8000n],
    ["1,234.56", 123456n],
    ["$1,234.5", 123450n],
    ["(80.00)", -8000n],
    ["0", 0n],
    ["  42 ", 4200n],
    ["99999999999.99", 9_999_999_999_999n],
    ["-100000000000", -10_000_000_000_000n],
  ])("%s → %s", (input, cents) => expect(parseMoneyToCents(input)).toBe(cents));

  // Beyond ±$100bn (MAX_ABS_CENTS) is refused: such a value would overflow sums and bigint columns.
  it.each(["", "abc", "1.234", "12,34.00", "1e5", "--5", "1.2.3", "NaN", "100000000000.01", "9223372036854775808", "9".repeat(100)])(
    "refuses %j",
    (input) => {
      expect(parseMoneyToCents(input)).toBeNull();
    },
  );
});

describe("formatting", () => {
  it("formats in the org currency", () => {
    expect(formatMoney(123456, "USD")).toBe("$1,234.56");
    expect(formatMoney(-8000n, "EUR")).toBe("-€80.00");
    expect(formatMoney(1_250_000_00, "USD", { compact: true })).toBe("$1.3M");
  });
  it("writes compact amounts without a trailing .0, as browsers do (hydration error #418 on headcount)", () => {
    // Node's ICU wrote "$110.0K" where Chromium writes "$110K": the server's HTML and the
    // browser's render of the same pay band differed.
    expect(formatMoney(110_000_00, "USD", { compact: true })).toBe("$110K");
    expect(formatMoney(95_500_00, "USD", { compact: true })).toBe("$95.5K");
    expect(formatMoney(0, "USD", { compact: true })).toBe("$0");
  });
  it("writes plain decimals for CSV", () => {
    expect(centsToDecimalString(123456n)).toBe("1234.56");
    expect(centsToDecimalString(-8000)).toBe("-80.00");
    expect(centsToDecimalString(5)).toBe("0.05");
    expect(centsToDecimalString(-5n)).toBe("-0.05");
  });
  it("refuses to convert amounts beyond the safe integer range into DTO numbers", () => {
    expect(centsToNumber(9_007_199_254_740_991n)).toBe(9_007_199_254_740_991);
    expect(() => centsToNumber(9_007_199_254_740_993n)).toThrow(RangeError);
  });
});

describe("half-even rounding", () => {
  it.each([
    [5n, 2n, 2n], // 2.5 → 2
    [7n, 2n, 4n], // 3.5 → 4
    [-5n, 2n, -2n],
    [-7n, 2n, -4n],
    [10n, 4n, 2n], // 2.5 → 2
    [11n, 4n, 3n], // 2.75 → 3
    [9n, 4n, 2n], // 2.25 → 2
  ])("%s / %s = %s", (n, d, q) => expect(divHalfEven(n, d)).toBe(q));

  it("applies a decimal multiplier once: monthly loaded cost of $100,000.00 × 1.3 / 12", () => {
    expect(mulCentsHalfEven(10_000_000n, "1.3000", 12n)).toBe(1_083_333n);
    expect(mulCentsHalfEven(100n, "1.005")).toBe(100n); // 100.5 → 100 (even)
    expect(mulCentsHalfEven(300n, "1.005")).toBe(302n); // 301.5 → 302 (even)
  });
});
