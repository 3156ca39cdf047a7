/**
 * The first screen of a computer with nothing set up: three paths in plain words — set a school
 * up (the DSL), connect this computer (any member of staff), join as a lead or office user (deputy,
 * head, chair, office) — each a short guided sequence. Loaded only on such a computer.
 */
import { useEffect, useState } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import { FailureNotice } from '../components/FailureNotice';
import { useHeadingFocus } from '../components/useHeadingFocus';
import { load, type Loadable } from '../loadable';
import { ConnectComputer } from './ConnectComputer';
import { JoinAsLead } from './JoinAsLead';
import { SetUpSchool } from './SetUpSchool';
import './welcome.css';

export type SetupOptions = OperationOutput<'setup.options'>;
type Path = 'school' | 'connect' | 'join';

const PATHS: ReadonlyArray<{ path: Path; title: string; who: string; needs: string }> = [
  {
    path: 'school',
    title: 'Set up Safeguard Desk for my school',
    who: 'For the designated safeguarding lead (DSL), once for the whole school.',
    needs: 'You choose a passphrase and where reports are kept. It takes about five minutes.',
  },
  {
    path: 'connect',
    title: 'Connect this computer to my school',
    who: 'For any member of staff.',
    needs:
      'You need the school’s Safeguard Desk folder, and the safety code on the staff-room poster.',
  },
  {
    path: 'join',
    title: 'Join as a lead or office user',
    who: 'For a deputy DSL, the headteacher, the chair of governors or office staff.',
    needs: 'You need the identity file and the one-time passphrase your DSL gave you.',
  },
];

interface WelcomeScreenProps {
  /** This computer is set up now: the app moves on to its home screen. */
  onSetUp: () => void;
  /** Something IT should know, shown above the choices (e.g. why IT's settings did not apply). */
  notice?: string | null;
}

export function WelcomeScreen({ onSetUp, notice = null }: WelcomeScreenProps) {
  const [options, setOptions] = useState<Loadable<SetupOptions>>({ state: 'loading' });
  const [path, setPath] = useState<Path | null>(null);

  useEffect(() => {
    let current = true;
    void load((api) => api['setup.options']()).then((result) => {
      if (current) setOptions(result);
    });
    return () => {
      current = false;
    };
  }, []);

  if (options.state === 'failed') return <FailureNotice failure={options.failure} />;
  if (options.state === 'loading' || path === null) {
    return <Choices onChoose={setPath} ready={options.state === 'ready'} notice={notice} />;
  }
  const props = { options: options.value, onCancel: () => setPath(null), onDone: onSetUp };
  if (path === 'school') return <SetUpSchool {...props} />;
  if (path === 'connect') return <ConnectComputer {...props} />;
  return <JoinAsLead {...props} />;
}

interface ChoicesProps {
  onChoose: (path: Path) => void;
  ready: boolean;
  notice: string | null;
}

function Choices({ onChoose, ready, notice }: ChoicesProps) {
  const heading = useHeadingFocus<HTMLHeadingElement>();
  return (
    <div className="welcome">
      <section className="panel panel--report welcome__panel" aria-labelledby="welcome-title">
        <h1 id="welcome-title" ref={heading} tabIndex={-1}>
          Welcome to Safeguard Desk
        </h1>
        <p className="lead">
          This computer is not set up yet. What would you like to do? Each choice takes a few short
          steps.
        </p>
        {notice !== null && (
          <div className="notice notice--warn">
            <p className="notice__message">{notice}</p>
          </div>
        )}
        <ul className="welcome__paths">
          {PATHS.map((choice) => (
            <li key={choice.path}>
              <button
                type="button"
                className="type-button welcome__path"
                onClick={() => onChoose(choice.path)}
                aria-disabled={ready ? undefined : true}
              >
                <span className="type-button__title welcome__path-title">{choice.title}</span>
                <span className="welcome__who">{choice.who}</span>
                <span className="type-button__summary">{choice.needs}</span>
              </button>
            </li>
          ))}
        </ul>
        <p className="urgent">
          If a child is in immediate danger, call <strong>999</strong> now, then tell the DSL in
          person. Until this computer is set up, tell the DSL in person or use another computer.
        </p>
      </section>
    </div>
  );
}
