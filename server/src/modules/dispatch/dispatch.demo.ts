import type { EntityManager } from '@mikro-orm/postgresql';
import {
  isGreenChannel,
  type CargoKind,
  type CargoUnit,
  type DispatchOrderStatus,
  type VehicleStatus,
  type VehicleType,
  type WorkingGroup,
} from '@cc/shared';
import type { DemoSeedContext } from '../../core/module';
import { appendToOutbox } from '../../core/realtime/outbox';
import type { EmittedEvent } from '../../core/realtime/topics';
import { DispatchOrder } from './dispatch-order.entity';
import { DISPATCH_ORDER_TOPIC, VEHICLE_TOPIC } from './dispatch.events';
import { dispatchOrderNumber, dispatchPriority, hqDay } from './dispatch.rules';
import { TransportCompany } from './transport-company.entity';
import { VehicleAssignment } from './vehicle-assignment.entity';
import { VehicleStatusChange } from './vehicle-status-change.entity';
import { Vehicle } from './vehicle.entity';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The incident the demo's first order was raised for (seeded by the incidents module). */
const DEMO_ORDER_INCIDENT = '城关检疫点防护物资告急';

/** Demo mode only, as a module's demo seed: needs the dispatcher and the agriculture bureau from identity's seed. */
export async function seedDispatchDemoPicture({ em, now, cast }: DemoSeedContext): Promise<void> {
  const dispatcher = cast.people?.get('dispatcher');
  const liaisonUnitId = cast.units?.get('AGRICULTURE');
  if (!dispatcher || !liaisonUnitId) throw new Error('The dispatch demo needs the identity demo (dispatcher, AGRICULTURE) seeded first.');
  await seedDispatchDemo(em, { dispatcher, liaisonUnitId, incidentId: cast.incidentIds?.get(DEMO_ORDER_INCIDENT) ?? null }, now);
}

export interface DispatchDemoPeople {
  dispatcher: { id: string; displayName: string };
  /** The unit whose liaison has asked for transport (AGRICULTURE in the demo). */
  liaisonUnitId: string;
  /** An incident an order was raised for, if the demo has one. */
  incidentId?: string | null;
}

type DemoVehicle = readonly [plate: string, type: VehicleType, tonnes: number, driver: string, phone: string];

/** Plan 3: five vehicles per company on standby. Plates, drivers and phones are invented. */
const FLEET: Readonly<Record<string, readonly DemoVehicle[]>> = {
  GROUP: [
    ['京A8J261', 'BOX_TRUCK', 5, '王建国', '139 1026 5581'],
    ['京A8J275', 'BOX_TRUCK', 5, '李卫东', '138 1157 2043'],
    ['京A8K103', 'REFRIGERATED_TRUCK', 4, '赵志强', '136 0112 7719'],
    ['京A8K119', 'TRUCK', 10, '孙海涛', '135 2210 4836'],
    ['京A9L202', 'PASSENGER', 1, '周国庆', '137 1844 6092'],
  ],
  WANPING: [
    ['京B3W011', 'BOX_TRUCK', 5, '吴德明', '139 1173 0254'],
    ['京B3W027', 'BOX_TRUCK', 8, '郑立新', '138 0135 9967'],
    ['京B3W038', 'REFRIGERATED_TRUCK', 5, '冯永刚', '136 8120 3348'],
    ['京B5P116', 'TRUCK', 12, '陈小军', '135 0109 2275'],
    ['京B5P120', 'PASSENGER', 1, '褚红旗', '137 0126 8810'],
  ],
  MOTOR: [
    ['京C6Y301', 'BOX_TRUCK', 5, '卫建华', '139 1088 4132'],
    ['京C6Y318', 'TRUCK', 15, '蒋春生', '138 1019 5526'],
    ['京C6Y325', 'TANKER', 8, '沈东升', '136 0117 3390'],
    ['京C7Q402', 'REFRIGERATED_TRUCK', 6, '韩振兴', '135 2013 6674'],
    ['京C7Q417', 'BOX_TRUCK', 5, '杨保平', '137 1055 2081'],
  ],
};

/**
 * The transport group's demo picture: 15 vehicles of the three companies (the companies
 * themselves come with migration 0005), a job done this morning, one on the road, one
 * waiting for vehicles, one unit request, and a vehicle in for repair — so two companies
 * are below their standby quota. Written directly, with a consistent history, but without
 * audit rows: nobody really did these things.
 */
