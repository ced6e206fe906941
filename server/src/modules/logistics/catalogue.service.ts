import type { EntityManager } from '@mikro-orm/postgresql';
import { NECESSITIES_COVER_DAYS, SUPPLY_TEXT_LIMITS } from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import { unitScopeOf } from '../../core/auth/unit-scope';
import type { Context, Viewer } from '../../core/context';
import { domainError, notFound } from '../../core/errors';
import { commit, type Tx } from '../../core/unit-of-work';
import type { MemberUnitService } from '../identity/member-unit.service';
import type { UserService } from '../identity/user.service';
import { requiredText } from './ledger.rules';
import type {
  CreateSupplyItemInput,
  CreateSupplyPlaceInput,
  SetSupplyPlaceKeeperInput,
  SetSupplyStockMinimumInput,
} from './logistics.inputs';
import { SUPPLY_CATALOGUE_TOPIC } from './logistics.events';
import { SupplyItem } from './supply-item.entity';
import { SupplyPlace } from './supply-place.entity';
import { SupplyStockMinimum } from './supply-stock-minimum.entity';

export type SupplyPeople = Pick<UserService, 'get'>;

/** The catalogue (物资目录) and the places that hold stock (仓库、交通检疫点、成员单位). */
export class SupplyCatalogueService {
  constructor(
    private readonly people: SupplyPeople,
    private readonly units: MemberUnitService,
  ) {}

  items(em: EntityManager): Promise<SupplyItem[]> {
    return em.find(SupplyItem, {}, { orderBy: { category: 'asc', name: 'asc' } });
  }

  /** HQ sees every place; a unit liaison only their unit's. */
  places(em: EntityManager, viewer: Viewer | null): Promise<SupplyPlace[]> {
    const scope = unitScopeOf(viewer);
    if (scope.kind === 'NONE') return Promise.resolve([]);
    return em.find(SupplyPlace, scope.kind === 'ALL' ? {} : { unitId: scope.unitId }, { orderBy: { kind: 'asc', code: 'asc' } });
  }

  minimums(em: EntityManager): Promise<SupplyStockMinimum[]> {
    return em.find(SupplyStockMinimum, {}, { orderBy: { itemId: 'asc', placeId: 'asc' } });
  }

  createItem(ctx: Context, input: CreateSupplyItemInput): Promise<SupplyItem> {
    return commit(ctx, 'createSupplyItem', input, async (tx) => {
      const name = requiredText('name', input.name, SUPPLY_TEXT_LIMITS.itemName, 'the item’s name');
      const unitOfMeasure = requiredText('unitOfMeasure', input.unitOfMeasure, SUPPLY_TEXT_LIMITS.unitOfMeasure, 'its unit of measure');
      if (await tx.em.count(SupplyItem, { name })) {
        throw domainError('CONFLICT', `${name} is already in the catalogue.`, { field: 'name', reason: 'supply/item_name_taken' });
      }
      if (input.channelUnitId) await this.unit(tx, input.channelUnitId, 'channelUnitId');
      const floor = input.coverDaysFloor ?? (input.category === 'FOOD_AND_NECESSITIES' ? NECESSITIES_COVER_DAYS : null);
      if (floor !== null && (!Number.isInteger(floor) || floor < 1 || floor > 365)) {
        throw domainError('BAD_USER_INPUT', 'Days of cover: a whole number from 1 to 365.', { field: 'coverDaysFloor' });
      }
      const item = tx.em.create(SupplyItem, {
        name,
        unitOfMeasure,
        category: input.category,
        channelUnitId: input.channelUnitId ?? null,
        coverDaysFloor: floor,
        active: true,
      });
      tx.em.persist(item);
      emitCatalogue(tx, 'ITEM', item.id, []);
      return item;
    });
  }

