/** The form's guidance: "Do now" and "Do not", beside the form (or "Do not" first, for images). */
import type { FormDefinition } from './definition';

function Lines({ lines }: { lines: readonly string[] }) {
  return (
    <ul className="guidance__list">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** The side panel. `withoutAvoid` when the "Do not" list is already shown at the top. */
export function Guidance({ form, withoutAvoid }: { form: FormDefinition; withoutAvoid: boolean }) {
  const { now, avoid } = form.guidance;
  return (
    <aside className="guidance" aria-labelledby="guidance-title">
      <h2 id="guidance-title" className="guidance__title">
        What to do
      </h2>
      {now.length > 0 && (
        <section className="guidance__section guidance__section--now" aria-labelledby="do-now">
          <h3 id="do-now">Do now</h3>
          <Lines lines={now} />
        </section>
      )}
      {!withoutAvoid && avoid.length > 0 && (
        <section className="guidance__section guidance__section--avoid" aria-labelledby="do-not">
          <h3 id="do-not">Do not</h3>
          <Lines lines={avoid} />
        </section>
      )}
    </aside>
  );
}

/** "Do not" at the top of the indecent-images form: never view, copy, share or screenshot. */
export function DoNotFirst({ lines }: { lines: readonly string[] }) {
  return (
    <section className="do-not-first" aria-labelledby="do-not-first-title">
      <h2 id="do-not-first-title">Do not</h2>
      <Lines lines={lines} />
    </section>
  );
}
