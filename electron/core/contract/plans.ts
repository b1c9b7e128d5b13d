// Session plans: the materials an officer prepares, in order, for one village meeting.
import { z } from 'zod';
import type { ContractSlice } from './define';

export const planSchema = z.object({
  id: z.string(),
  title: z.string(),
  materials: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SessionPlan = z.infer<typeof planSchema>;

export const plansContract = {
  'plans.list': { access: 'unlocked', input: z.strictObject({}), result: z.object({ plans: z.array(planSchema) }) },
  'plans.save': {
    access: 'unlocked',
    input: z.strictObject({
      id: z.string().max(64).optional(),
      title: z.string().trim().min(1).max(200),
      materials: z.array(z.string().max(200)).max(500),
    }),
    result: planSchema,
  },
  'plans.remove': { access: 'unlocked', input: z.strictObject({ id: z.string().max(64) }), result: z.object({ removed: z.boolean() }) },
} satisfies ContractSlice;
