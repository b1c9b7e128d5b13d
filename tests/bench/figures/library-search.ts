// Offline search over 5,000 generated Vietnamese articles (about 10 MB of text): the p95 of a
// query through the library's index, against a plain linear scan of the same folded text
// answering the same queries in the same run.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LibraryService } from '../../../electron/core/library/library-service';
import { fold, words } from '../../../shared/search-folding';
import { buildPack } from '../../../electron/core/packs/authoring/build-pack';
import { loadGlyphCoverage } from '../../../electron/core/packs/authoring/glyph-coverage';
import { openPackService } from '../../../electron/core/packs/pack-service';
import { fontsDir, makePublisher, makeRoot } from '../../support/pack-fixtures';
import type { Figure } from '../support/figure';
import { percentile, round } from '../support/stats';
import { withTempDir } from '../support/temp-dir';

const articleCount = 5_000;
const queryCount = 300;

// Everyday public-health and civic vocabulary, with its accents, to make text people write.
const vocabulary = (
  'khẩu trang khử khuẩn khoảng cách không tập trung khai báo y tế tiêm chủng vắc xin xét nghiệm ' +
  'sốt ho khó thở trạm y tế xã buôn làng già làng trưởng buôn người có uy tín Đắk Lắk Buôn Ma Thuột ' +
  'Cư M’gar Krông Pắc Ea Kar Lắk Ê Đê M’nông J’rai tin giả tuyên truyền loa truyền thanh nhà văn hóa ' +
  'cộng đồng phòng chống dịch bệnh hướng dẫn chính thống cán bộ thông tin chính quyền địa phương ' +
  'rửa tay xà phòng nước sạch thực phẩm an toàn trẻ em người cao tuổi phụ nữ mang thai sức khỏe ' +
  'bảo hiểm y tế cấp cứu bệnh viện huyện tỉnh nông nghiệp cà phê hồ tiêu mùa mưa lũ lụt hạn hán'
).split(' ');

const figure: Figure = {
  name: 'library_search_p95',
  unit: 'ms',
  target: { max: 20 },
  async measure({ log }) {
    return withTempDir('chieng-bench-search', async (work) => {
      log(`generating ${articleCount} articles and installing them as a pack (not timed)`);
      let seed = 42;
      const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
      const pick = () => vocabulary[Math.floor(random() * vocabulary.length)] ?? '';
      const sentence = () => {
        const length = 8 + Math.floor(random() * 10);
        const text = Array.from({ length }, pick).join(' ');
        return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
      };
      const source = path.join(work, 'source');
      await mkdir(path.join(source, 'a'), { recursive: true });
      const texts: string[] = [];
      const items = [];
      for (let index = 0; index < articleCount; index += 1) {
        const body = `# ${sentence()}\n\n${Array.from({ length: 25 }, sentence).join(' ')}\n`;
        texts.push(body);
        await writeFile(path.join(source, 'a', `${index}.md`), body);
        items.push({
          id: `bai-${index}`,
          kind: 'article',
          languages: ['vi'],
          topics: ['covid19'],
          title: { vi: `Bài ${index}` },
          files: [{ path: `a/${index}.md` }],
        });
      }
      await writeFile(
        path.join(source, 'pack.json'),
        JSON.stringify({ id: 'vn.test.bench-search', version: 1, title: { vi: 'Tìm kiếm' }, items }),
      );
      const root = await makeRoot(path.join(work, 'roots'));
      const publisher = makePublisher(root);
      const archive = path.join(work, 'search.chieng');
      await buildPack({
        sourceDir: source,
        key: publisher.secret,
        certificate: publisher.certificate,
        out: archive,
        glyphs: loadGlyphCoverage(fontsDir),
      });
      const packs = await openPackService({ dataDir: path.join(work, 'data'), builtInRoots: root.dir, onDamaged: () => undefined });
      await packs.importFile(archive, 'search.chieng');
      const library = new LibraryService(packs, path.join(work, 'data'));
      await library.warm();
      const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;

      // What people type: one to three words, without their accents.
      const queries = Array.from({ length: queryCount }, () =>
        Array.from({ length: 1 + Math.floor(random() * 3) }, () => fold(pick())).join(' '),
      );
      const folded = texts.map(fold);
      const linear = (query: string) => {
        const terms = words(fold(query));
        return folded.filter((text) => terms.every((term) => text.includes(term))).length;
      };

      const indexTimes: number[] = [];
      const scanTimes: number[] = [];
      for (const query of queries.slice(0, 20)) {
        await library.search(query, {}, 50);
        linear(query);
      }
      for (const query of queries) {
        let started = performance.now();
        await library.search(query, {}, 50);
        indexTimes.push(performance.now() - started);
        started = performance.now();
        linear(query);
        scanTimes.push(performance.now() - started);
      }
      log(
        `${articleCount} articles, ${megabytes.toFixed(1)} MB; index p50 ${percentile(indexTimes, 50).toFixed(2)} ms, scan p50 ${percentile(scanTimes, 50).toFixed(2)} ms`,
      );
      return {
        value: round(percentile(indexTimes, 95), 2),
        baseline: { name: 'linear_scan_p95', value: round(percentile(scanTimes, 95), 2), unit: 'ms' },
        runs: queries.length,
        extra: { articles: articleCount, megabytes: round(megabytes, 1), p50: round(percentile(indexTimes, 50), 2) },
      };
    });
  },
};

export default figure;
