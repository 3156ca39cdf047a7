/**
 * "Set up Safeguard Desk for my school", for the DSL: the school and their name, a passphrase
 * (twice, with the meter), where reports are kept, a last check that says what a lost passphrase
 * means, then the end: the safety code for the poster and the recovery key to keep.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import type { BridgeFailure } from '../bridge';
import { FailureNotice } from '../components/FailureNotice';
import { load } from '../loadable';
import { GuidedSteps, StepButtons } from './GuidedSteps';
import { PosterDownload, RecoveryKeyPanel, SafetyCodeBox } from './DonePieces';
import { PassphrasePair, passphrasePairErrors, type PassphrasePairValue } from './PassphrasePair';
import { ShareFolderField } from './ShareFolderField';
import { TextQuestion } from './TextQuestion';
import { useFocusRequest } from './useFocusRequest';
import type { SetupOptions } from './WelcomeScreen';

const PATH = 'Set up Safeguard Desk for my school';
const STEPS = [
  'Your school',
  'Your passphrase',
  'Where reports are kept',
  'Check and set up',
  'Done',
];
const SCHOOL = 0;
const PASSPHRASE = 1;
const SHARE = 2;
const CHECK = 3;
const DONE = 4;

type Created = OperationOutput<'setup.createSchool'>;

interface SetUpSchoolProps {
  options: SetupOptions;
  onCancel: () => void;
  onDone: () => void;
}

export function SetUpSchool({ options, onCancel, onDone }: SetUpSchoolProps) {
  const [step, setStep] = useState(SCHOOL);
  const [schoolName, setSchoolName] = useState('');
  const [leadName, setLeadName] = useState('');
  const [passphrase, setPassphrase] = useState<PassphrasePairValue>({ first: '', second: '' });
  const [where, setWhere] = useState<'this-computer' | 'folder'>('this-computer');
  const [folder, setFolder] = useState('');
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BridgeFailure | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [keptKey, setKeptKey] = useState(false);
  const focus = useFocusRequest();
  const refs = {
    schoolName: useRef<HTMLInputElement>(null),
    leadName: useRef<HTMLInputElement>(null),
    first: useRef<HTMLInputElement>(null),
    second: useRef<HTMLInputElement>(null),
    folder: useRef<HTMLInputElement>(null),
    keptKey: useRef<HTMLInputElement>(null),
    failure: useRef<HTMLDivElement>(null),
  };
  const context = { schoolName: schoolName.trim(), leadName: leadName.trim() };

  const go = (next: number) => {
    setErrors({});
    setFailure(null);
    setStep(next);
  };

  /** Shows the errors; focuses the first; true when there were none. */
  const check = (found: Array<[keyof typeof refs, string | null]>): boolean => {
    setErrors(Object.fromEntries(found));
    const first = found.find(([, error]) => error !== null);
    if (first !== undefined) focus(refs[first[0]]);
    return first === undefined;
  };

  const create = async () => {
    setBusy(true);
    setFailure(null);
    const result = await load((api) =>
      api['setup.createSchool']({
        schoolName,
        leadName,
        passphrase: passphrase.first,
        share: where === 'folder' ? { kind: 'folder', path: folder } : { kind: 'this-computer' },
      }),
    );
    setBusy(false);
    if (result.state === 'ready') {
      setCreated(result.value);
      setPassphrase({ first: '', second: '' });
      go(DONE);
      return;
    }
    if (result.state !== 'failed') return;
    // A refusal goes back to the step it is about, shown at its field.
    const { code, message } = result.failure;
    if (code.startsWith('share-') && where === 'folder') {
      setStep(SHARE);
      check([['folder', message]]);
    } else if (code === 'weak-passphrase' || code === 'unusable-passphrase') {
      setStep(PASSPHRASE);
      check([['first', message]]);
    } else {
      setFailure(result.failure);
      focus(refs.failure);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (step === SCHOOL) {
      const ok = check([
        ['schoolName', schoolName.trim() === '' ? "Enter your school's name." : null],
        ['leadName', leadName.trim() === '' ? 'Enter your name.' : null],
      ]);
      if (ok) go(PASSPHRASE);
    } else if (step === PASSPHRASE) {
      setBusy(true);
      const found = await passphrasePairErrors(passphrase, context);
      setBusy(false);
      if (
        check([
          ['first', found.first],
          ['second', found.second],
        ])
      )
        go(SHARE);
    } else if (step === SHARE) {
      const missing = where === 'folder' && folder.trim() === '';
      const ok = check([
        [
          'folder',
          missing ? "Enter the folder's full path, or choose “Only this computer”." : null,
        ],
      ]);
      if (ok) go(CHECK);
    } else if (step === CHECK) {
      await create();
    } else if (!keptKey) {
      check([
        [
          'keptKey',
          'Tick the box once the recovery key is written down or printed and put somewhere safe.',
        ],
      ]);
    } else {
      onDone();
    }
  };

  return (
    <GuidedSteps key={step} path={PATH} steps={STEPS} current={step} title={titleOf(step)}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        {step === SCHOOL && (
          <>
            <p className="lead">
              You are the designated safeguarding lead (DSL). Concerns staff report will be sealed
              so that only you, and the leads you add later, can read them.
            </p>
            <TextQuestion
              id="school-name"
              label="School name"
              help="As staff know it, for example Barnsole Primary School."
              autoComplete="organization"
              value={schoolName}
              onChange={setSchoolName}
              error={errors.schoolName ?? null}
              inputRef={refs.schoolName}
            />
            <TextQuestion
              id="lead-name"
              label="Your name"
              autoComplete="name"
              value={leadName}
              onChange={setLeadName}
              error={errors.leadName ?? null}
              inputRef={refs.leadName}
            />
            <StepButtons next="Continue" onBack={onCancel} backText="Back to the start" />
          </>
        )}
        {step === PASSPHRASE && (
          <>
            <p>
              You will type this passphrase to open the safeguarding area, where concerns are read.
              Choose one nobody could guess, and that you do not use anywhere else.
            </p>
            <PassphrasePair
              value={passphrase}
              onChange={setPassphrase}
              context={context}
              errors={{ first: errors.first ?? null, second: errors.second ?? null }}
              firstRef={refs.first}
              secondRef={refs.second}
            />
            <StepButtons
              next="Continue"
              busy={busy}
              busyText="Checking…"
              onBack={() => go(SCHOOL)}
            />
          </>
        )}
        {step === SHARE && (
          <>
            <p>
              Concerns are kept, sealed, in one folder that every computer of the school can reach.
              Nobody can read them there, not even IT.
            </p>
            <fieldset className="field where">
              <legend className="field__label">Where should reports be kept?</legend>
              <div className="where__choice">
                <div className="choice">
                  <input
                    id="where-local"
                    type="radio"
                    name="where"
                    checked={where === 'this-computer'}
                    onChange={() => setWhere('this-computer')}
                    aria-describedby="where-local-help"
                  />
                  <label htmlFor="where-local">
                    Only this computer — for trying Safeguard Desk or a one-computer setting
                  </label>
                </div>
                <p className="field__help where__help" id="where-local-help">
                  In Safeguard Desk’s own folder on this computer:{' '}
                  <code className="path">{options.localShare}</code>
                </p>
              </div>
              <div className="where__choice">
                <div className="choice">
                  <input
                    id="where-folder"
                    type="radio"
                    name="where"
                    checked={where === 'folder'}
                    onChange={() => setWhere('folder')}
                    aria-describedby="where-folder-help"
                  />
                  <label htmlFor="where-folder">
                    A network folder the school’s computers share
                  </label>
                </div>
                <p className="field__help where__help" id="where-folder-help">
                  IT makes this folder for Safeguard Desk. It must already exist, and be empty.
                </p>
              </div>
            </fieldset>
            {where === 'folder' && (
              <ShareFolderField
                id="share-folder"
                value={folder}
                onChange={setFolder}
                canPickFolder={options.canPickFolder}
                error={errors.folder ?? null}
                inputRef={refs.folder}
              />
            )}
            <StepButtons next="Continue" onBack={() => go(PASSPHRASE)} />
          </>
        )}
        {step === CHECK && (
          <>
            <dl className="summary">
              <div className="summary__row">
                <dt>School</dt>
                <dd>{schoolName.trim()}</dd>
              </div>
              <div className="summary__row">
                <dt>Designated safeguarding lead</dt>
                <dd>{leadName.trim()}</dd>
              </div>
              <div className="summary__row">
                <dt>Reports kept</dt>
                <dd>
                  {where === 'folder' ? (
                    <code className="path">{folder.trim()}</code>
                  ) : (
                    'Only on this computer'
                  )}
                </dd>
              </div>
            </dl>
            <div className="notice notice--warn">
              <p className="notice__title">Your passphrase cannot be reset</p>
              <p>
                Nobody, not even IT, can open the concerns sent to you without your passphrase. If
                you lose it, only the recovery key you are given next can get them back: without
                both, they are lost for good.
              </p>
            </div>
            {failure !== null && (
              <div ref={refs.failure} tabIndex={-1}>
                <FailureNotice failure={failure} />
              </div>
            )}
            <StepButtons
              next="Set up Safeguard Desk"
              busy={busy}
              busyText="Setting up… this takes a few seconds"
              onBack={() => go(SHARE)}
            />
          </>
        )}
        {step === DONE && created !== null && (
          <>
            <p className="lead">
              {created.schoolName} is set up, and this computer can report and receive concerns.
            </p>
            <SafetyCodeBox
              code={created.safetyCode}
              help="Every computer that connects to your school shows this code. Staff compare it with the staff-room poster, so they know their computer reports to you."
            />
            <p>
              {where === 'folder' ? (
                <>
                  Staff computers connect to the folder{' '}
                  <code className="path">{created.sharePath}</code>.
                </>
              ) : (
                'Reports are kept only on this computer, so staff report from this computer too.'
              )}
            </p>
            <PosterDownload />
            <RecoveryKeyPanel
              recoveryKey={created.recoveryKey}
              confirmed={keptKey}
              onConfirm={(kept) => {
                setKeptKey(kept);
                if (kept) setErrors({});
              }}
              error={errors.keptKey ?? null}
              checkboxRef={refs.keptKey}
            />
            <StepButtons next="Go to Safeguard Desk" />
          </>
        )}
      </form>
    </GuidedSteps>
  );
}

function titleOf(step: number): string | undefined {
  if (step === DONE) return 'Your school is set up';
  return undefined;
}
