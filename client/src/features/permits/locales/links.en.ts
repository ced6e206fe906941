import type { MessagesLike } from '../../../app/messages-like';
import type zhCN from './links.zh-CN';

export default {
  links: {
    cargo: {
      EPIDEMIC_SUPPLIES: 'Epidemic-prevention supplies',
      DAILY_NECESSITIES: 'Daily necessities',
      COAL: 'Coal',
      FUEL: 'Fuel',
      PRODUCTION_MATERIALS: 'Production materials',
    },
    outlivedReasons: {
      REVOKED: 'the permit was revoked',
      ENDED: 'the permit has ended',
      ENDS_BEFORE_JOB: 'the permit ends before the job is expected to end',
      ENDS_SOON: 'the job is late and the permit ends soon',
    },
    standing: {
      label: 'Standing permit',
      none: 'No standing permit',
      validUntil: 'valid until {until}',
      expired: 'no longer valid',
      grant: 'Grant standing permit',
      change: 'Change',
      withdraw: 'Withdraw',
      withdrawConfirm: 'Withdraw standing permit {number} from {plate}? The permit itself stays valid.',
      granted: 'Standing permit {number} granted to {plate}',
      withdrawn: 'Standing permit of {plate} withdrawn',
      noChoices: 'No valid permit for this plate',
    },
    attach: {
      button: 'Attach permit',
      change: 'Change permit',
      title: 'Attach a permit to {plate} (order {orderNumber})',
      permit: 'Permit',
      expectedEnd: 'Job expected to end',
      expectedEndHint: '8 hours after departure when left empty',
      noChoices: 'This vehicle has no valid permit for this cargo',
      notCovering: 'not valid over the whole job',
      attached: 'Permit {number} attached to {plate}',
      onJob: 'Permit {number}, valid until {until}',
      none: 'No permit attached',
    },
    refusals: {
      permitLink_not_issued: 'Permit {permitNumber} has not been issued',
      permitLink_revoked: 'Permit {permitNumber} was revoked; choose a valid one',
      permitLink_expired: 'Permit {permitNumber} has expired; choose a valid one',
      permitLink_wrong_plate: 'Permit {permitNumber} belongs to another vehicle: one permit, one vehicle',
      permitLink_cargo_incompatible: 'Permit {permitNumber} is for other cargo than this job’s',
      permitLink_window_not_covered: 'Permit {permitNumber} is not valid over the whole job',
      permitLink_job_ended: 'The vehicle is no longer on this job',
      standingPermit_held_elsewhere: 'This permit is already another vehicle’s standing permit',
      standingPermit_none: 'This vehicle holds no standing permit',
    },
    overlap: {
      title: 'Permits overlap',
      message: '{message}',
      reason: 'Reason for the overlap',
      confirm: 'Confirm overlap',
    },
    figures: {
      title: 'Permit figures',
      day: 'Day',
      requested: 'Requested',
      approved: 'Approved',
      rejected: 'Rejected',
      medianReview: 'Median review time (minutes)',
      byCargo: 'By cargo kind',
      cargoKind: 'Cargo kind',
      empty: 'No permit requests or reviews that day',
      minutes: '{n} min',
    },
  },
  alertRules: {
    permitOutlivedByJob: {
      title: 'Job under way outlives its permit',
      message:
        '{plate} (order {orderNumber}): {permitOutlivedReason}. Permit {permitNumber} is valid until {permitEndsAt}; the job is expected to end {expectedEndAt}',
    },
  },
} satisfies MessagesLike<typeof zhCN>;
