/**
 * "Connect this computer to my school", for any member of staff: the school's folder, then its
 * safety code with "Does this match the code on the staff-room poster?". Yes connects (this
 * computer trusts that school from then on); No connects nothing and says to tell the lead.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { OperationOutput } from '../../../src/api/contract';
import type { BridgeFailure } from '../bridge';
import { FailureNotice } from '../components/FailureNotice';
import { useHeadingFocus } from '../components/useHeadingFocus';
import { load } from '../loadable';
import { SafetyCodeBox } from './DonePieces';
import { GuidedSteps, StepButtons } from './GuidedSteps';
import { ShareFolderField } from './ShareFolderField';
import { useFocusRequest } from './useFocusRequest';
import type { SetupOptions } from './WelcomeScreen';

const PATH = 'Connect this computer to my school';
const STEPS = ['The school’s folder', 'Check the safety code', 'Done'];
const FOLDER = 0;
const CODE = 1;
const DONE = 2;

type Preview = OperationOutput<'setup.previewShare'>;

interface ConnectComputerProps {
  options: SetupOptions;
  onCancel: () => void;
  onDone: () => void;
}

export function ConnectComputer({ options, onCancel, onDone }: ConnectComputerProps) {
  const [step, setStep] = useState(FOLDER);
  const [folder, setFolder] = useState(options.suggestedShare ?? '');
  const [folderError, setFolderError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BridgeFailure | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const focus = useFocusRequest();
  const folderRef = useRef<HTMLInputElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  const go = (next: number) => {
    setFailure(null);
    setFolderError(null);
    setStep(next);
  };

  const readFolder = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (folder.trim() === '') {
      setFolderError("Enter the folder's full path.");
      focus(folderRef);
      return;
    }
    setBusy(true);
    const result = await load((api) => api['setup.previewShare']({ share: folder }));
    setBusy(false);
    if (result.state !== 'ready') {
      if (result.state === 'failed') setFolderError(result.failure.message);
      focus(folderRef);
      return;
    }
    setPreview(result.value);
    go(CODE);
  };

  const connect = async () => {
    if (busy || preview === null) return;
    setBusy(true);
    const result = await load((api) =>
      api['setup.connect']({ share: folder, safetyCode: preview.safetyCode }),
    );
    setBusy(false);
    if (result.state === 'failed') {
      setFailure(result.failure);
      focus(failureRef);
      return;
    }
    go(DONE);
  };

  if (mismatch) return <CodeDidNotMatch onStartAgain={onCancel} />;

  return (
    <GuidedSteps key={step} path={PATH} steps={STEPS} current={step} title={titleOf(step)}>
      {step === FOLDER && (
        <form noValidate onSubmit={(event) => void readFolder(event)}>
          <p>
            Every computer of the school sends concerns, sealed, to one shared folder. IT or your
            safeguarding lead can tell you where it is.
          </p>
          <ShareFolderField
            id="connect-folder"
            value={folder}
            onChange={setFolder}
            canPickFolder={options.canPickFolder}
            error={folderError}
            inputRef={folderRef}
            {...(options.suggestedShare !== null
              ? {
                  help: 'Filled in from what IT set up for this computer. Change it only if told to.',
                }
              : {})}
          />
          <StepButtons
            next="Continue"
            busy={busy}
            busyText="Reading the folder…"
            onBack={onCancel}
            backText="Back to the start"
          />
        </form>
      )}
      {step === CODE && preview !== null && (
        <div>
          <p className="lead">
            This folder belongs to <strong>{preview.schoolName}</strong>.
          </p>
          <SafetyCodeBox
            code={preview.safetyCode}
            help="The same code is on the staff-room poster your safeguarding lead put up."
          />
          {failure !== null && (
            <div ref={failureRef} tabIndex={-1}>
              <FailureNotice failure={failure} />
            </div>
          )}
          <fieldset className="field code-question">
            <legend className="field__label code-question__legend">
              Does this match the code on the staff-room poster?
            </legend>
            <div className="guided__buttons">
              <button
                type="button"
                className="button button--primary"
                aria-disabled={busy ? true : undefined}
                onClick={() => void connect()}
              >
                {busy ? 'Connecting…' : 'Yes, it matches'}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setMismatch(true)}
              >
                No, it is different
              </button>
            </div>
          </fieldset>
          <button type="button" className="button button--quiet" onClick={() => go(FOLDER)}>
            Back to the folder
          </button>
        </div>
      )}
      {step === DONE && preview !== null && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onDone();
          }}
        >
          <p className="lead">
            This computer now sends concerns to <strong>{preview.schoolName}</strong>. Only the
            school’s safeguarding leads can read them.
          </p>
          <p>
            Safety code <strong>{preview.safetyCode}</strong>: the home screen shows it too, so
            anyone can check it against the poster.
          </p>
          <StepButtons next="Go to Safeguard Desk" />
        </form>
      )}
    </GuidedSteps>
  );
}

function titleOf(step: number): string | undefined {
  if (step === CODE) return 'Check the safety code';
  if (step === DONE) return 'This computer is connected';
  return undefined;
}

/** "No": nothing is connected; the person is told plainly what to do instead. */
function CodeDidNotMatch({ onStartAgain }: { onStartAgain: () => void }) {
  const heading = useHeadingFocus<HTMLHeadingElement>();
  return (
    <section className="panel narrow stop" aria-labelledby="stop-title">
      <h1 id="stop-title" ref={heading} tabIndex={-1}>
        Do not use this computer to report yet
      </h1>
      <p className="tell-dsl">Tell your safeguarding lead: the code did not match.</p>
      <p>
        This computer has not been connected, and nothing has been sent. The folder may not be your
        school’s, or someone may have changed it.
      </p>
      <p className="urgent">
        If a child is in immediate danger, call <strong>999</strong> now, then tell the DSL in
        person. Until this is sorted out, tell the DSL in person or use another computer.
      </p>
      <button type="button" className="button button--secondary" onClick={onStartAgain}>
        Back to the start
      </button>
    </section>
  );
}
