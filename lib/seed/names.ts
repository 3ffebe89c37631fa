import type { Rng } from "@/lib/seed/random";

// Fixed name pools: the PRNG picks from them, so the same `today` always yields the same people.
const FIRST_NAMES = [
  "Aisha",
  "Alejandro",
  "Amara",
  "Anders",
  "Anika",
  "Arjun",
  "Beatriz",
  "Benjamin",
  "Caleb",
  "Camila",
  "Chen",
  "Chloe",
  "Daniel",
  "Deepa",
  "Diego",
  "Elena",
  "Emeka",
  "Emily",
  "Ethan",
  "Fatima",
  "Felix",
  "Gabriel",
  "Grace",
  "Hana",
  "Hassan",
  "Ingrid",
  "Isaac",
  "Jamal",
  "Jasmine",
  "Javier",
  "Jonas",
  "Julia",
  "Kenji",
  "Keisha",
  "Lars",
  "Layla",
  "Leo",
  "Lucia",
  "Maya",
  "Mei",
  "Miguel",
  "Nadia",
  "Naveen",
  "Nina",
  "Noah",
  "Olivia",
  "Omar",
  "Oscar",
  "Priya",
  "Rafael",
  "Rahul",
  "Rosa",
  "Samir",
  "Sara",
  "Sofia",
  "Tariq",
  "Theo",
  "Valentina",
  "Wei",
  "Yara",
  "Yusuf",
  "Zara",
  "Connor",
  "Freya",
  "Hugo",
  "Ivy",
  "Kofi",
  "Lena",
  "Mateus",
  "Quinn",
];

const LAST_NAMES = [
  "Abara",
  "Andersen",
  "Bauer",
  "Bianchi",
  "Brennan",
  "Castillo",
  "Chandra",
  "Costa",
  "Dubois",
  "Eriksen",
  "Fernandes",
  "Fischer",
  "Garcia",
  "Goldberg",
  "Haddad",
  "Hansen",
  "Ito",
  "Iyer",
  "Jensen",
  "Kapoor",
  "Kim",
  "Kowalski",
  "Laurent",
  "Lindqvist",
  "Mahmoud",
  "Martins",
  "Mensah",
  "Moreau",
  "Murphy",
  "Nakamura",
  "Nguyen",
  "Novak",
  "Okafor",
  "Oliveira",
  "Ortiz",
  "Park",
  "Petrov",
  "Quinn",
  "Ramos",
  "Reyes",
  "Rossi",
  "Sato",
  "Schmidt",
  "Shah",
  "Silva",
  "Singh",
  "Sokolov",
  "Tanaka",
  "Torres",
  "Varga",
  "Wagner",
  "Walsh",
  "Wong",
  "Yamamoto",
  "Zhang",
  "Zielinski",
  "Adeyemi",
  "Bergstrom",
  "Delacroix",
  "Ferreira",
];

export const LOCATIONS = [
  "San Francisco, CA",
  "San Francisco, CA",
  "San Francisco, CA",
  "Austin, TX",
  "Austin, TX",
  "New York, NY",
  "Seattle, WA",
  "Remote – US",
  "Remote – US",
  "Toronto, ON",
] as const;

export const CONTRACTOR_LOCATIONS = ["Remote – Poland", "Remote – Portugal", "Remote – Mexico", "Remote – Argentina"] as const;

export type NamePicker = {
  next(): string;
  /** Reserve a fixed name (the demo logins' people) so the pool never hands it out again. */
  reserve(name: string): string;
};

export function createNamePicker(rng: Rng): NamePicker {
  const used = new Set<string>();
  const usedLast = new Map<string, number>();
  return {
    reserve(name) {
      used.add(name);
      return name;
    },
    next() {
      for (;;) {
        const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
        const last = name.split(" ")[1];
        // At most two people per surname keeps the org chart from looking like a family business.
        if (used.has(name) || (usedLast.get(last) ?? 0) >= 2) continue;
        used.add(name);
        usedLast.set(last, (usedLast.get(last) ?? 0) + 1);
        return name;
      }
    },
  };
}

export function emailFor(name: string, domain: string): string {
  return `${name
    .toLowerCase()
    .replace(/[^a-z ]/g, "")
    .replace(/ +/g, ".")}@${domain}`;
}
