import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number },
) => Promise<Buffer>;

/** Work factors stored with each hash, so they can be raised later without locking anyone out. */
const cost = { N: 2 ** 14, r: 8, p: 1 };

export interface PinHash {
  readonly salt: string;
  readonly hash: string;
  readonly N: number;
}

/** A PIN is never stored: only a salted scrypt hash of it. */
export async function hashPin(pin: string): Promise<PinHash> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(pin, salt, 32, cost);
  return { salt: salt.toString('base64'), hash: hash.toString('base64'), N: cost.N };
}

export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await scryptAsync(pin, Buffer.from(stored.salt, 'base64'), expected.length, { ...cost, N: stored.N });
  return timingSafeEqual(actual, expected);
}
