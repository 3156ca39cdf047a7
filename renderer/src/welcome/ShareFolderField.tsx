/**
 * The school's share folder as a path: typed (a network path such as \\server\safeguarding, or a
 * bucket location such as s3://trust/school), or chosen with the app's folder dialog where there is
 * one. The core checks whatever it is.
 */
import { useState, type Ref } from 'react';
import { load } from '../loadable';
import { TextQuestion } from './TextQuestion';

interface ShareFolderFieldProps {
  id: string;
  value: string;
  onChange: (path: string) => void;
  /** The app can open a folder dialog (not the web host). */
  canPickFolder: boolean;
  error: string | null;
  help?: string | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
}

export function ShareFolderField({
  id,
  value,
  onChange,
  canPickFolder,
  error,
  help,
  inputRef,
}: ShareFolderFieldProps) {
  const [pickProblem, setPickProblem] = useState<string | null>(null);

  const pick = async () => {
    setPickProblem(null);
    const result = await load((api) => api['setup.pickFolder']());
    if (result.state === 'failed') setPickProblem(result.failure.message);
    else if (result.state === 'ready' && result.value.path !== null) onChange(result.value.path);
  };

  return (
    <div className="share-folder">
      <TextQuestion
        id={id}
        label="Folder path"
        help={
          help ??
          'For example \\\\server\\safeguarding, or a drive IT mapped, such as S:\\Safeguard Desk. ' +
            'Where the trust keeps it in a bucket, IT gives an address such as s3://trust-safeguarding/st-marys.'
        }
        value={value}
        onChange={onChange}
        error={error ?? pickProblem}
        inputRef={inputRef}
        spellCheck={false}
      />
      {canPickFolder && (
        <button
          type="button"
          className="button button--secondary share-folder__pick"
          onClick={() => void pick()}
        >
          Choose a folder…
        </button>
      )}
    </div>
  );
}
