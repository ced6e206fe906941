import type { FormRules } from 'element-plus';
import type { CargoKind, CargoUnit } from '@cc/shared';
import type { TransportRequestInput } from '@cc/shared/operations';
import { instantFromHqPicker } from '../../../app/hq-time-format';

/**
 * The cargo part of a dispatch order, as HQ raises it and as a unit liaison requests it:
 * the same fields, rules and input either way (CargoFields.vue shows them).
 */
export const blankCargo = (cargoKind: CargoKind) => ({
  cargoKind,
  cargoDescription: '',
  cargoAmount: 1,
  cargoUnit: 'TONNES' as CargoUnit,
  origin: '',
  destination: '',
  urgent: false,
  requestedAt: null as Date | null,
  notes: '',
});
export type CargoForm = ReturnType<typeof blankCargo>;

/** Field names the cargo fields show (for the server's refusals of any other field). */
export const CARGO_FIELDS: readonly string[] = Object.keys(blankCargo('DAILY_NECESSITIES'));

/** The form's cargo fields as the API takes them: named one by one, so nothing else is sent along. */
export function cargoInput(form: CargoForm): TransportRequestInput {
  return {
    cargoKind: form.cargoKind,
    cargoDescription: form.cargoDescription,
    cargoAmount: form.cargoAmount,
    cargoUnit: form.cargoUnit,
    origin: form.origin,
    destination: form.destination,
    urgent: form.urgent,
    // The picker's reading is HQ wall-clock time, whatever the browser's zone.
    requestedAt: form.requestedAt ? instantFromHqPicker(form.requestedAt).toISOString() : null,
    notes: form.notes,
  };
}

/** Where from and where to cannot be left blank (the server refuses them too). */
export function cargoRules(t: (key: string) => string): FormRules {
  return {
    origin: [{ required: true, whitespace: true, message: t('dispatch.create.fieldErrors.origin'), trigger: 'blur' }],
    destination: [{ required: true, whitespace: true, message: t('dispatch.create.fieldErrors.destination'), trigger: 'blur' }],
  };
}
