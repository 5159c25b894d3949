import type { InstrumentationScope, OtlpSpan, Resource } from '../../otlp/otlp.types.js';

/** A stored span: the OTLP span with the resource and scope it was sent under. */
export interface Span extends OtlpSpan {
  readonly resource: Resource & { readonly schemaUrl: string };
  readonly scope: InstrumentationScope & { readonly schemaUrl: string };
  readonly serviceName: string;
  readonly serviceNamespace: string | null;
  readonly deploymentEnvironment: string | null;
  readonly serviceVersion: string | null;
  readonly cluster: string | null;
  readonly issueFingerprint: string | null;
}

export type AttributeFilterOperator = 'EQ' | 'NEQ' | 'GT' | 'GTE' | 'LT' | 'LTE' | 'STARTS_WITH' | 'CONTAINS';
export type AttributeFilterType = 'string' | 'int' | 'double' | 'bool';

/** A typed attribute condition after validation: the value already has its storage type. */
export interface AttributeCondition {
  readonly key: string;
  readonly operator: AttributeFilterOperator;
  readonly value: string | bigint | number | boolean;
}

/**
 * Conditions that one single span must satisfy together (the single-span rule):
 * a trace matches when at least one of its spans matches all of them.
 */
export interface SpanConditions {
  readonly serviceName?: string;
  readonly serviceNamespace?: string;
  readonly deploymentEnvironment?: string;
  readonly serviceVersion?: string;
  readonly spanName?: string;
  readonly statusCode?: 0 | 1 | 2;
  readonly issueFingerprint?: string;
  readonly attributes?: readonly AttributeCondition[];
  readonly resourceAttributes?: readonly AttributeCondition[];
}
