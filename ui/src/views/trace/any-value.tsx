/**
 * Every OTLP AnyValue made readable: scalars as text with their type, bytes
 * with their length, arrays and key/value lists as nested lists. The console
 * loads three levels of nesting (the API's query limits); anything deeper is
 * marked as not loaded rather than shown empty.
 */

export type AnyValueLike =
  | { readonly __typename: 'StringValue'; readonly stringValue: string }
  | { readonly __typename: 'BoolValue'; readonly boolValue: boolean }
  | { readonly __typename: 'IntValue'; readonly intValue: string }
  | { readonly __typename: 'DoubleValue'; readonly doubleValue?: number | null; readonly text: string }
  | { readonly __typename: 'BytesValue'; readonly bytesValue: string }
  | { readonly __typename: 'EmptyValue'; readonly empty?: boolean }
  | { readonly __typename: 'ArrayValue'; readonly arrayValue?: readonly AnyValueLike[] }
  | { readonly __typename: 'KvlistValue'; readonly kvlistValue?: readonly AttributeLike[] };

export interface AttributeLike {
  readonly key: string;
  readonly valueType?: string;
  readonly value: AnyValueLike;
}

/** Bytes in a padded standard base64 string. */
export function base64Length(b64: string): number {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - padding;
}

/** A one-line text form, as a screen reader or a copy would want it. */
export function anyValueText(value: AnyValueLike): string {
  switch (value.__typename) {
    case 'StringValue':
      return JSON.stringify(value.stringValue);
    case 'BoolValue':
      return String(value.boolValue);
    case 'IntValue':
      return value.intValue;
    case 'DoubleValue':
      return value.text;
    case 'BytesValue':
      return `bytes(${base64Length(value.bytesValue)}) ${value.bytesValue}`;
    case 'EmptyValue':
      return '(empty)';
    case 'ArrayValue':
      return value.arrayValue === undefined ? '[…]' : `[${value.arrayValue.map(anyValueText).join(', ')}]`;
    case 'KvlistValue':
      return value.kvlistValue === undefined
        ? '{…}'
        : `{${value.kvlistValue.map((kv) => `${kv.key}: ${anyValueText(kv.value)}`).join(', ')}}`;
  }
}

export function AnyValueView({ value }: { value: AnyValueLike }) {
  switch (value.__typename) {
    case 'StringValue':
      return <span class="v-string">{value.stringValue === '' ? <em class="muted">(empty string)</em> : value.stringValue}</span>;
    case 'BoolValue':
      return <span class="v-bool">{String(value.boolValue)}</span>;
    case 'IntValue':
      return <span class="v-number">{value.intValue}</span>;
    case 'DoubleValue':
      return <span class="v-number">{value.text}</span>;
    case 'BytesValue':
      return (
        <span class="v-bytes">
          <span class="muted">{base64Length(value.bytesValue)} bytes, base64: </span>
          <span class="mono">{value.bytesValue}</span>
        </span>
      );
    case 'EmptyValue':
      return <em class="muted">(no value)</em>;
    case 'ArrayValue':
      if (value.arrayValue === undefined) return <em class="muted">(array nested too deep to load)</em>;
      if (value.arrayValue.length === 0) return <em class="muted">(empty array)</em>;
      return (
        <ol class="v-array" start={0}>
          {value.arrayValue.map((item, i) => (
            <li key={i}>
              <AnyValueView value={item} />
            </li>
          ))}
        </ol>
      );
    case 'KvlistValue':
      if (value.kvlistValue === undefined) return <em class="muted">(key/value list nested too deep to load)</em>;
      if (value.kvlistValue.length === 0) return <em class="muted">(empty key/value list)</em>;
      return (
        <dl class="v-kvlist">
          {value.kvlistValue.map((kv, i) => (
            <div key={i}>
              <dt>{kv.key}</dt>
              <dd>
                <AnyValueView value={kv.value} />
              </dd>
            </div>
          ))}
        </dl>
      );
  }
}

const TYPE_LABEL: Record<AnyValueLike['__typename'], string> = {
  StringValue: 'string',
  BoolValue: 'bool',
  IntValue: 'int',
  DoubleValue: 'double',
  BytesValue: 'bytes',
  EmptyValue: 'empty',
  ArrayValue: 'array',
  KvlistValue: 'kvlist',
};

export function AttributeTable({
  attributes,
  caption,
  dropped,
}: {
  attributes: readonly AttributeLike[];
  caption: string;
  dropped?: number;
}) {
  if (attributes.length === 0 && !dropped) return <p class="muted">No {caption.toLowerCase()}.</p>;
  return (
    <table class="attr-table">
      <caption>
        {caption}
        {dropped ? <span class="muted"> ({dropped} dropped by the sender)</span> : null}
      </caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Type</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {attributes.map((a, i) => (
          <tr key={`${a.key}-${i}`}>
            <th scope="row" class="mono">
              {a.key}
            </th>
            <td class="muted">{TYPE_LABEL[a.value.__typename]}</td>
            <td>
              <AnyValueView value={a.value} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
