// `chieng profile` and `chieng log add|export`, run as a commune officer would run them to
// bring records over from old spreadsheets and to hand the logbooks to the district.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogRecord } from '../../../electron/core/contract/logbooks';
import { chiengAt } from '../../support/cli-authoring';
import { refused, refusedLines, succeeded } from '../../support/cli-outcomes';
import { makeTempDir } from '../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let chieng: ReturnType<typeof chiengAt>;

beforeAll(async () => {
  temp = await makeTempDir('chieng-cli-logbooks');
  const home = path.join(temp.dir, 'home');
  await mkdir(home);
  chieng = chiengAt(home);
});
afterAll(() => temp.remove());

const rumour = (occurredAt: string, content = 'Nghe nói tiêm vắc xin gây vô sinh') => ({
  occurredAt,
  content,
  place: 'Buôn Kô Sia',
  channels: ['zalo', 'wordOfMouth'],
  answeredBy: [],
  status: 'new',
});

async function fileWith(name: string, contents: unknown): Promise<string> {
  const file = path.join(temp.dir, name);
  await writeFile(file, typeof contents === 'string' ? contents : JSON.stringify(contents, null, 2));
  return file;
}

interface Exported {
  readonly records: LogRecord[];
}

// Each step runs the built command in its own process, as a person would: allow for a busy machine.
describe('chieng profile and chieng log add', { timeout: 120_000 }, () => {
  let data: string;
  const inData = (...args: string[]) => [...args, '--data-dir', data];
  const exportedRumours = async (...extra: string[]) =>
    JSON.parse(succeeded(await chieng(inData('log', 'export', '--kind', 'rumour', '--format', 'json', ...extra))).join('\n')) as Exported;

  beforeAll(() => {
    data = path.join(temp.dir, 'people');
  });

  it('says how to add a person when nobody uses the laptop yet', async () => {
    const file = await fileWith('one.json', rumour('2026-11-03T09:00'));
    expect(refused(await chieng(inData('log', 'add', '--kind', 'rumour', '--json', file)))).toBe(
      'chieng: Chưa có người dùng nào trên máy này. Thêm bằng lệnh: chieng profile add "Họ và tên" [--pin PIN]',
    );
  });

  it('adds people; the first is chosen, and a locked laptop needs the chosen person’s PIN to add another', async () => {
    expect(succeeded(await chieng(inData('profile', 'add', 'Nguyễn Thị Hoa', '--pin', '1234')))).toEqual([
      'Đã thêm người dùng “Nguyễn Thị Hoa”; người này đang được chọn trên máy.',
    ]);
    expect(refused(await chieng(inData('profile', 'add', 'Y Bhin Niê')))).toBe(
      'chieng: Nguyễn Thị Hoa có mã PIN: thêm --active-pin PIN (hoặc đặt biến môi trường CHIENG_PIN).',
    );
    expect(refused(await chieng(inData('profile', 'add', 'Y Bhin Niê', '--active-pin', '0000')))).toBe(
      'chieng: --active-pin: Mã PIN không đúng.',
    );
    expect(refused(await chieng(inData('profile', 'add', 'Y Bhin Niê', '--pin', '12', '--active-pin', '1234')))).toMatch(
      /^chieng: --pin: /,
    );
    expect(succeeded(await chieng(inData('profile', 'add', 'Y Bhin Niê', '--pin', '5678', '--active-pin', '1234')))).toEqual([
      'Đã thêm người dùng “Y Bhin Niê”.',
    ]);
    const listed = JSON.parse(succeeded(await chieng(inData('profile', 'list', '--json')))[0] ?? '') as {
      profiles: { id: string; name: string; hasPin: boolean }[];
      activeId: string;
    };
    expect(listed.profiles.map(({ name, hasPin }) => ({ name, hasPin }))).toEqual([
      { name: 'Nguyễn Thị Hoa', hasPin: true },
      { name: 'Y Bhin Niê', hasPin: true },
    ]);
    expect(listed.activeId).toBe(listed.profiles[0]?.id);
    const lines = succeeded(await chieng(inData('profile', 'list')));
    expect(lines[0]).toMatch(/^Nguyễn Thị Hoa {2}\(\w+\) \[đang chọn, có mã PIN\]$/);
    expect(lines[1]).toMatch(/^Y Bhin Niê {2}\(\w+\) \[có mã PIN\]$/);
  });

  it('asks for the PIN of the person who writes, and refuses a wrong one', async () => {
    const file = await fileWith('one.json', rumour('2026-11-03T09:00'));
    expect(refused(await chieng(inData('log', 'add', '--kind', 'rumour', '--json', file)))).toBe(
      'chieng: Nguyễn Thị Hoa có mã PIN: thêm --pin PIN (hoặc đặt biến môi trường CHIENG_PIN).',
    );
    expect(refused(await chieng(inData('log', 'add', '--kind', 'rumour', '--json', file, '--pin', '9999')))).toBe(
      'chieng: --pin: Mã PIN không đúng.',
    );
    expect(refused(await chieng(inData('log', 'export', '--kind', 'rumour', '--format', 'json')))).toBe(
      'chieng: Nguyễn Thị Hoa có mã PIN: thêm --pin PIN (hoặc đặt biến môi trường CHIENG_PIN).',
    );
  });

  it('asks for the PIN before reading or changing the packs of a locked laptop, as the app does', async () => {
    expect(refused(await chieng(inData('pack', 'list')))).toBe(
      'chieng: Nguyễn Thị Hoa có mã PIN: thêm --pin PIN (hoặc đặt biến môi trường CHIENG_PIN).',
    );
    expect(refused(await chieng(inData('trust', 'remove', 'f'.repeat(32), '--pin', '9999')))).toBe('chieng: --pin: Mã PIN không đúng.');
    expect(succeeded(await chieng(inData('pack', 'list', '--json', '--pin', '1234')))).toHaveLength(1);
    expect(succeeded(await chieng(inData('trust', 'list'), { CHIENG_PIN: '1234' })).length).toBeGreaterThan(0);
  });

  it('adds one record as a draft, written by the person chosen in the app', async () => {
    // A draft may leave out what is not known yet, as the form allows.
    const file = await fileWith('draft.json', {
      occurredAt: '2026-11-03T09:00',
      content: '  Nghe nói uống nước lá chữa khỏi sốt xuất huyết  ',
    });
    expect(succeeded(await chieng(inData('log', 'add', '--kind', 'rumour', '--json', file), { CHIENG_PIN: '1234' }))).toEqual([
      'Đã thêm 1 bản nháp vào sổ “Tin đồn”, người ghi: Nguyễn Thị Hoa.',
    ]);
    const [record] = (await exportedRumours('--pin', '1234')).records;
    expect(record).toMatchObject({
      status: 'draft',
      author: { name: 'Nguyễn Thị Hoa' },
      occurredAt: '2026-11-03T09:00',
      data: { content: 'Nghe nói uống nước lá chữa khỏi sốt xuất huyết' },
    });
  });

  it('adds none of an array when any entry is wrong, naming every wrong entry and field', async () => {
    const entries = [
      rumour('2026-11-04T08:00'),
      rumour('2026-11-31T08:00'),
      { ...rumour('2026-11-05T08:00'), content: '', channels: ['other'] },
      'không phải bản ghi',
      rumour('2026-11-06T08:00'),
    ];
    const file = await fileWith('mixed.json', entries);
    expect(refusedLines(await chieng(inData('log', 'add', '--kind', 'rumour', '--json', file, '--final', '--pin', '1234')))).toEqual([
      'chieng: Không thêm bản ghi nào: 3 bản ghi chưa đúng. Sửa tệp rồi chạy lại.',
      '  bản ghi [1], trường occurredAt: Ngày giờ không có thật.',
      '  bản ghi [2], trường content: Bắt buộc phải có.',
      '  bản ghi [2], trường channelOther: Hãy ghi rõ kênh lan truyền khác.',
      '  bản ghi [3]: Mỗi bản ghi phải là một đối tượng JSON ({ … }).',
    ]);
  });

  it('adds a whole array as final records once it is right, and had added none of the wrong one', async () => {
    const file = await fileWith('right.json', [rumour('2026-11-04T08:00'), rumour('2026-10-31T23:59'), rumour('2026-12-01T00:00')]);
    expect(succeeded(await chieng(inData('log', 'add', '--kind', 'rumour', '--json', file, '--final', '--pin', '1234')))).toEqual([
      'Đã thêm 3 bản ghi chính thức vào sổ “Tin đồn”, người ghi: Nguyễn Thị Hoa.',
    ]);
    const { records } = await exportedRumours('--pin', '1234');
    expect(records.map((record) => [record.occurredAt, record.status])).toEqual([
      ['2026-12-01T00:00', 'final'],
      ['2026-11-04T08:00', 'final'],
      ['2026-11-03T09:00', 'draft'],
      ['2026-10-31T23:59', 'final'],
    ]);
  });

  it('writes as another person for one command, leaving the app’s choice as it was', async () => {
    const file = await fileWith('bhin.json', rumour('2026-11-07T15:00'));
    expect(refused(await chieng(inData('log', 'add', '--kind', 'rumour', '--json', file, '--profile', 'y bhin niê')))).toBe(
      'chieng: Y Bhin Niê có mã PIN: thêm --pin PIN (hoặc đặt biến môi trường CHIENG_PIN).',
    );
    expect(refused(await chieng(inData('log', 'add', '--kind', 'rumour', '--json', file, '--profile', 'Hờ Ma')))).toBe(
      'chieng: Không có người dùng “Hờ Ma” (có: “Nguyễn Thị Hoa”, “Y Bhin Niê”). Thêm bằng lệnh: chieng profile add "Họ và tên"',
    );
    expect(
      succeeded(await chieng(inData('log', 'add', '--kind', 'rumour', '--json', file, '--profile', 'y bhin niê', '--pin', '5678'))),
    ).toEqual(['Đã thêm 1 bản nháp vào sổ “Tin đồn”, người ghi: Y Bhin Niê.']);
    const { records } = await exportedRumours('--pin', '1234', '--from', '2026-11-07', '--to', '2026-11-07');
    expect(records.map((record) => record.author.name)).toEqual(['Y Bhin Niê']);
    const listed = JSON.parse(succeeded(await chieng(inData('profile', 'list', '--json')))[0] ?? '') as {
      profiles: { id: string; name: string }[];
      activeId: string;
    };
    expect(listed.profiles.find((each) => each.id === listed.activeId)?.name).toBe('Nguyễn Thị Hoa');
  });

  it.each([
    [
      'a file that is not JSON',
      '[{"occurredAt": "2026-11-03T09:00",\n  "content": "x" "status": "new"}]',
      'chieng: Tệp không phải JSON hợp lệ (lỗi ở dòng 2, cột 18).',
    ],
    ['an empty file', '', 'chieng: Tệp không phải JSON hợp lệ (tệp trống hoặc dừng giữa chừng).'],
    ['an empty array', '[]', 'chieng: Tệp không có bản ghi nào.'],
  ])('refuses %s and adds nothing', async (_label, contents, line) => {
    const file = await fileWith('bad.json', contents);
    expect(refused(await chieng(inData('log', 'add', '--kind', 'rumour', '--json', file, '--pin', '1234')))).toBe(line);
  });

  it('refuses a missing file and an unknown logbook', async () => {
    expect(
      refused(await chieng(inData('log', 'add', '--kind', 'rumour', '--json', path.join(temp.dir, 'nowhere.json'), '--pin', '1234'))),
    ).toBe(`chieng: Không tìm thấy tệp ${path.join(temp.dir, 'nowhere.json')}.`);
    const file = await fileWith('one.json', rumour('2026-11-03T09:00'));
    expect(refused(await chieng(inData('log', 'add', '--kind', 'rumours', '--json', file)), 2)).toBe(
      'chieng: Không có sổ “rumours”. Chọn một trong: loudspeaker (Buổi phát loa), figureOutreach (Tuyên truyền qua người có uy tín), worshipOutreach (Tuyên truyền tại cơ sở tôn giáo), rumour (Tin đồn), leafletHandout (Phát tờ rơi).',
    );
    expect(refused(await chieng(inData('log', 'add', '--kind', 'rumour')), 2)).toBe(
      'chieng: Thiếu tùy chọn “--json <file>”. Xem: chieng --help',
    );
  });

  it('speaks English when asked', async () => {
    const file = await fileWith('one.json', rumour('2026-11-03T09:00'));
    expect(refused(await chieng(inData('log', 'add', '--kind', 'rumour', '--json', file), { CHIENG_LANG: 'en' }))).toBe(
      'chieng: Nguyễn Thị Hoa has a PIN: add --pin PIN (or set the CHIENG_PIN environment variable).',
    );
    const help = succeeded(await chieng(['log', 'add', '--help'], { CHIENG_LANG: 'en' })).join('\n');
    expect(help.replace(/\s+/g, ' ')).toContain('if any is wrong, none is added');
  });
});

