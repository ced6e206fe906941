/** The colours a Pill comes in; each pairs text and background at WCAG AA contrast. */
export type PillTone = 'red-solid' | 'red' | 'amber' | 'blue' | 'green' | 'grey';
