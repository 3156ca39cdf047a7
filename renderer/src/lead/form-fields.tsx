/**
 * The lead's inputs bound to a react-hook-form form by name (useController): the value, the
 * change and the zod schema's message for that name, so a case form only lists its questions.
 */
import {
  useController,
  type Control,
  type FieldPath,
  type FieldPathValue,
  type FieldValues,
} from 'react-hook-form';
import {
  CheckboxField,
  RadioField,
  SelectField,
  TextAreaField,
  TextInputField,
  type Choice,
} from './fields';

interface Bound<V extends FieldValues, N extends FieldPath<V>, T> {
  /** The form's control; T is what its resolver makes of the answers. */
  control: Control<V, unknown, T>;
  name: N;
  id: string;
  label: string;
  required?: boolean;
  help?: string | undefined;
}

/** The value at `name`, its setter and its problem in words. */
function useBound<V extends FieldValues, N extends FieldPath<V>, T>(
  control: Control<V, unknown, T>,
  name: N,
) {
  const { field, fieldState } = useController({ control, name });
  return {
    value: field.value,
    onChange: (value: FieldPathValue<V, N>) => field.onChange(value),
    error: fieldState.error?.message,
  };
}

export function FormTextArea<V extends FieldValues, N extends FieldPath<V>, T>({
  control,
  name,
  rows,
  ...rest
}: Bound<V, N, T> & { rows?: number }) {
  const { value, onChange, error } = useBound(control, name);
  return (
    <TextAreaField
      {...rest}
      {...(rows === undefined ? {} : { rows })}
      value={value}
      onChange={(text) => onChange(text as FieldPathValue<V, N>)}
      error={error}
    />
  );
}

export function FormTextInput<V extends FieldValues, N extends FieldPath<V>, T>({
  control,
  name,
  type,
  ...rest
}: Bound<V, N, T> & { type?: 'text' | 'search' | 'date' }) {
  const { value, onChange, error } = useBound(control, name);
  return (
    <TextInputField
      {...rest}
      {...(type === undefined ? {} : { type })}
      value={value}
      onChange={(text) => onChange(text as FieldPathValue<V, N>)}
      error={error}
    />
  );
}

export function FormSelect<V extends FieldValues, N extends FieldPath<V>, T, C extends string>({
  control,
  name,
  options,
  placeholder,
  ...rest
}: Bound<V, N, T> & { options: ReadonlyArray<Choice<C>>; placeholder: string }) {
  const { value, onChange, error } = useBound(control, name);
  return (
    <SelectField<C>
      {...rest}
      options={options}
      placeholder={placeholder}
      value={value}
      onChange={(choice) => onChange(choice as FieldPathValue<V, N>)}
      error={error}
    />
  );
}

export function FormRadios<V extends FieldValues, N extends FieldPath<V>, T, C extends string>({
  control,
  name,
  options,
  inline,
  ...rest
}: Bound<V, N, T> & { options: ReadonlyArray<Choice<C>>; inline?: boolean }) {
  const { value, onChange, error } = useBound(control, name);
  return (
    <RadioField<C>
      {...rest}
      {...(inline === undefined ? {} : { inline })}
      options={options}
      value={value}
      onChange={(choice) => onChange(choice as FieldPathValue<V, N>)}
      error={error}
    />
  );
}

export function FormCheckbox<V extends FieldValues, N extends FieldPath<V>, T>({
  control,
  name,
  id,
  label,
}: Pick<Bound<V, N, T>, 'control' | 'name' | 'id' | 'label'>) {
  const { value, onChange } = useBound(control, name);
  return (
    <CheckboxField
      id={id}
      label={label}
      checked={value === true}
      onChange={(checked) => onChange(checked as FieldPathValue<V, N>)}
    />
  );
}
