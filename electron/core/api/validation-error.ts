import type { z } from 'zod';
import type { ApiError } from '../contract/api-error';

/**
 * Turns the first schema issue into an error a person can act on: which field, what is
 * wrong with it. The offending value itself is never echoed back. Parse with
 * `reportInput: true`, or a value of the wrong kind cannot be told from a missing one.
 */
export function validationError(issues: readonly z.core.$ZodIssue[]): ApiError {
  const first = issues[0];
  if (!first) return { code: 'invalid_input', messageKey: 'errors:field.invalid' };
  const error = issueError(first);
  if (issues.length < 2) return error;
  const fields = issues
    .map(issueError)
    .flatMap(({ field, messageKey, params }) => (field === undefined ? [] : [{ field, messageKey, ...(params ? { params } : {}) }]));
  return { ...error, fields };
}

function issueError(issue: z.core.$ZodIssue): ApiError {
  const path = issue.path.map(String);
  const at = (fieldPath: string[]): { field?: string } => (fieldPath.length > 0 ? { field: fieldPath.join('.') } : {});

  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined && path.length > 0) {
        return { code: 'invalid_input', messageKey: 'errors:field.required', ...at(path) };
      }
      return { code: 'invalid_input', messageKey: 'errors:field.wrongType', ...at(path), params: { expected: issue.expected } };
    case 'too_big':
      return {
        code: 'invalid_input',
        messageKey:
          issue.origin === 'string' ? 'errors:field.tooLong' : issue.origin === 'array' ? 'errors:field.tooMany' : 'errors:field.tooLarge',
        ...at(path),
        params: { max: Number(issue.maximum) },
      };
    case 'too_small':
      return {
        code: 'invalid_input',
        messageKey:
          issue.origin === 'string' ? 'errors:field.tooShort' : issue.origin === 'array' ? 'errors:field.tooFew' : 'errors:field.tooSmall',
        ...at(path),
        params: { min: Number(issue.minimum) },
      };
    case 'unrecognized_keys':
      return { code: 'invalid_input', messageKey: 'errors:field.unknown', ...at([...path, issue.keys[0] ?? '']) };
    case 'invalid_value':
      // A choice left empty is missing, not a wrong choice.
      if (issue.input === undefined && path.length > 0) return { code: 'invalid_input', messageKey: 'errors:field.required', ...at(path) };
      return { code: 'invalid_input', messageKey: 'errors:field.notAllowed', ...at(path) };
    case 'invalid_union':
      return { code: 'invalid_input', messageKey: 'errors:field.notAllowed', ...at(path) };
    case 'custom':
      // Our own rules name their message by a key under errors:field; other messages are for developers.
      return {
        code: 'invalid_input',
        messageKey: /^[a-z][A-Za-z]+$/.test(issue.message) ? `errors:field.${issue.message}` : 'errors:field.invalid',
        ...at(path),
      };
    case 'invalid_format':
      return { code: 'invalid_input', messageKey: 'errors:field.badFormat', ...at(path) };
    default:
      return { code: 'invalid_input', messageKey: 'errors:field.invalid', ...at(path) };
  }
}
