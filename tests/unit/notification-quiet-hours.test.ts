import { describe, expect, it } from "vitest";

import { localParts, quietUntil } from "@/lib/notifications/quiet-hours";
import { readUnsubscribeToken, unsubscribeToken } from "@/lib/notifications/unsubscribe-token";

// Quiet hours by the user's time zone (wrapping midnight, across a daylight-saving change) and the
// unsubscribe link's signature.

describe("quietUntil", () => {
  const q = (timeZone: string, quietStartHour: number | null, quietEndHour: number | null) => ({ timeZone, quietStartHour, quietEndHour });

  it.each([
    // [now (UTC), zone, start, end, expected end or null]
    ["2027-03-11T03:30:00Z", "America/New_York", 22, 7, "2027-03-11T12:00:00.000Z"], // 22:30 EST
    ["2027-03-11T11:59:00Z", "America/New_York", 22, 7, "2027-03-11T12:00:00.000Z"], // 06:59 EST
    ["2027-03-11T12:00:00Z", "America/New_York", 22, 7, null], // 07:00: over
    ["2027-03-11T21:00:00Z", "UTC", 22, 7, null],
    ["2027-03-11T22:00:00Z", "UTC", 22, 7, "2027-03-12T07:00:00.000Z"],
    ["2027-03-11T13:15:00Z", "Europe/Berlin", 12, 14, null], // 14:15 CET: after
    ["2027-03-11T12:15:00Z", "Europe/Berlin", 12, 14, "2027-03-11T13:00:00.000Z"], // 13:15 CET → 14:00 CET
    ["2027-03-11T12:15:00Z", "UTC", null, null, null],
    ["2027-03-11T12:15:00Z", "UTC", 9, 9, null],
    ["2027-03-11T12:15:00Z", "Not/AZone", 12, 13, "2027-03-11T13:00:00.000Z"], // unknown zone counts as UTC
  ] as const)("%s in %s, quiet %s–%s → %s", (now, zone, start, end, expected) => {
    const got = quietUntil(new Date(now), q(zone, start, end));
    expect(got?.toISOString() ?? null).toBe(expected);
  });

  it("local day and weekday follow the zone", () => {
    expect(localParts(new Date("2027-03-07T22:30:00Z"), "Asia/Tokyo")).toMatchObject({ day: "2027-03-08", weekday: 1, hour: 7 });
    expect(localParts(new Date("2027-03-07T22:30:00Z"), "UTC")).toMatchObject({ day: "2027-03-07", weekday: 0, hour: 22 });
  });
});

describe("unsubscribe token", () => {
  it("names its user and kind, and nothing else", () => {
    const t = unsubscribeToken("user-1", "DIRECTOR_DIGEST");
    expect(readUnsubscribeToken(t)).toEqual({ userId: "user-1", kind: "DIRECTOR_DIGEST" });
    expect(readUnsubscribeToken(t.replace("user-1", "user-2"))).toBeNull();
    expect(readUnsubscribeToken(t.replace("DIRECTOR_DIGEST", "UPDATE_DUE"))).toBeNull();
    expect(readUnsubscribeToken(`${t}x`)).toBeNull();
    expect(readUnsubscribeToken("garbage")).toBeNull();
  });
});
