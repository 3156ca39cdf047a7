/**
 * "Join as a lead or office user", for a deputy, headteacher, chair of governors or office user:
 * the identity file and one-time passphrase the DSL gave them in person, the school's folder, a
 * passphrase of their own (the one-time one then opens nothing here), and at the end a lead's own
 * recovery key to keep. An office user's file becomes their office identity: no recovery key, and
 * the app then offers the office summaries, never the safeguarding area.
 */
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import type { BridgeFailure } from '../bridge';
import { FailureNotice } from '../components/FailureNotice';
import { load } from '../loadable';
import { RecoveryKeyPanel, SafetyCodeBox } from './DonePieces';
import { GuidedSteps, StepButtons } from './GuidedSteps';
import { PassphrasePair, passphrasePairErrors, type PassphrasePairValue } from './PassphrasePair';
import { ShareFolderField } from './ShareFolderField';
import { TextQuestion } from './TextQuestion';
import { useFocusRequest } from './useFocusRequest';
import type { SetupOptions } from './WelcomeScreen';

const PATH = 'Join as a lead or office user';
const STEPS = ['Your identity file', 'The school’s folder', 'Your own passphrase', 'Done'];
const IDENTITY = 0;
const FOLDER = 1;
const OWN = 2;
const DONE = 3;

/** A real identity file is about 1 KB; the core refuses more than 64 KB. */
const MAX_IDENTITY_BYTES = 64 * 1024;
const IDENTITY_CODES = [
  'identity-file',
  'bad-identity-file',
  'not-on-profile',
  'corrupt',
  'tampered',
];

type Joined = OperationOutput<'setup.joinAsLead'>;
type Field = 'file' | 'oneTime' | 'folder' | 'first' | 'second' | 'keptKey';

