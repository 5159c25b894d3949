import type { ApiError } from '../api/client';
import { TIME_WINDOWS, type TimeWindowId } from '../lib/time-window';

/** An API error as the user should read it: what failed, the gateway's message, and the parameter it names. */
export function ErrorMessage({ error, context }: { error: ApiError; context: string }) {
  return (
    <div class="error-box" role="alert">
      <strong>{context}:</strong> {error.message}
      {error.param !== null && (
        <span class="muted">
          {' '}
          (parameter <code>{error.param}</code>, code <code>{error.code}</code>)
        </span>
      )}
    </div>
  );
}

export function WindowSelect({ value, onChange, id }: { value: TimeWindowId; onChange: (id: TimeWindowId) => void; id: string }) {
  return (
    <label for={id}>
      Window
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as TimeWindowId)}>
        {TIME_WINDOWS.map((w) => (
          <option key={w.id} value={w.id}>
            {w.label}
          </option>
        ))}
      </select>
    </label>
  );
}
