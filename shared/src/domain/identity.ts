/** The longest text each identity field takes; the console counts against these and the server refuses past them. */
export const IDENTITY_TEXT_LIMITS = {
  username: 64,
  displayName: 100,
  phone: 40,
  unitCode: 40,
  unitName: 120,
} as const;
