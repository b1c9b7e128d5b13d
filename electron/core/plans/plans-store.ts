// Session plans: a meeting prepared ahead as an ordered set of materials, opened offline later.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { planSchema, type SessionPlan } from '../contract/plans';
import { DurableJsonFile } from '../storage/durable-json-file';
import { replaceData } from '../storage/replace-data';

const fileSchema = z.object({ plans: z.array(planSchema) });
type PlansFile = z.infer<typeof fileSchema>;

export interface PlansStore {
  list(): SessionPlan[];
  save(plan: { id?: string | undefined; title: string; materials: string[] }): Promise<SessionPlan | undefined>;
  remove(id: string): Promise<boolean>;
}

export async function openPlansStore(
  dataDir: string,
  onDamaged: (file: string, movedTo: string) => void,
  clock: () => Date = () => new Date(),
): Promise<PlansStore> {
  const db = new Low<PlansFile>(
    new DurableJsonFile(path.join(dataDir, 'plans.json'), { parse: (data) => fileSchema.parse(data), onDamaged }),
    { plans: [] },
  );
  await db.read();
  const write = async (next: PlansFile) => {
    await replaceData(db, next);
  };
  return {
    list: () => [...db.data.plans].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    async save({ id, title, materials }) {
      const now = clock().toISOString();
      const existing = id ? db.data.plans.find((plan) => plan.id === id) : undefined;
      if (id && !existing) return undefined;
      const plan: SessionPlan = existing
        ? { ...existing, title: title.normalize('NFC'), materials, updatedAt: now }
        : { id: randomBytes(8).toString('hex'), title: title.normalize('NFC'), materials, createdAt: now, updatedAt: now };
      await write({ plans: [...db.data.plans.filter((each) => each.id !== plan.id), plan] });
      return plan;
    },
    async remove(id) {
      if (!db.data.plans.some((plan) => plan.id === id)) return false;
      await write({ plans: db.data.plans.filter((plan) => plan.id !== id) });
      return true;
    },
  };
}
