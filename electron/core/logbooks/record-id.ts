import { monotonicFactory } from 'ulid';

/**
 * Time-ordered ids (ULID): they sort by creation, stay unique across laptops without
 * coordination, and stay ordered within one millisecond on one laptop.
 */
export const newRecordId: (time: number) => string = monotonicFactory();
