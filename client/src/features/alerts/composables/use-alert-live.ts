import { watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { AlertChangedDocument } from '@cc/shared/operations';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { alertMessage } from '../alert-message';
import { notifyInBackground } from '../alert-notification';
import { playCriticalBeep, prepareAlertSound } from '../alert-sound';
import { useAlertSource } from './use-alert-source';
import { useStandingAlerts } from './use-standing-alerts';

/**
 * The console's live alert feed (mounted once, by the tray): the standing list, kept live from
 * `alertChanged` with a resume position, and the signals of a critical alert — a sound, and
 * the browser's notification when the tab is in the background. A critical alert escalated to
 * this leader signals again.
 */
export function useAlertLive(viewerId: () => string | null) {
  const { t } = useI18n();
  const router = useRouter();
  const sourceOf = useAlertSource();
  prepareAlertSound();

  const live = useLiveSubscription({ query: AlertChangedDocument, reload: async () => void (await standing.refresh()) });
  // Only after the resume position is known: changes between the two are replayed, not lost.
  const standing = useStandingAlerts({ pause: () => !live.ready.value });

  const escalationSeen = new Map<string, number>();
  watch(live.data, (event) => {
    const change = event?.alertChanged;
    if (!change) return;
    const alert = change.alert;
    const before = escalationSeen.get(alert.id) ?? 0;
    escalationSeen.set(alert.id, alert.escalationLevel);
    if (alert.level !== 'CRITICAL' || alert.status !== 'RAISED') return;
    const escalatedToMe = change.kind === 'UPDATED' && alert.escalationLevel > before && alert.assignedLeader?.id === viewerId();
    if (change.kind !== 'CREATED' && !escalatedToMe) return;
    playCriticalBeep();
    notifyInBackground(
      t(escalatedToMe ? 'alerts.notification.escalatedTitle' : 'alerts.notification.title'),
      alertMessage(alert),
      alert.id,
      () => {
        const target = sourceOf(alert);
        if (target) void router.push(target);
      },
    );
  });

  return { ...standing, ready: live.ready };
}
