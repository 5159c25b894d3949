import DataLoader from 'dataloader';
import type { LoaderFactories } from '../../graphql/context.js';
import type { Delivery } from './alert-event.js';
import type { AlertsService } from './alerts.service.js';

export interface AlertLoaders {
  /** Deliveries by event id: one query for a whole page of events. */
  readonly alertDeliveries: DataLoader<string, Delivery[]>;
}

/** Per-request loaders bound to the caller; results are mapped back to their keys (`$in` keeps no order). */
export function alertLoaders(service: AlertsService): LoaderFactories<AlertLoaders> {
  return {
    alertDeliveries: (principal) =>
      new DataLoader(async (eventIds) => {
        const byEvent = await service.deliveriesFor(principal, eventIds);
        return eventIds.map((id) => byEvent.get(id) ?? []);
      }),
  };
}
