import { formatHqTime } from '../../../app/hq-time-format';
import { i18n } from '../../../app/i18n';

/** "12-08 09:00 – 12-10 09:00" on HQ's clock. */
export function windowText(from: string, until: string): string {
  return `${formatHqTime(from, 'dayClock')} – ${formatHqTime(until, 'dayClock')}`;
}

/** How long a request has waited, as h:mm (the queue's ticking column). */
export function waitedText(since: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

export function cargoLabel(kind: string): string {
  return i18n.global.t(`permits.cargoKinds.${kind}`);
}

export function vehicleTypeLabel(type: string): string {
  return i18n.global.t(`permits.vehicleTypes.${type}`);
}
