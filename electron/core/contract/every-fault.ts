import type { z } from 'zod';

/**
 * Checks a save's data by rules that zod would skip once a field is at fault (what a final
 * record must have, rules across fields), so that a form hears of every fault at once. The
 * rules see the request as sent, so they must take anything; each issue they find goes under
 * `data`, unless that field already has one.
 */
export function withEveryFaultOfData<S extends z.ZodType>(
  schema: S,
  faults: (request: Readonly<Record<string, unknown>>) => readonly z.core.$ZodIssue[],
): S {
  return schema.superRefine(
    (request, context) => {
      for (const issue of faults(request as Readonly<Record<string, unknown>>)) {
        const path = ['data', ...issue.path];
        if (!context.issues.some((known) => (known.path ?? []).join('.') === path.join('.'))) context.addIssue({ ...issue, path });
      }
    },
    { when: ({ value }) => value !== null && typeof value === 'object' },
  );
}
