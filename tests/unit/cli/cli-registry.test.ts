// `chieng registry import|export`: the commune's lists kept in Excel, brought in and taken
// out with the built command, as an officer would.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chiengAt } from '../../support/cli-authoring';
import { refused, refusedLines, succeeded } from '../../support/cli-outcomes';
import { makeTempDir } from '../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let chieng: ReturnType<typeof chiengAt>;
let data: string;
const inData = (...args: string[]) => [...args, '--data-dir', data];

beforeAll(async () => {
  temp = await makeTempDir('chieng-cli-registry');
  const home = path.join(temp.dir, 'home');
  await mkdir(home);
  chieng = chiengAt(home);
  data = path.join(temp.dir, 'data');
});
afterAll(() => temp.remove());

/** A CSV as Excel saves it ("CSV UTF-8"): a BOM, CRLF line ends. */
async function csvFile(name: string, rows: readonly string[]): Promise<string> {
  const file = path.join(temp.dir, name);
  await writeFile(file, `\uFEFF${rows.join('\r\n')}\r\n`);
  return file;
}

const villagesHeading = '"Tên thôn, buôn",Loại,Số hộ';

// Each step runs the built command in its own process: allow for a busy machine.
describe('chieng registry', { timeout: 120_000 }, () => {
  it('imports the villages of a CSV and exports them again for Excel', async () => {
    const file = await csvFile('villages.csv', [villagesHeading, 'Buôn Kô Sia,Buôn,120', 'Thôn 3,Thôn,85']);
    expect(succeeded(await chieng(inData('registry', 'import', 'villages', file)))).toEqual(['Đã nhập 2 dòng vào danh sách “Thôn, buôn”.']);
    const run = await chieng(inData('registry', 'export', 'villages'));
    expect(run.stderr).toBe('');
    const rows = run.stdout.split('\r\n').filter((row) => row !== '');
    expect(rows[0]?.startsWith('\uFEFFMã,"Tên thôn, buôn",Loại')).toBe(true);
    expect(rows.slice(1).map((row) => row.split(',').slice(1, 4).join(','))).toEqual(['Buôn Kô Sia,Buôn,120', 'Thôn 3,Thôn,85']);
  });

  it('imports nothing when any row is wrong, and says each row and column at fault', async () => {
    const file = await csvFile('bad-villages.csv', [villagesHeading, 'Buôn Ea Tu,Buôn,60', 'Buôn Trấp,Làng,40', 'Thôn 5,Thôn,nhiều']);
    const lines = refusedLines(await chieng(inData('registry', 'import', 'villages', file)));
    expect(lines[0]).toMatch(/^chieng: Không nhập dòng nào: \d+ lỗi\. Sửa tệp rồi nhập lại\.$/);
    expect(lines).toContain('  dòng 3, cột “Loại”: Không có lựa chọn “Làng”.');
    expect(lines).toContain('  dòng 4, cột “Số hộ”: Không phải số.');
    expect(lines.filter((line) => line.includes('dòng 2,'))).toEqual([]);
    const figures = await csvFile('figures.csv', [
      'Họ và tên,Giới tính,Thành phần,"Thôn, buôn",Đồng ý lưu thông tin,Ngày hỏi ý kiến,Hình thức đồng ý,Người ghi nhận',
      'Y Ksơr Niê,Nam,Già làng,Buôn Ea Tu,Có,2026-11-02,Bằng lời nói,Nguyễn Văn Nam',
    ]);
    expect(refusedLines(await chieng(inData('registry', 'import', 'figures', figures)))).toEqual([
      'chieng: Không nhập dòng nào: 1 lỗi. Sửa tệp rồi nhập lại.',
      '  dòng 2, cột “Thôn, buôn”: Không có thôn, buôn “Buôn Ea Tu” trong danh sách.',
    ]);
    // Buôn Ea Tu, on a good row of the refused file, was not kept either.
    const out = path.join(temp.dir, 'villages-out.csv');
    expect(succeeded(await chieng(inData('registry', 'export', 'villages', '--out', out)))).toEqual([
      `Đã xuất danh sách “Thôn, buôn” ra tệp ${out}.`,
    ]);
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).not.toContain('Buôn Ea Tu');
    expect(
      bytes
        .toString('utf8')
        .split('\r\n')
        .filter((row) => row !== ''),
    ).toHaveLength(3);
  });

  it('refuses an unknown list, a missing file and a file that is not UTF-8', async () => {
    expect(refused(await chieng(inData('registry', 'import', 'buon', 'villages.csv')), 2)).toBe(
      'chieng: Không có danh sách “buon”. Chọn một trong: villages (Thôn, buôn), figures (Người có uy tín), places (Cơ sở tôn giáo).',
    );
    const missing = path.join(temp.dir, 'nowhere.csv');
    expect(refused(await chieng(inData('registry', 'import', 'villages', missing)))).toBe(`chieng: Không tìm thấy tệp ${missing}.`);
    const latin1 = path.join(temp.dir, 'latin1.csv');
    await writeFile(latin1, Buffer.from('"Tên thôn, buôn",Loại\r\nBuôn Kô Sia,Buôn\r\n', 'latin1'));
    expect(refusedLines(await chieng(inData('registry', 'import', 'villages', latin1)))).toEqual([
      'chieng: Không nhập dòng nào: 1 lỗi. Sửa tệp rồi nhập lại.',
      '  Tệp không ở dạng UTF-8. Trong Excel, chọn Lưu thành → “CSV UTF-8 (Comma delimited)”.',
    ]);
  });

  it('needs the PIN when the laptop is locked, as the app does', async () => {
    succeeded(await chieng(inData('profile', 'add', 'Nguyễn Thị Hoa', '--pin', '2468')));
    expect(refused(await chieng(inData('registry', 'export', 'villages')))).toBe(
      'chieng: Nguyễn Thị Hoa có mã PIN: thêm --pin PIN (hoặc đặt biến môi trường CHIENG_PIN).',
    );
    const run = await chieng(inData('registry', 'export', 'villages', '--pin', '2468'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Buôn Kô Sia');
  });
});
