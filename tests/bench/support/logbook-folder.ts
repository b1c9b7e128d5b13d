// A data folder holding years of field logbooks, made quickly for benchmarks: the month
// files are written directly in the store's own format (what LogbookService would have
// written, record by record, over three years), not saved one by one.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LogRecord, RecordData } from '../../../electron/core/contract/logbooks';
import { logbookKinds, type LogbookKind } from '../../../shared/logbook-choices';
import { newRecordId } from '../../../electron/core/logbooks/record-id';
import { currentSchemaVersion } from '../../../electron/core/logbooks/schema-migrations';
import { localMonth } from '../../../electron/core/logbooks/logbook-service';

export interface LogbookFolder {
  /** Every record, for baselines that keep them some other way. */
  readonly records: LogRecord[];
  /** The months with records, oldest first; the last is the current month. */
  readonly months: string[];
  /** Records in one month file of one logbook. */
  readonly perMonthFile: number;
}

export const villageIds = Array.from({ length: 12 }, (_, index) => `village-${index + 1}`);
const author = { profileId: '01BENCHAUTHOR0000000000000', name: 'Nguyễn Thị Hoa' };
const places = ['Buôn Kô Sia', 'Buôn Trấp', 'Thôn 3', 'Buôn Ea Tu', 'Buôn Đôn', 'Thôn Hòa Bình'];
const phrases = [
  'tuyên truyền phòng chống sốt xuất huyết',
  'hướng dẫn tiêm chủng mở rộng cho trẻ em',
  'cảnh giác với tin giả trên Zalo về giá cà phê',
  'phòng chống lừa đảo qua điện thoại',
  'bảo vệ rừng, phòng chống cháy rừng mùa khô',
  'đăng ký bảo hiểm y tế hộ gia đình',
];

/** The months that end at the current one: `count` of them. */
export function monthsEndingNow(count: number, now = new Date()): string[] {
  const [year, month] = localMonth(now).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const back = count - 1 - index;
    const date = new Date(Date.UTC(year, month - 1 - back, 1));
    return date.toISOString().slice(0, 7);
  });
}

/** One record's data as the form would send it, final and complete, for each logbook. */
export function recordData(kind: LogbookKind, occurredAt: string, index: number): RecordData {
  const villageId = villageIds[index % villageIds.length]!;
  const phrase = phrases[index % phrases.length]!;
  const material = {
    source: 'pack' as const,
    materialId: `vn.daklak.health.covid19/bai-${index % 40}`,
    title: `Bài ${index % 40}: ${phrase}`,
    language: 'vi',
  };
  switch (kind) {
    case 'loudspeaker': {
      const endedAt = new Date(Date.parse(`${occurredAt}:00Z`) + 30 * 60_000).toISOString().slice(0, 16);
      return {
        occurredAt,
        endedAt,
        villageId,
        operator: 'Y Bhin Niê',
        materials: [material],
        source: 'relayProvincial',
        languages: ['vi', 'rad'],
        repeats: 2,
        estimatedReach: 300 + (index % 200),
        approvedBy: 'Phó Chủ tịch UBND xã',
        notes: `Phát lúc sáng sớm, ${phrase}`,
      };
    }
    case 'figureOutreach':
      return {
        occurredAt,
        figureId: `figure-${index % 30}`,
        villageId,
        audience: { total: 40, male: 22, female: 18 },
        languages: ['rad', 'vi'],
        materials: [material],
        topics: [phrase],
        questions: ['Bà con hỏi khi nào có thuốc về trạm y tế'],
        followUps: [],
      };
    case 'worshipOutreach':
      return {
        occurredAt,
        placeId: `place-${index % 8}`,
        staff: 'Trần Văn Minh',
        dignitariesMet: ['Mục sư Y Khuê'],
        conveyed: `Phổ biến ${phrase} tới tín đồ`,
        attendance: 120,
        materials: [material],
        followUps: [],
      };
    case 'rumour':
      return {
        occurredAt,
        content: `Nghe nói ${phrase} là không cần thiết, ai cũng bàn tán`,
        villageId,
        channels: ['zalo', 'wordOfMouth'],
        answeredBy: [material],
        status: index % 3 === 0 ? 'confirmedFalse' : 'new',
      };
    case 'leafletHandout':
      return {
        occurredAt,
        leaflet: material,
        language: 'vi',
        copies: 50 + (index % 100),
        villageId,
        place: places[index % places.length],
        handedOutBy: 'Hờ Ma',
      };
  }
}

/** A stored record as LogbookService writes it; one in ten was edited once. */
export function storedRecord(kind: LogbookKind, occurredAt: string, index: number): LogRecord {
  const created = new Date(Date.parse(`${occurredAt}:00Z`) + 3_600_000);
  const at = created.toISOString();
  const data = recordData(kind, occurredAt, index) as Record<string, unknown>;
  const edited = index % 10 === 0;
  return {
    id: newRecordId(created.getTime()),
    kind,
    schemaVersion: currentSchemaVersion,
    status: 'final',
    revision: edited ? 2 : 1,
    occurredAt,
    createdAt: at,
    updatedAt: at,
    author,
    device: 'bench-laptop',
    savedBy: author,
    finalisedAt: at,
    data,
    revisions: edited ? [{ revision: 1, status: 'final', savedAt: at, savedBy: author, data: { ...data, notes: 'bản đầu' } }] : [],
  };
}

/**
 * Writes `total` records spread evenly over every logbook and `monthCount` months ending
 * this month, with the marker that says they are at the current schema version.
 */
export async function writeLogbookFolder(dataDir: string, total: number, monthCount: number): Promise<LogbookFolder> {
  const months = monthsEndingNow(monthCount);
  const perMonthFile = Math.ceil(total / (months.length * logbookKinds.length));
  const root = path.join(dataDir, 'logbooks');
  const records: LogRecord[] = [];
  let index = 0;
  for (const kind of logbookKinds) {
    await mkdir(path.join(root, kind), { recursive: true });
    for (const month of months) {
      const inMonth: LogRecord[] = [];
      for (let each = 0; each < perMonthFile && index < total; each += 1, index += 1) {
        const day = String(1 + (each % 28)).padStart(2, '0');
        const time = `${String(6 + (each % 14)).padStart(2, '0')}:${String(each % 60).padStart(2, '0')}`;
        inMonth.push(storedRecord(kind, `${month}-${day}T${time}`, index));
      }
      records.push(...inMonth);
      await writeFile(path.join(root, kind, `${month}.json`), `${JSON.stringify({ records: inMonth })}\n`);
    }
  }
  await writeFile(path.join(root, 'meta.json'), `${JSON.stringify({ schemaVersion: currentSchemaVersion })}\n`);
  return { records, months, perMonthFile };
}
