import '../../analysis.css';
import { resultsBannerText, traceBannerText, type CompletenessDetail, type CompletenessFields } from './completeness';

/** Shown on a trace view when collectors reported dropping spans in its window (docs/console.md). */
export function TraceCompletenessBanner({ completeness }: { completeness: CompletenessDetail }) {
  const text = traceBannerText(completeness);
  if (text === null) return null;
  return (
    <div class="completeness-banner" role="status" data-completeness="DROPS_REPORTED">
      <strong>Possibly incomplete.</strong> {text}
    </div>
  );
}

/** Shown above search results when any trace of the page ran while collectors dropped spans. */
export function ResultsCompletenessBanner({ rows }: { rows: readonly { readonly completeness: CompletenessFields }[] }) {
  const text = resultsBannerText(rows);
  if (text === null) return null;
  return (
    <div class="completeness-banner" role="status" data-completeness="DROPS_REPORTED">
      <strong>Possibly incomplete results.</strong> {text}
    </div>
  );
}
