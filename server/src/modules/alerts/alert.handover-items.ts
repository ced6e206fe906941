import type { HandoverItemsSource } from '../../core/handover-items';
import type { AlertService } from './alert.service';

/**
 * The standing critical and warning alerts a shift hands over (raised or acknowledged, not yet
 * resolved). The item links to the record the alert is about; the label is the record's own
 * name when the rule gave one, else the rule's plain summary.
 */
export function alertHandoverItems(alerts: AlertService): HandoverItemsSource {
  return async (em) => {
    const standing = await alerts.standingAtLeastWarning(em);
    return standing.map((alert) => {
      const rule = alerts.engine.rule(alert.ruleId);
      const named = alert.params['title'] ?? alert.params['plate'] ?? alert.params['name'];
      return {
        kind: 'STANDING_ALERT',
        label: String(named ?? rule?.summary(alert.params) ?? alert.dedupeKey),
        code: alert.ruleId,
        target: { entityType: alert.sourceType, entityId: alert.sourceId },
        severity: alert.level === 'CRITICAL' ? 'CRITICAL' : 'WARNING',
        dueAt: alert.raisedAt,
      };
    });
  };
}
