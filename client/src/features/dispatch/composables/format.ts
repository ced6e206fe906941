import { formatHqTime } from '../../../app/hq-time-format';
import { i18n } from '../../../app/i18n';

/** "2小时05分" / "2 h 05 min": how long a vehicle has been in its status (the board ticks it). */
export function formatDuration(ms: number): string {
  const { t } = i18n.global;
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3_600);
  const m = Math.floor((total % 3_600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return t('dispatch.duration.days', { d, h });
  if (h > 0) return t('dispatch.duration.hours', { h, m: pad(m) });
  return t('dispatch.duration.minutes', { m, s: pad(s) });
}

/** HQ clock time (and the date when it is not today at HQ), 24-hour, in the console's language. */
export function formatTime(iso: string | null | undefined): string {
  return formatHqTime(iso, 'clock');
}

/** 3 吨 / 3 t; 20 件. */
export function formatAmount(amount: number, unit: string): string {
  const { t, n } = i18n.global;
  return `${n(amount, { maximumFractionDigits: 2 })} ${t(`dispatch.cargoUnits.${unit}`)}`;
}
