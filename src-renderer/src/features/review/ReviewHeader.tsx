import { useStudio } from '@renderer/store';
import { CATEGORIES } from '@shared/api/review-constants';
import type { Category, ReviewDecision } from '@shared/api';
import { CATEGORY_LABELS, type ReviewFigures } from './review-model';

const DECISIONS: (ReviewDecision | 'all')[] = ['all', 'pending', 'approved', 'skipped'];

function toggleCategory(category: Category): void {
  const { filter, setFilter } = useStudio.getState();
  const on = filter.categories.includes(category);
  setFilter({ categories: on ? filter.categories.filter((c) => c !== category) : [...filter.categories, category] });
}

/**
 * The review's figures — files per category (each a filter toggle), decisions and the approval
 * rate — with the search and decision filter of the list, and the run's state while it goes on.
 */
export function ReviewHeader({ figures, running }: { figures: ReviewFigures; running: boolean }) {
  const filter = useStudio((s) => s.filter);
  return (
    <div className="review-header">
      <div className="category-counts" role="group" aria-label="Categories">
        {CATEGORIES.map((c) => (
          <button
            key={c}
            type="button"
            className={`chip cat-${c}`}
            aria-pressed={filter.categories.includes(c)}
            onClick={() => toggleCategory(c)}
          >
            {CATEGORY_LABELS[c]} <strong>{figures.byCategory[c]}</strong>
          </button>
        ))}
      </div>
      <span className="muted" aria-label="Approval">
        {figures.approved} of {figures.files} approved · {Math.round(figures.approvalRate * 100)} % approval
        {figures.skipped > 0 ? ` · ${figures.skipped} skipped` : ''}
        {running ? ' · generating, files join as they finish' : ''}
      </span>
      <span className="spacer" />
      <input
        type="search"
        aria-label="Search files"
        placeholder="Search files"
        value={filter.query}
        onChange={(e) => useStudio.getState().setFilter({ query: e.target.value })}
      />
      <select
        aria-label="Show decisions"
        value={filter.decision}
        onChange={(e) => useStudio.getState().setFilter({ decision: e.target.value as ReviewDecision | 'all' })}
      >
        {DECISIONS.map((d) => (
          <option key={d} value={d}>
            {d === 'all' ? 'Every decision' : d}
          </option>
        ))}
      </select>
    </div>
  );
}