describe('chieng log export', { timeout: 120_000 }, () => {
  let data: string;
  const inData = (...args: string[]) => [...args, '--data-dir', data];
  const occurred = async (...span: string[]) => {
    const run = await chieng(inData('log', 'export', '--kind', 'rumour', '--format', 'json', ...span));
    return (JSON.parse(succeeded(run).join('\n')) as Exported).records.map((record) => record.occurredAt);
  };

  beforeAll(async () => {
    data = path.join(temp.dir, 'export');
    succeeded(await chieng(inData('profile', 'add', 'Nguyễn Văn Nam')));
    const days = ['2026-10-31T23:30', '2026-11-01T00:00', '2026-11-15T12:00', '2026-11-30T23:59', '2026-12-01T00:00'];
    const file = await fileWith(
      'span.json',
      days.map((day) => rumour(day, `Tin đồn ngày ${day.slice(0, 10)}: “cà phê mất giá”, ai cũng nói`)),
    );
    succeeded(await chieng(inData('log', 'add', '--kind', 'rumour', '--json', file, '--final')));
  });

  it('keeps the records of the days asked for, both ends included', async () => {
    expect(await occurred('--from', '2026-11-01', '--to', '2026-11-30')).toEqual([
      '2026-11-30T23:59',
      '2026-11-15T12:00',
      '2026-11-01T00:00',
    ]);
    expect(await occurred('--from', '2026-11-15')).toEqual(['2026-12-01T00:00', '2026-11-30T23:59', '2026-11-15T12:00']);
    expect(await occurred('--to', '2026-11-01')).toEqual(['2026-11-01T00:00', '2026-10-31T23:30']);
    expect(await occurred()).toHaveLength(5);
  });

  it('writes a CSV for Excel to the screen: UTF-8 with a BOM, a heading row, one row per record', async () => {
    const run = await chieng(inData('log', 'export', '--kind', 'rumour', '--format', 'csv', '--from', '2026-11-01', '--to', '2026-11-30'));
    expect(run.stderr).toBe('');
    expect(run.stdout.startsWith('\uFEFFMã,Trạng thái,Thời gian,Người ghi')).toBe(true);
    const rows = run.stdout.split('\r\n').filter((row) => row !== '');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toContain('"Tin đồn ngày 2026-11-30: “cà phê mất giá”, ai cũng nói"');
    expect(rows[1]).toContain('Nguyễn Văn Nam');
  });

  it('writes to a file with --out and says how many records went', async () => {
    const out = path.join(temp.dir, 'so-tin-don.csv');
    expect(
      succeeded(await chieng(inData('log', 'export', '--kind', 'rumour', '--format', 'csv', '--to', '2026-11-01', '--out', out))),
    ).toEqual([`Đã xuất 2 bản ghi của sổ “Tin đồn” ra tệp ${out}.`]);
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(
      bytes
        .toString('utf8')
        .split('\r\n')
        .filter((row) => row !== ''),
    ).toHaveLength(3);
  });

  it.each([
    [['--from', '2026-02-30'], 'chieng: Ngày “2026-02-30” của --from không hợp lệ: viết theo dạng YYYY-MM-DD, ví dụ 2026-11-24.', 2],
    [['--to', '24/11/2026'], 'chieng: Ngày “24/11/2026” của --to không hợp lệ: viết theo dạng YYYY-MM-DD, ví dụ 2026-11-24.', 2],
    [['--from', '2026-11-30', '--to', '2026-11-01'], 'chieng: --to: Ngày kết thúc không được trước ngày bắt đầu.', 1],
    [
      ['--format', 'xlsx'],
      'chieng: Không có định dạng “xlsx”. Chọn một trong: csv (CSV cho Excel), json (JSON, đầy đủ cả lịch sử sửa).',
      2,
    ],
  ])('refuses %j in one clear line', async (extra, line, code) => {
    const format = extra.includes('--format') ? [] : ['--format', 'json'];
    expect(refused(await chieng(inData('log', 'export', '--kind', 'rumour', ...format, ...extra)), code)).toBe(line);
  });

  it('needs to be told the format', async () => {
    expect(refused(await chieng(inData('log', 'export', '--kind', 'rumour')), 2)).toBe(
      'chieng: Thiếu tùy chọn “--format <format>”. Xem: chieng --help',
    );
  });
});
