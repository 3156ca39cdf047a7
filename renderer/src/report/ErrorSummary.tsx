/** "There is a problem": every error, each a link that moves focus to its question. */
import { useEffect, useRef } from 'react';
import type { SummaryItem } from './problems';

interface ErrorSummaryProps {
  items: readonly SummaryItem[];
  /** Changes each time Review finds problems: focus moves here again. */
  focusKey: number;
}

function jumpTo(target: string) {
  const element = document.getElementById(target);
  if (element === null) return;
  element.focus();
  element.scrollIntoView({ block: 'center' });
}

export function ErrorSummary({ items, focusKey }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);

  return (
    <div
      className="error-summary"
      ref={ref}
      tabIndex={-1}
      role="group"
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title" className="error-summary__title">
        There is a problem
      </h2>
      <p>
        {items.length === 1 ? 'One answer needs' : `${items.length} answers need`} your attention
        before you can review:
      </p>
      <ul className="error-summary__list">
        {items.map((item) => (
          <li key={`${item.target}:${item.text}`}>
            <a
              href={`#${item.target}`}
              onClick={(event) => {
                event.preventDefault();
                jumpTo(item.target);
              }}
            >
              {item.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
