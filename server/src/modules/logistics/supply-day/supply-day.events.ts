/** Something of a supply day changed: its plan, its summary's readiness, or the deadlines. Consoles re-read the day. */
export interface SupplyDayEventPayload {
  day: string;
  changed: string[];
}

declare module '../../../core/realtime/topics' {
  interface Topics {
    supplyDay: SupplyDayEventPayload;
  }
}

export const SUPPLY_DAY_TOPIC = 'supplyDay' as const;
