import type { UseFormReturnType } from '@mantine/form';
import { ApiError } from './client';

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Puts a problem's field errors onto the form's fields (the field "roles.0" lands on "roles").
 * Returns true when every field error found a field.
 */
export function showFieldErrors<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  error: unknown,
  aliases: Record<string, string> = {},
): boolean {
  if (!(error instanceof ApiError) || error.errors.length === 0) return false;
  const values = form.getValues();
  let allPlaced = true;
  for (const problem of error.errors) {
    const field = aliases[problem.field] ?? problem.field.split('.')[0] ?? problem.field;
    if (field in values) form.setFieldError(field, sentence(problem.message));
    else allPlaced = false;
  }
  return allPlaced;
}
