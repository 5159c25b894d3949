import { randomBytes } from 'node:crypto';
import type { AlertCondition, AlertSeverity, ChannelKind } from './alert-rule.js';
import type { Transition } from './alert-state.js';

/**
 * An announced transition of a rule: stored once, delivered to the rule's
 * channels and published live. It carries a snapshot of the rule as it was
 * when the transition happened, so notifications and history read the same
 * whatever the rule became later (or if it was deleted).
 */
export interface AlertEvent {
  readonly id: string;
  readonly ruleId: string;
  readonly ruleName: string;
  readonly severity: AlertSeverity;
  readonly kind: Transition;
  readonly incidentId: string;
  readonly condition: AlertCondition;
  /** The metric observed by the evaluation that made the transition; null when it had no value. */
  readonly value: number | null;
  /** When the transition was observed. */
  readonly at: Date;
  /** When the incident began (equal to `at` for a firing event). */
  readonly firedAt: Date;
  readonly channels: readonly ChannelKind[];
}

export function newEventId(): string {
  return `alert_event_${randomBytes(8).toString('hex')}`;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One attempt to hand an event to one channel. */
export interface DeliveryAttempt {
  readonly channel: ChannelKind;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly ok: boolean;
  readonly error: string | null;
  readonly at: Date;
}

/** The notification of one event on one channel, with every attempt made so far. */
export interface Delivery {
  readonly id: string;
  readonly eventId: string;
  readonly channel: ChannelKind;
  readonly status: DeliveryStatus;
  readonly attempts: readonly DeliveryAttempt[];
  /** When the next attempt is due; null once delivered or given up. */
  readonly nextAttemptAt: Date | null;
}

/** An event as published on the `alert:event` topic: plain JSON, the same in memory and through Redis. */
export interface AlertEventMessage {
  readonly id: string;
  readonly ruleId: string;
  readonly ruleName: string;
  readonly severity: AlertSeverity;
  readonly kind: Transition;
  readonly incidentId: string;
  readonly condition: AlertCondition;
  readonly value: number | null;
  readonly atMs: number;
  readonly firedAtMs: number;
  readonly channels: readonly ChannelKind[];
}

export function toMessage(event: AlertEvent): AlertEventMessage {
  const { at, firedAt, ...rest } = event;
  return { ...rest, atMs: at.getTime(), firedAtMs: firedAt.getTime() };
}

export function fromMessage(message: AlertEventMessage): AlertEvent {
  const { atMs, firedAtMs, ...rest } = message;
  return { ...rest, at: new Date(atMs), firedAt: new Date(firedAtMs) };
}