export async function seedDispatchDemo(em: EntityManager, people: DispatchDemoPeople, now: Date): Promise<void> {
  if ((await em.count(Vehicle)) > 0) return;
  await em.transactional((tx) => fillDemo(tx, people, now));
}

async function fillDemo(em: EntityManager, people: DispatchDemoPeople, now: Date): Promise<void> {
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * MINUTE);
  const companies = new Map((await em.find(TransportCompany, {})).map((c) => [c.code, c]));
  const vehicles = new Map<string, Vehicle>();
  const joined = new Date(now.getTime() - 7 * DAY);

  for (const [code, list] of Object.entries(FLEET)) {
    const company = companies.get(code);
    if (!company) continue; // an installation that renamed the companies gets no demo fleet for them
    for (const [plate, vehicleType, capacityTonnes, driverName, driverPhone] of list) {
      const vehicle = em.create(Vehicle, {
        companyId: company.id,
        plate,
        vehicleType,
        capacityTonnes,
        driverName,
        driverPhone,
        conditionCheckedOn: hqDay(new Date(now.getTime() - 2 * DAY)),
        notes: vehicleType === 'REFRIGERATED_TRUCK' ? '冷链车，可运疫苗及生鲜' : '',
        status: 'STANDBY',
        statusSince: joined,
      });
      em.persist(vehicle);
      em.persist(
        em.create(VehicleStatusChange, {
          at: joined,
          vehicleId: vehicle.id,
          fromStatus: null,
          toStatus: 'STANDBY',
          byName: '系统',
          note: 'joined the fleet',
        }),
      );
      vehicles.set(plate, vehicle);
    }
  }
  if (vehicles.size === 0) return;

  const by = people.dispatcher;
  const move = (plate: string, to: VehicleStatus, when: Date, orderId: string | null, note = '') => {
    const vehicle = vehicles.get(plate)!;
    em.persist(
      em.create(VehicleStatusChange, {
        at: when,
        vehicleId: vehicle.id,
        fromStatus: vehicle.status,
        toStatus: to,
        orderId,
        byId: by.id,
        byName: by.displayName,
        note,
      }),
    );
    vehicle.status = to;
    vehicle.statusSince = when;
  };
  const day = hqDay(now);
  const orders: DispatchOrder[] = [];
  let sequence = 0;
  const order = (o: {
    cargoKind: CargoKind;
    cargoDescription: string;
    cargoAmount: number;
    cargoUnit: CargoUnit;
    origin: string;
    destination: string;
    urgent: boolean;
    createdMinutesAgo: number;
    requestedAt: Date;
    status: DispatchOrderStatus;
    requestingGroup?: WorkingGroup;
    requestingUnitId?: string;
    incidentId?: string | null;
  }) => {
    const created = at(o.createdMinutesAgo);
    const entity = em.create(DispatchOrder, {
      number: dispatchOrderNumber(day, ++sequence),
      cargoKind: o.cargoKind,
      cargoDescription: o.cargoDescription,
      cargoAmount: o.cargoAmount,
      cargoUnit: o.cargoUnit,
      origin: o.origin,
      destination: o.destination,
      greenChannel: isGreenChannel(o.cargoKind),
      urgent: o.urgent,
      priority: dispatchPriority(o.cargoKind, o.urgent),
      requestedAt: o.requestedAt,
      requestingGroup: o.requestingGroup ?? null,
      requestingUnitId: o.requestingUnitId ?? null,
      incidentId: o.incidentId ?? null,
      status: o.status,
      createdById: o.requestingUnitId ? null : by.id,
      createdByName: o.requestingUnitId ? '刘联络 (联络员)' : by.displayName,
      createdAt: created,
      updatedAt: created,
    });
    em.persist(entity);
    orders.push(entity);
    return entity;
  };
  const assign = (o: DispatchOrder, plate: string, when: Date, releasedAt: Date | null = null) => {
    em.persist(
      em.create(VehicleAssignment, {
        orderId: o.id,
        vehicleId: vehicles.get(plate)!.id,
        assignedById: by.id,
        assignedByName: by.displayName,
        assignedAt: when,
        releasedAt,
      }),
    );
    move(plate, 'ASSIGNED', when, o.id);
  };

  // Done this morning: protective clothing to the checkpoint the incident is about.
  const done = order({
    cargoKind: 'EPIDEMIC_SUPPLIES',
    cargoDescription: '医用防护服、N95 口罩',
    cargoAmount: 2.5,
    cargoUnit: 'TONNES',
    origin: '县应急物资储备库',
    destination: '城关交通检疫点',
    urgent: true,
    createdMinutesAgo: 240,
    requestedAt: at(240),
    status: 'COMPLETED',
    requestingGroup: 'LOGISTICS',
    incidentId: people.incidentId ?? null,
  });
  assign(done, '京A8J261', at(232), at(120));
  move('京A8J261', 'EN_ROUTE', at(215), done.id);
  move('京A8J261', 'ON_SITE', at(170), done.id);
  move('京A8J261', 'RETURNING', at(150), done.id);
  move('京A8J261', 'STANDBY', at(120), done.id);
  Object.assign(done, { assignedAt: at(232), departedAt: at(215), arrivedAt: at(170), completedAt: at(150) });

  // On the road now: vegetables to the farmers' market, two vehicles of two companies.
  const onRoad = order({
    cargoKind: 'DAILY_NECESSITIES',
    cargoDescription: '新鲜蔬菜',
    cargoAmount: 9,
    cargoUnit: 'TONNES',
    origin: '县蔬菜批发市场',
    destination: '县农贸市场',
    urgent: false,
    createdMinutesAgo: 90,
    requestedAt: at(60),
    status: 'DEPARTED',
    requestingGroup: 'LOGISTICS',
  });
  assign(onRoad, '京B3W011', at(80));
  assign(onRoad, '京C6Y301', at(79));
  move('京B3W011', 'EN_ROUTE', at(72), onRoad.id);
  move('京C6Y301', 'EN_ROUTE', at(72), onRoad.id);
  Object.assign(onRoad, { assignedAt: at(80), departedAt: at(72) });

  // Waiting for vehicles: disinfectant for the checkpoints, green channel.
  order({
    cargoKind: 'EPIDEMIC_SUPPLIES',
    cargoDescription: '84 消毒液',
    cargoAmount: 1.2,
    cargoUnit: 'TONNES',
    origin: '县应急物资储备库',
    destination: '东环路交通检疫点',
    urgent: false,
    createdMinutesAgo: 25,
    requestedAt: new Date(now.getTime() + 30 * MINUTE),
    status: 'OPEN',
    requestingGroup: 'LOGISTICS',
  });

  // A member unit's request: fertiliser for spring ploughing (production materials, not green channel).
  order({
    cargoKind: 'PRODUCTION_MATERIALS',
    cargoDescription: '春耕化肥',
    cargoAmount: 10,
    cargoUnit: 'TONNES',
    origin: '县农资公司仓库',
    destination: '城南乡农资站',
    urgent: false,
    createdMinutesAgo: 15,
    requestedAt: new Date(now.getTime() + 3 * 60 * MINUTE),
    status: 'REQUESTED',
    requestingUnitId: people.liaisonUnitId,
  });

  // In for repair since this morning.
  move('京C7Q417', 'MAINTENANCE', at(300), null, '更换刹车片');

  await em.flush();
  await em.execute(
    `insert into dispatch_order_counter (day, last) values (?, ?) on conflict (day) do update set last = greatest(dispatch_order_counter.last, excluded.last)`,
    [day, sequence],
  );
  // Announce the new fleet like any other change, in the same transaction: whatever follows the
  // outbox (the readiness alert rules, open consoles) sees the demo picture, not an empty fleet.
  const events: EmittedEvent[] = [
    ...[...vehicles.values()].map((v) => ({
      topic: VEHICLE_TOPIC,
      entityType: 'Vehicle',
      entityId: v.id,
      kind: 'CREATED' as const,
      payload: { companyId: v.companyId, status: v.status, orderId: null, changed: [] },
    })),
    ...orders.map((o) => ({
      topic: DISPATCH_ORDER_TOPIC,
      entityType: 'DispatchOrder',
      entityId: o.id,
      kind: 'CREATED' as const,
      payload: { number: o.number, status: o.status, priority: o.priority, requestingUnitId: o.requestingUnitId ?? null, changed: [] },
    })),
  ];
  await appendToOutbox(em, null, events);
}
