/**
 * The frame of one guided sequence on the welcome screen: which path this is, the steps with the
 * current one marked, and the step's heading, which takes focus whenever the step changes, so a
 * keyboard or screen-reader user starts each step at its top.
 */
import type { ReactNode } from 'react';
import { useHeadingFocus } from '../components/useHeadingFocus';

interface GuidedStepsProps {
  /** The path being followed, e.g. "Set up Safeguard Desk for my school". */
  path: string;
  steps: readonly string[];
  /** Index into `steps`. */
  current: number;
  /** The step's own heading; the step's name when not given. */
  title?: string | undefined;
  children: ReactNode;
}

/** Renders one step; give it a `key` that changes with the step so its heading takes focus. */
export function GuidedSteps({ path, steps, current, title, children }: GuidedStepsProps) {
  const heading = useHeadingFocus<HTMLHeadingElement>();
  return (
    <div className="guided">
      <nav className="guided__steps" aria-label="Steps">
        <p className="guided__path">{path}</p>
        <ol className="guided__list">
          {steps.map((step, index) => (
            <li
              key={step}
              className={
                index === current
                  ? 'guided__step guided__step--current'
                  : index < current
                    ? 'guided__step guided__step--done'
                    : 'guided__step'
              }
              aria-current={index === current ? 'step' : undefined}
            >
              <span className="guided__number" aria-hidden="true">
                {index + 1}
              </span>
              <span>
                {step}
                {index < current && <span className="visually-hidden"> (done)</span>}
              </span>
            </li>
          ))}
        </ol>
      </nav>
      <section className="guided__body panel" aria-labelledby="guided-title">
        <p className="guided__count">
          Step {current + 1} of {steps.length}
        </p>
        <h1 id="guided-title" className="guided__title" ref={heading} tabIndex={-1}>
          {title ?? steps[current]}
        </h1>
        {children}
      </section>
    </div>
  );
}

interface StepButtonsProps {
  /** The primary action's words ("Continue", "Set up Safeguard Desk"). */
  next: string;
  busy?: boolean;
  busyText?: string;
  /** Goes back a step (or to the three choices); absent on a step with no way back. */
  onBack?: () => void;
  backText?: string;
}

/** The step's buttons: the primary one submits the step's form; "Back" never loses answers. */
export function StepButtons({ next, busy = false, busyText, onBack, backText }: StepButtonsProps) {
  return (
    <div className="guided__buttons">
      <button
        type="submit"
        className="button button--primary"
        aria-disabled={busy ? true : undefined}
      >
        {busy ? (busyText ?? 'Please wait…') : next}
      </button>
      {onBack !== undefined && (
        <button type="button" className="button button--secondary" onClick={onBack}>
          {backText ?? 'Back'}
        </button>
      )}
    </div>
  );
}
