/**
 * Choosing what to show: a period on offer (this term, last term, the academic year) or dates of
 * one's own, and the smallest figure shown (5 unless chosen; never below 3). Problems are said
 * beside their field, and focus goes to the first.
 */
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { describe, GroupFrame, SingleFrame } from '../fields/FieldFrame';
import type { PeriodChoice, PeriodOption, ReportPeriod, ReportRequest } from './types';
import { periodKindWords } from './words';

/** The chosen option: an index into the periods on offer, or dates of one's own. */
type Chosen = number | 'custom';
type Field = 'period' | 'from' | 'to' | 'threshold';

interface PeriodFormProps {
  periods: readonly PeriodOption[];
  defaultThreshold: number;
  minThreshold: number;
  busy: boolean;
  onChoose: (request: ReportRequest) => void;
}

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric' });

/** "September to December 2026": a period's months in words. */
export function monthsWords(period: Pick<ReportPeriod, 'fromMonth' | 'toMonth'>): string {
  const words = (month: string) => {
    const [year, number] = month.split('-').map(Number);
    return monthYear.format(new Date(year ?? 2000, (number ?? 1) - 1, 1));
  };
  const from = words(period.fromMonth);
  const to = words(period.toMonth);
  if (from === to) return from;
  const sameYear = period.fromMonth.slice(0, 4) === period.toMonth.slice(0, 4);
  return `${sameYear ? from.replace(/ \d{4}$/, '') : from} to ${to}`;
}

export function PeriodForm(props: PeriodFormProps) {
  const { periods, minThreshold } = props;
  const [chosen, setChosen] = useState<Chosen>(periods.length > 0 ? 0 : 'custom');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [threshold, setThreshold] = useState(String(props.defaultThreshold));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const refs: Record<Field, RefObject<HTMLInputElement | null>> = {
    period: useRef<HTMLInputElement>(null),
    from: useRef<HTMLInputElement>(null),
    to: useRef<HTMLInputElement>(null),
    threshold: useRef<HTMLInputElement>(null),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (props.busy) return;
    const found: Partial<Record<Field, string>> = {};
    const option = chosen === 'custom' ? undefined : periods[chosen];
    if (chosen !== 'custom' && option === undefined) found.period = 'Choose a period.';
    if (chosen === 'custom') {
      if (from === '') found.from = 'Enter the first day.';
      if (to === '') found.to = 'Enter the last day.';
      else if (from !== '' && from > to) found.to = 'The last day must not come before the first.';
    }
    const smallest = Number(threshold);
    if (!/^\d+$/.test(threshold.trim()) || smallest < minThreshold) {
      found.threshold = `Enter a whole number, ${minThreshold} or more.`;
    }
    setErrors(found);
    const first = (['period', 'from', 'to', 'threshold'] as const).find((f) => found[f]);
    if (first !== undefined) {
      refs[first].current?.focus();
      return;
    }
    const period: PeriodChoice =
      option === undefined ? { kind: 'custom', from, to } : option.choice;
    props.onChoose({ period, threshold: smallest });
  };

  const options: Array<{ value: Chosen; label: string; hint: string }> = [
    ...periods.map((p, index) => ({
      value: index,
      label: p.period.label,
      hint: `${periodKindWords(p.choice)}: ${monthsWords(p.period)}`,
    })),
    { value: 'custom', label: 'Dates of your own', hint: 'Whole months are counted.' },
  ];

  return (
    <form
      className="office-choose"
      noValidate
      onSubmit={submit}
      aria-labelledby="office-choose-title"
    >
      <h2 id="office-choose-title">Choose the figures</h2>
      <div className="office-choose__fields">
        <GroupFrame inputId="office-period" label="Period" required errors={list(errors.period)}>
          <div className="choices">
            {options.map((option, index) => {
              const id = index === 0 ? 'office-period' : `office-period-${index}`;
              return (
                <div className="choice" key={option.value}>
                  <input
                    id={id}
                    ref={index === 0 ? refs.period : undefined}
                    type="radio"
                    name="office-period"
                    value={option.value}
                    checked={chosen === option.value}
                    onChange={() => setChosen(option.value)}
                    aria-describedby={`${id}-hint`}
                  />
                  <label htmlFor={id}>
                    {option.label}
                    <span className="office-choose__hint" id={`${id}-hint`}>
                      {option.hint}
                    </span>
                  </label>
                </div>
              );
            })}
          </div>
          {/* Under the choice they belong to, so they are met right after choosing it. */}
          {chosen === 'custom' && (
            <div className="office-choose__dates">
              <DateField
                id="office-from"
                label="First day"
                value={from}
                onChange={setFrom}
                error={errors.from}
                inputRef={refs.from}
              />
              <DateField
                id="office-to"
                label="Last day"
                value={to}
                onChange={setTo}
                error={errors.to}
                inputRef={refs.to}
              />
            </div>
          )}
        </GroupFrame>
        <SingleFrame
          inputId="office-threshold"
          label="Smallest figure shown"
          required
          help={`A figure from fewer concerns than this is withheld and shown as “c”. Usually ${props.defaultThreshold}; it cannot be less than ${minThreshold}.`}
          errors={list(errors.threshold)}
        >
          <input
            id="office-threshold"
            ref={refs.threshold}
            className="input input--number"
            type="number"
            inputMode="numeric"
            min={minThreshold}
            step={1}
            value={threshold}
            onChange={(event) => setThreshold(event.target.value)}
            {...describe('office-threshold', 'help', errors.threshold !== undefined)}
          />
        </SingleFrame>
      </div>
      <button
        type="submit"
        className="button button--primary"
        aria-disabled={props.busy ? true : undefined}
      >
        {props.busy ? 'Working out the figures…' : 'Show the figures'}
      </button>
    </form>
  );
}

function list(error: string | undefined): string[] {
  return error === undefined ? [] : [error];
}

interface DateFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  inputRef: RefObject<HTMLInputElement | null>;
}

function DateField({ id, label, value, onChange, error, inputRef }: DateFieldProps) {
  return (
    <SingleFrame inputId={id} label={label} required errors={list(error)}>
      <input
        id={id}
        ref={inputRef}
        className="input input--date"
        type="date"
        // Chromium draws day/month/year boxes in the input's own language: British order.
        lang="en-GB"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...describe(id, undefined, error !== undefined)}
      />
    </SingleFrame>
  );
}
