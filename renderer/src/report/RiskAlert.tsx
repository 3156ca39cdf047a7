/** The 999 alert, once someone says a child is at immediate risk. */
import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { OptionsField } from '../fields/OptionsField';
import type { FieldDefinition } from './definition';
import type { ReportValues } from './values';

function RiskWords() {
  return (
    <p>
      If a child is in immediate danger, call <strong>999</strong>, then tell the DSL in person.
    </p>
  );
}

/** At the top of the review and the receipt, where the reporter starts reading. */
export function RiskAlert() {
  return (
    <div className="risk-alert" role="alert">
      <RiskWords />
    </div>
  );
}

/**
 * "Is a child at immediate risk of harm?" with the alert right under its answer. The alert region
 * is in the page before the answer, so screen readers announce the words when Yes fills it.
 */
export function RiskQuestion({ field }: { field: Extract<FieldDefinition, { type: 'yesno' }> }) {
  const { control } = useFormContext<ReportValues>();
  const yes = useWatch({ control, name: `answers.${field.id}` }) === 'yes';
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The Yes button may sit at the bottom of the window; the alert under it must be seen.
    if (yes) region.current?.scrollIntoView({ block: 'nearest' });
  }, [yes]);

  return (
    <OptionsField field={field}>
      <div ref={region} className={yes ? 'risk-alert risk-alert--answer' : undefined} role="alert">
        {yes && <RiskWords />}
      </div>
    </OptionsField>
  );
}