  createPlace(ctx: Context, input: CreateSupplyPlaceInput): Promise<SupplyPlace> {
    return commit(ctx, 'createSupplyPlace', input, async (tx) => {
      const code = requiredText('code', input.code, SUPPLY_TEXT_LIMITS.placeCode, 'a code').toUpperCase();
      if (!/^[A-Z][A-Z0-9_-]*$/.test(code)) {
        throw domainError('BAD_USER_INPUT', 'A code starts with a letter and has capitals, digits, - and _ only.', { field: 'code' });
      }
      const name = requiredText('name', input.name, SUPPLY_TEXT_LIMITS.placeName, 'the place’s name');
      if (await tx.em.count(SupplyPlace, { code })) {
        throw domainError('CONFLICT', `The code ${code} is taken; choose another.`, { field: 'code', reason: 'supply/place_code_taken' });
      }
      if (input.kind === 'UNIT' && !input.unitId) {
        throw domainError('BAD_USER_INPUT', 'Name the member unit this place belongs to.', { field: 'unitId' });
      }
      if (input.kind === 'DEPOT' && !input.keeperId) {
        throw domainError('BAD_USER_INPUT', 'A depot needs its designated keeper (专人专库).', { field: 'keeperId' });
      }
      if (input.unitId) await this.unit(tx, input.unitId, 'unitId');
      const keeper = input.keeperId ? await this.person(tx, input.keeperId, 'keeperId') : null;
      const standIn = input.standInId ? await this.person(tx, input.standInId, 'standInId') : null;
      if (keeper && standIn && keeper.id === standIn.id) {
        throw domainError('BAD_USER_INPUT', 'The stand-in is someone other than the keeper.', { field: 'standInId' });
      }
      const place = tx.em.create(SupplyPlace, {
        code,
        name,
        kind: input.kind,
        unitId: input.unitId ?? null,
        keeperId: keeper?.id ?? null,
        keeperName: keeper?.displayName ?? '',
        standInId: standIn?.id ?? null,
        standInName: standIn?.displayName ?? '',
        active: true,
      });
      tx.em.persist(place);
      emitCatalogue(tx, 'PLACE', place.id, place.unitId ? [place.unitId] : []);
      return place;
    });
  }

  setKeeper(ctx: Context, input: SetSupplyPlaceKeeperInput): Promise<SupplyPlace> {
    return commit(ctx, 'setSupplyPlaceKeeper', input, async (tx) => {
      const place = isUuid(input.placeId) ? await tx.em.findOne(SupplyPlace, { id: input.placeId }) : null;
      if (!place) throw notFound('Place', input.placeId);
      const keeper = await this.person(tx, input.keeperId, 'keeperId');
      const standIn = input.standInId ? await this.person(tx, input.standInId, 'standInId') : null;
      if (standIn && standIn.id === keeper.id) {
        throw domainError('BAD_USER_INPUT', 'The stand-in is someone other than the keeper.', { field: 'standInId' });
      }
      place.keeperId = keeper.id;
      place.keeperName = keeper.displayName;
      place.standInId = standIn?.id ?? null;
      place.standInName = standIn?.displayName ?? '';
      emitCatalogue(tx, 'PLACE', place.id, place.unitId ? [place.unitId] : []);
      return place;
    });
  }

  setMinimum(ctx: Context, input: SetSupplyStockMinimumInput): Promise<SupplyStockMinimum> {
    return commit(ctx, 'setSupplyStockMinimum', input, async (tx) => {
      if (!Number.isInteger(input.minimum) || input.minimum < 0 || input.minimum > 10_000_000) {
        throw domainError('BAD_USER_INPUT', 'The minimum is a whole number, 0 or more.', { field: 'minimum' });
      }
      const item = isUuid(input.itemId) ? await tx.em.findOne(SupplyItem, { id: input.itemId }) : null;
      if (!item) throw notFound('Supply item', input.itemId);
      const place = isUuid(input.placeId) ? await tx.em.findOne(SupplyPlace, { id: input.placeId }) : null;
      if (!place) throw notFound('Place', input.placeId);
      let row = await tx.em.findOne(SupplyStockMinimum, { itemId: item.id, placeId: place.id });
      if (!row) {
        row = tx.em.create(SupplyStockMinimum, { itemId: item.id, placeId: place.id, minimum: input.minimum });
        tx.em.persist(row);
      } else row.minimum = input.minimum;
      emitCatalogue(tx, 'MINIMUM', row.id, place.unitId ? [place.unitId] : []);
      return row;
    });
  }

  private async unit(tx: Tx, id: string, field: string): Promise<void> {
    if (!(await this.units.get(tx.em, id)))
      throw domainError('NOT_FOUND', `Member unit ${id} does not exist.`, { reason: 'not_found', field, id });
  }

  private async person(tx: Tx, id: string, field: string): Promise<{ id: string; displayName: string }> {
    const user = await this.people.get(tx.em, id);
    if (!user || !user.active) throw domainError('NOT_FOUND', `No active user ${id}.`, { reason: 'not_found', field, id });
    return user;
  }
}

export function emitCatalogue(tx: Tx, what: 'ITEM' | 'PLACE' | 'MINIMUM' | 'INTAKE', id: string, unitIds: string[]): void {
  const entityType = { ITEM: 'SupplyItem', PLACE: 'SupplyPlace', MINIMUM: 'SupplyStockMinimum', INTAKE: 'SupplyIntake' }[what];
  tx.emit({ topic: SUPPLY_CATALOGUE_TOPIC, entityType, entityId: id, kind: 'UPDATED', payload: { what, unitIds } });
}
