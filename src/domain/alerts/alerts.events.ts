import type { AlertEventMessage } from './alert-event.js';

/** Live alert events, routed by tenant key (see events/pubsub.ts). */
export type AlertEvents = {
  'alert:event': [tenantKey: string, payload: AlertEventMessage];
};
