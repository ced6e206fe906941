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

/** Clock time (and the date when it is not today), 24-hour, in the console's language. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const at = new Date(iso);
  const sameDay = at.toDateString() === new Date().toDateString();
  return i18n.global.d(
    at,
    sameDay
      ? { hour: '2-digit', minute: '2-digit', hour12: false }
      : { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false },
  );
}

/** 3 吨 / 3 t; 20 件. */
export function formatAmount(amount: number, unit: string): string {
  const { t, n } = i18n.global;
  return `${n(amount, { maximumFractionDigits: 2 })} ${t(`dispatch.cargoUnits.${unit}`)}`;
}
