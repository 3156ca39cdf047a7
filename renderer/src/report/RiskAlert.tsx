/** Shown first, on every step, once someone says a child is at immediate risk. */
export const RISK_FIELD_ID = 'immediateRisk';

export function RiskAlert() {
  return (
    <div className="risk-alert" role="alert">
      <p>
        If a child is in immediate danger, call <strong>999</strong>, then tell the DSL in person.
      </p>
    </div>
  );
}
