import { z } from 'zod';
import type { ContractSlice } from './define';

/** Something the core wants the person at the screen to know, e.g. a damaged file moved aside. */
export const noticeSchema = z.object({
  id: z.string(),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  at: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  startedAt: z.string(),
  platform: z.string(),
  notices: z.array(noticeSchema),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appInfoContract = {
  'app.info': { access: 'open', input: z.strictObject({}), result: appInfoSchema },
} satisfies ContractSlice;
