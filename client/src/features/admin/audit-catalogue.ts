import {
  ALERT_LEVELS,
  ALERT_RESOLUTIONS,
  ALERT_STATUSES,
  AUDIT_REDACTED_VALUE,
  CARGO_KINDS,
  CARGO_UNITS,
  DISPATCH_ORDER_STATUSES,
  DUTY_ROLES,
  INCIDENT_CLASSES,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  INCIDENT_TIMELINE_KINDS,
  ROLES,
  VEHICLE_STATUSES,
  VEHICLE_TYPES,
  WORKING_GROUPS,
} from '@cc/shared';
import { formatHqTime } from '../../app/hq-time-format';
import { i18n } from '../../app/i18n';
import { alertTitle } from '../alerts/alert-message';

/**
 * How the audit trail reads in the console's language: each recorded field by its name, codes
 * through the catalogues the rest of the console uses, instants on HQ's clock, nested values as
 * "name: value" lines. The raw name or code shows only where no catalogue knows it.
 */

/** A coded field and the catalogue that names its values (with the codes, so a test can check them all). */
export interface CodedField {
  catalogue: string;
  codes: readonly string[];
}

const INCIDENT_STATUS: CodedField = { catalogue: 'incidents.statuses', codes: INCIDENT_STATUSES };
const VEHICLE_STATUS: CodedField = { catalogue: 'dispatch.statuses', codes: VEHICLE_STATUSES };
const GROUP: CodedField = { catalogue: 'groups', codes: WORKING_GROUPS };

/** Fields holding a code (or a list of codes), per audited entity. */
export const CODED_FIELDS: Record<string, Record<string, CodedField>> = {
  User: { roles: { catalogue: 'roles', codes: ROLES } },
  Incident: {
    incidentClass: { catalogue: 'incidents.classes', codes: INCIDENT_CLASSES },
    severity: { catalogue: 'incidents.severities', codes: INCIDENT_SEVERITIES },
    status: INCIDENT_STATUS,
    assignedGroup: GROUP,
  },
  IncidentTimelineEntry: {
    kind: { catalogue: 'incidents.detail.kinds', codes: INCIDENT_TIMELINE_KINDS },
    fromStatus: INCIDENT_STATUS,
    toStatus: INCIDENT_STATUS,
  },
  Vehicle: { vehicleType: { catalogue: 'dispatch.vehicleTypes', codes: VEHICLE_TYPES }, status: VEHICLE_STATUS },
  VehicleStatusChange: { fromStatus: VEHICLE_STATUS, toStatus: VEHICLE_STATUS },
  DispatchOrder: {
    cargoKind: { catalogue: 'dispatch.cargoKinds', codes: CARGO_KINDS },
    cargoUnit: { catalogue: 'dispatch.cargoUnits', codes: CARGO_UNITS },
    status: { catalogue: 'dispatch.orderStatuses', codes: DISPATCH_ORDER_STATUSES },
    requestingGroup: GROUP,
    priority: { catalogue: 'dispatch.priorities', codes: ['1', '2', '3', '4'] },
  },
  DutyShiftMember: { role: { catalogue: 'duty.roster.roles', codes: DUTY_ROLES } },
  Alert: {
    level: { catalogue: 'alerts.levels', codes: ALERT_LEVELS },
    workingGroup: GROUP,
    status: { catalogue: 'alerts.statuses', codes: ALERT_STATUSES },
    resolution: { catalogue: 'alerts.resolutions', codes: ALERT_RESOLUTIONS },
  },
};

/** Nested values whose keys a catalogue names, and the record whose coded fields their codes follow. */
interface NestedField {
  catalogue: string;
  codesAs?: string;
}
const NESTED_FIELDS: Record<string, Record<string, NestedField>> = {
  AlertRuleSetting: { thresholds: { catalogue: 'alerts.settings.thresholdNames' } },
  Alert: { params: { catalogue: 'admin.audit.alertParams', codesAs: 'Incident' } },
};

const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/;

function known(key: string): string | null {
  const { t, te } = i18n.global;
  return te(key) ? t(key) : null;
}

/** The field's name in the console's language; the raw name when no catalogue has it. */
export function auditFieldLabel(entityType: string | null, field: string): string {
  return (entityType ? known(`admin.audit.fields.${entityType}.${field}`) : null) ?? known(`admin.audit.fields.common.${field}`) ?? field;
}

/** The operation (mutation) by its name in the console's language; the raw name when none. */
export function auditOperationLabel(operation: string): string {
  return known(`admin.audit.operations.${operation}`) ?? operation;
}

/** One line of a nested value: "name: value". */
export interface AuditValueLine {
  name: string;
  value: string;
}

/** A recorded value as a reader takes it in: plain text, or (text null) lines for a nested value. */
export interface AuditValue {
  text: string | null;
  lines: AuditValueLine[];
}

function scalar(entityType: string | null, field: string, value: unknown): string {
  const { t } = i18n.global;
  if (value === AUDIT_REDACTED_VALUE) return t('admin.audit.redacted');
  if (value === null || value === undefined || value === '') return t('admin.audit.emptyValue');
  if (typeof value === 'boolean') return t(value ? 'admin.audit.yes' : 'admin.audit.no');
  if (typeof value === 'number') return i18n.global.n(value);
  const text = String(value);
  const coded = entityType ? CODED_FIELDS[entityType]?.[field] : undefined;
  if (coded) return known(`${coded.catalogue}.${text}`) ?? text;
  if (field === 'ruleId') return alertTitle({ ruleId: text, summary: text, params: [] });
  if (INSTANT.test(text)) return formatHqTime(text, 'fullSeconds');
  return text;
}

/** A recorded value, readable: codes named, instants on HQ's clock, lists joined, objects as lines. */
export function auditValue(entityType: string | null, field: string, recorded: unknown): AuditValue {
  const value = parsedJson(recorded);
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object'))
      return {
        text: value.length ? value.map((item) => scalar(entityType, field, item)).join('、') : i18n.global.t('admin.audit.emptyValue'),
        lines: [],
      };
    return { text: null, lines: value.map((item, index) => ({ name: String(index + 1), value: nestedText(item) })) };
  }
  if (value !== null && typeof value === 'object') {
    const nested = entityType ? NESTED_FIELDS[entityType]?.[field] : undefined;
    return {
      text: null,
      lines: Object.entries(value as Record<string, unknown>).map(([key, inner]) => ({
        name: (nested ? known(`${nested.catalogue}.${key}`) : null) ?? key,
        value: inner !== null && typeof inner === 'object' ? nestedText(inner) : scalar(nested?.codesAs ?? null, key, inner),
      })),
    };
  }
  return { text: scalar(entityType, field, value), lines: [] };
}

/**
 * A JSON column's value as it was before a change arrives as the stored text (the ORM keeps the
 * serialised original); read it back so it shows as lines too, never as raw JSON.
 */
function parsedJson(value: unknown): unknown {
  if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** A value inside a nested one, flattened to one line ("a: 1; b: 2"). */
function nestedText(value: unknown): string {
  if (Array.isArray(value)) return value.map(nestedText).join('、');
  if (value !== null && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${key}: ${nestedText(inner)}`)
      .join('; ');
  return scalar(null, '', value);
}
