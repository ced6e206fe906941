import type { FormRules } from 'element-plus';
import { cargoAmountProblem, DISPATCH_TEXT_LIMITS, MAX_CARGO_AMOUNT, MIN_CARGO_AMOUNT, type CargoKind, type CargoUnit } from '@cc/shared';
import type { TransportRequestInput } from '@cc/shared/operations';
import { instantFromHqPicker } from '../../../app/hq-time-format';
import { maxLengthRule } from '../../../app/form-rules';
import { dateTimeRule } from '../../../components/ui/date-time-text';

/**
 * The cargo part of a dispatch order, as HQ raises it and as a unit liaison requests it:
 * the same fields, rules and input either way (CargoFields.vue shows them).
 */
export const blankCargo = (cargoKind: CargoKind) => ({
  cargoKind,
  cargoDescription: '',
  cargoAmount: 1 as number | null,
  cargoUnit: 'TONNES' as CargoUnit,
  origin: '',
  destination: '',
  urgent: false,
  requestedAt: null as Date | null,
  /** Text typed in the requested time that the picker could not read; never sent. */
  requestedAtText: '',
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
    // An empty amount is refused by the form's rule before this is sent.
    cargoAmount: form.cargoAmount ?? 0,
    cargoUnit: form.cargoUnit,
    origin: form.origin,
    destination: form.destination,
    urgent: form.urgent,
    // The picker's reading is HQ wall-clock time, whatever the browser's zone.
    requestedAt: form.requestedAt ? instantFromHqPicker(form.requestedAt).toISOString() : null,
    notes: form.notes,
  };
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * Where from and where to cannot be left blank, the amount must be one an order can carry
 * (the shared limits the server applies), no text runs over, and a typed time must be a time.
 */
export function cargoRules(t: Translate, form: () => CargoForm): FormRules {
  return {
    origin: [
      { required: true, whitespace: true, message: t('dispatch.create.fieldErrors.origin'), trigger: 'blur' },
      maxLengthRule(t, DISPATCH_TEXT_LIMITS.origin),
    ],
    destination: [
      { required: true, whitespace: true, message: t('dispatch.create.fieldErrors.destination'), trigger: 'blur' },
      maxLengthRule(t, DISPATCH_TEXT_LIMITS.destination),
    ],
    cargoDescription: [maxLengthRule(t, DISPATCH_TEXT_LIMITS.cargoDescription)],
    notes: [maxLengthRule(t, DISPATCH_TEXT_LIMITS.notes)],
    cargoAmount: [
      {
        trigger: ['blur', 'change'],
        validator: (_rule, value: number | null | undefined, callback) => {
          const unit = form().cargoUnit;
          const problem = cargoAmountProblem(value ?? Number.NaN, unit);
          const values = {
            amount: (value ?? 0).toLocaleString(),
            min: MIN_CARGO_AMOUNT[unit],
            max: MAX_CARGO_AMOUNT[unit].toLocaleString(),
            unit: t(`dispatch.cargoUnits.${unit}`),
          };
          callback(problem ? new Error(t(`dispatch.create.amountProblems.${problem}`, values)) : undefined);
        },
      },
    ],
    requestedAt: [dateTimeRule(t, () => form().requestedAtText)],
  };
}
