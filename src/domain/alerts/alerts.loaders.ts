import DataLoader from 'dataloader';
import type { Principal } from '../../auth/principal.js';
import type { Delivery } from './alert-event.js';
import type { AlertsService } from './alerts.service.js';

export interface AlertLoaders {
  /** Deliveries by event id: one query for a whole page of events. */
  readonly alertDeliveries: DataLoader<string, Delivery[]>;
}

/** Per-request loaders bound to the caller; results are mapped back to their keys (`$in` keeps no order). */
export function createAlertLoaders(service: AlertsService, principal: Principal | null): AlertLoaders {
  return {
    alertDeliveries: new DataLoader(async (eventIds) => {
      const byEvent = await service.deliveriesFor(principal, eventIds);
      return eventIds.map((id) => byEvent.get(id) ?? []);
    }),
  };
}