interface JoinAsLeadProps {
  options: SetupOptions;
  onCancel: () => void;
  onDone: () => void;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

export function JoinAsLead({ options, onCancel, onDone }: JoinAsLeadProps) {
  const [step, setStep] = useState(IDENTITY);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [oneTime, setOneTime] = useState('');
  const [folder, setFolder] = useState(options.suggestedShare ?? '');
  const [schoolName, setSchoolName] = useState('');
  const [own, setOwn] = useState<PassphrasePairValue>({ first: '', second: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string | null>>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BridgeFailure | null>(null);
  const [joined, setJoined] = useState<Joined | null>(null);
  const [keptKey, setKeptKey] = useState(false);
  const focus = useFocusRequest();
  const fileRef = useRef<HTMLInputElement>(null);
  const oneTimeRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const secondRef = useRef<HTMLInputElement>(null);
  const keptKeyRef = useRef<HTMLInputElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const refs: Record<Field, RefObject<HTMLElement | null>> = {
    file: fileRef,
    oneTime: oneTimeRef,
    folder: folderRef,
    first: firstRef,
    second: secondRef,
    keptKey: keptKeyRef,
  };

  const go = (next: number) => {
    setErrors({});
    setFailure(null);
    setStep(next);
  };

  const check = (found: Array<[Field, string | null]>): boolean => {
    setErrors(Object.fromEntries(found));
    const first = found.find(([, error]) => error !== null);
    if (first !== undefined) focus(refs[first[0]]);
    return first === undefined;
  };

  const chooseFile = async (chosen: File | undefined) => {
    setErrors({});
    if (chosen === undefined) {
      setFile(null);
      return;
    }
    if (chosen.size > MAX_IDENTITY_BYTES) {
      setFile(null);
      check([
        [
          'file',
          'That file is far larger than an identity file: choose the file your safeguarding lead gave you.',
        ],
      ]);
      return;
    }
    const bytes = new Uint8Array(await chosen.arrayBuffer());
    setFile({ name: chosen.name, base64: bytesToBase64(bytes) });
  };

  const join = async () => {
    if (file === null) return;
    setBusy(true);
    setFailure(null);
    const result = await load((api) =>
      api['setup.joinAsLead']({
        identityFile: file,
        passphrase: oneTime,
        share: folder,
        newPassphrase: own.first,
      }),
    );
    setBusy(false);
    if (result.state === 'ready') {
      setJoined(result.value);
      setOneTime('');
      setOwn({ first: '', second: '' });
      go(DONE);
      return;
    }
    if (result.state !== 'failed') return;
    // A refusal goes back to the step it is about, shown at its field.
    const { code, message } = result.failure;
    if (code === 'wrong-passphrase') {
      setStep(IDENTITY);
      check([
        ['oneTime', `${message} Type the one-time passphrase your safeguarding lead gave you.`],
      ]);
    } else if (IDENTITY_CODES.includes(code)) {
      setStep(IDENTITY);
      check([['file', message]]);
    } else if (code.startsWith('share-') || code === 'no-profile' || code.startsWith('profile-')) {
      setStep(FOLDER);
      check([['folder', message]]);
    } else if (['weak-passphrase', 'unusable-passphrase', 'same-passphrase'].includes(code)) {
      check([['first', message]]);
    } else {
      setFailure(result.failure);
      focus(failureRef);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (step === IDENTITY) {
      const ok = check([
        ['file', file === null ? (errors.file ?? 'Choose your identity file.') : null],
        ['oneTime', oneTime === '' ? 'Enter the one-time passphrase.' : null],
      ]);
      if (ok) go(FOLDER);
    } else if (step === FOLDER) {
      if (!check([['folder', folder.trim() === '' ? "Enter the folder's full path." : null]]))
        return;
      setBusy(true);
      const result = await load((api) => api['setup.previewShare']({ share: folder }));
      setBusy(false);
      if (result.state !== 'ready') {
        check([['folder', result.state === 'failed' ? result.failure.message : null]]);
        return;
      }
      setSchoolName(result.value.schoolName);
      go(OWN);
    } else if (step === OWN) {
      setBusy(true);
      const found = await passphrasePairErrors(own, { schoolName });
      setBusy(false);
      if (
        check([
          ['first', found.first],
          ['second', found.second],
        ])
      )
        await join();
    } else if (joined?.recoveryKey !== null && !keptKey) {
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
    <GuidedSteps
      key={step}
      path={PATH}
      steps={STEPS}
      current={step}
      {...(step === DONE ? { title: 'You have joined your school' } : {})}
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        {step === IDENTITY && (
          <>
            <p className="lead">
              Your designated safeguarding lead (DSL) gave you, in person, an identity file and a
              one-time passphrase for it.
            </p>
            <div className={errors.file ? 'field field--invalid' : 'field'}>
              <label className="field__label" htmlFor="identity-file">
                Identity file
              </label>
              <p className="field__help" id="identity-file-help">
                Its name ends in .age, for example deputy.identity.age.
                {file !== null && (
                  <>
                    {' '}
                    Chosen: <strong>{file.name}</strong>.
                  </>
                )}
              </p>
              {errors.file && (
                <div className="field__error" id="identity-file-error">
                  <p>
                    <span className="visually-hidden">Error: </span>
                    {errors.file}
                  </p>
                </div>
              )}
              <input
                id="identity-file"
                ref={fileRef}
                className="input input--file"
                type="file"
                accept=".age"
                onChange={(event) => void chooseFile(event.target.files?.[0])}
                aria-invalid={errors.file ? true : undefined}
                aria-describedby={
                  errors.file ? 'identity-file-help identity-file-error' : 'identity-file-help'
                }
              />
            </div>
            <TextQuestion
              id="one-time"
              label="One-time passphrase"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={oneTime}
              onChange={setOneTime}
              error={errors.oneTime ?? null}
              inputRef={oneTimeRef}
            />
            <StepButtons next="Continue" onBack={onCancel} backText="Back to the start" />
          </>
        )}
        {step === FOLDER && (
          <>
            <p>
              The school’s shared Safeguard Desk folder. Your DSL or IT can tell you where it is.
            </p>
            <ShareFolderField
              id="join-folder"
              value={folder}
              onChange={setFolder}
              canPickFolder={options.canPickFolder}
              error={errors.folder ?? null}
              inputRef={folderRef}
            />
            <StepButtons
              next="Continue"
              busy={busy}
              busyText="Reading the folder…"
              onBack={() => go(IDENTITY)}
            />
          </>
        )}
        {step === OWN && (
          <>
            <p>
              From now on you will type your own passphrase to open the safeguarding area (or, for
              office staff, the office summaries) of {schoolName}. The one-time passphrase will no
              longer open it on this computer.
            </p>
            <PassphrasePair
              value={own}
              onChange={setOwn}
              context={{ schoolName }}
              errors={{ first: errors.first ?? null, second: errors.second ?? null }}
              firstRef={firstRef}
              secondRef={secondRef}
            />
            <div className="notice notice--warn">
              <p className="notice__title">Your passphrase cannot be reset</p>
              <p>
                If you lose it, only the recovery key you are given next can get your concerns back:
                without both, they are lost for good. Office staff are given no recovery key: their
                DSL can add them again.
              </p>
            </div>
            {failure !== null && (
              <div ref={failureRef} tabIndex={-1}>
                <FailureNotice failure={failure} />
              </div>
            )}
            <StepButtons
              next={`Join ${schoolName}`}
              busy={busy}
              busyText="Joining… this takes a few seconds"
              onBack={() => go(FOLDER)}
            />
          </>
        )}
        {step === DONE && joined !== null && (
          <>
            <p className="lead">
              {joined.name}, you have joined <strong>{joined.schoolName}</strong> as{' '}
              {joined.roleLabel}. You will receive {joined.receives}.
            </p>
            <SafetyCodeBox
              code={joined.safetyCode}
              help="The same code is on the staff-room poster. If it is not, tell your DSL before you use this computer."
            />
            <div className="notice notice--warn">
              <p className="notice__title">Now delete the identity file you were given</p>
              <p>
                With its one-time passphrase it still opens{' '}
                {joined.recoveryKey === null ? 'the summaries' : 'the concerns'} sent to you, on any
                computer. Delete it, empty the recycle bin, and destroy any copy on a USB stick.
              </p>
            </div>
            {joined.recoveryKey === null ? (
              <p>
                Open <strong>Office summaries</strong> with the passphrase you chose here. If you
                forget it, ask your DSL to add you again: office staff have no recovery key.
              </p>
            ) : (
              <RecoveryKeyPanel
                recoveryKey={joined.recoveryKey}
                confirmed={keptKey}
                onConfirm={(kept) => {
                  setKeptKey(kept);
                  if (kept) setErrors({});
                }}
                error={errors.keptKey ?? null}
                checkboxRef={keptKeyRef}
              />
            )}
            <StepButtons next="Go to Safeguard Desk" />
          </>
        )}
      </form>
    </GuidedSteps>
  );
}
