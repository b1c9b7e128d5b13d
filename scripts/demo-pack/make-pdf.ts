// A4 sheet of the Ministry of Health's 5K message for the demo pack, laid out with pdfmake
// in the bundled Noto Sans (pdfmake's default Roboto lacks some Vietnamese letters).
// Run after render-images.ts (it embeds images/5k.png): npx tsx scripts/demo-pack/make-pdf.ts
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const fonts = join(root, 'resources/fonts');
const source = join(root, 'resources/demo-pack/source');
const blue = '#0b5cad';

pdfmake.setFonts({
  NotoSans: {
    normal: join(fonts, 'NotoSans-Regular.ttf'),
    bold: join(fonts, 'NotoSans-Bold.ttf'),
    italics: join(fonts, 'NotoSans-Italic.ttf'),
    bolditalics: join(fonts, 'NotoSans-BoldItalic.ttf'),
  },
});
// Read only the fonts and the demo pack's own files; fetch nothing from the network.
pdfmake.setLocalAccessPolicy((path) => [fonts, source].some((dir) => resolve(path).startsWith(dir + '/')));
pdfmake.setUrlAccessPolicy(() => false);

const fiveK: ReadonlyArray<[string, string]> = [
  [
    'Khẩu trang',
    'Đeo khẩu trang vải thường xuyên tại nơi công cộng, nơi tập trung đông người; đeo khẩu trang y tế tại các cơ sở y tế, khu cách ly.',
  ],
  [
    'Khử khuẩn',
    'Rửa tay thường xuyên bằng xà phòng hoặc dung dịch sát khuẩn tay. Vệ sinh các bề mặt, vật dụng thường xuyên tiếp xúc (tay nắm cửa, điện thoại, mặt bàn, ghế…). Giữ vệ sinh, lau rửa và để nhà cửa thông thoáng.',
  ],
  ['Khoảng cách', 'Giữ khoảng cách khi tiếp xúc với người khác.'],
  ['Không tập trung', 'Không tập trung đông người.'],
  [
    'Khai báo y tế',
    'Thực hiện khai báo y tế theo hướng dẫn hiện hành của trạm y tế xã. (Các ứng dụng NCOVI, Bluezone nêu trong thông điệp năm 2020 nay không còn được dùng.)',
  ],
];

const rows: Content[] = fiveK.map(([label, text], index) => ({
  columns: [
    { width: 16, text: String(index + 1), style: 'number' },
    { width: '*', text: [{ text: `${label}: `, bold: true }, text] },
  ],
  columnGap: 8,
  margin: [0, 0, 0, 9],
}));

const doc: TDocumentDefinitions = {
  pageSize: 'A4',
  pageMargins: [50, 46, 50, 60],
  language: 'vi',
  info: {
    title: 'Thông điệp 5K phòng, chống dịch COVID-19 (tài liệu mẫu)',
    author: 'Chiêng – tài liệu mẫu (demo)',
    subject: 'Thông điệp 5K của Bộ Y tế (2020)',
    creator: 'scripts/demo-pack/make-pdf.ts',
    // Fixed dates keep the file the same from one run to the next.
    creationDate: new Date('2026-11-20T00:00:00.000Z'),
    modDate: new Date('2026-11-20T00:00:00.000Z'),
  },
  defaultStyle: { font: 'NotoSans', fontSize: 11.5, lineHeight: 1.25, color: '#1d2733' },
  styles: {
    title: { fontSize: 26, bold: true, color: blue },
    subtitle: { fontSize: 14, color: '#3a4654', margin: [0, 2, 0, 12] },
    heading: { fontSize: 12.5, bold: true, color: blue, margin: [0, 6, 0, 8] },
    number: { bold: true, fontSize: 13, color: blue },
    note: { fontSize: 11, margin: [10, 8, 10, 8] },
  },
  content: [
    { text: 'THÔNG ĐIỆP 5K', style: 'title' },
    { text: 'Bộ Y tế khuyến cáo: chung tay phòng, chống dịch COVID-19', style: 'subtitle' },
    { image: join(source, 'images/5k.png'), width: 380, alignment: 'center', margin: [0, 0, 0, 6] },
    { text: 'Khẩu trang – Khử khuẩn – Khoảng cách – Không tập trung – Khai báo y tế', style: 'heading' },
    ...rows,
    {
      unbreakable: true,
      table: {
        widths: ['*'],
        body: [
          [
            {
              style: 'note',
              stack: [
                {
                  text: [
                    { text: 'Khi có dấu hiệu sốt, ho, mất vị giác hoặc mất khứu giác: ', bold: true },
                    'đeo khẩu trang, hạn chế tiếp xúc và liên hệ ngay trạm y tế xã để được hướng dẫn xét nghiệm.',
                  ],
                },
                { text: [{ text: 'Khi khó thở: ', bold: true }, 'đến ngay cơ sở y tế hoặc gọi cấp cứu 115.'], margin: [0, 4, 0, 0] },
              ],
            },
          ],
        ],
      },
      layout: { fillColor: '#eaf2fb', hLineColor: () => blue, vLineColor: () => blue },
      margin: [0, 8, 0, 0],
    },
  ],
  footer: (page, pages) => ({
    margin: [50, 14, 50, 0],
    fontSize: 9,
    color: '#5b6773',
    columns: [
      {
        text: 'Nguồn: Bộ Y tế, Thông điệp 5K (2020). Tài liệu mẫu (demo) của ứng dụng Chiêng, không phải tài liệu chính thức; hãy làm theo hướng dẫn của cơ quan y tế địa phương.',
        width: '*',
      },
      { text: `${page}/${pages}`, width: 30, alignment: 'right' },
    ],
  }),
};

await pdfmake.createPdf(doc).write(join(source, 'pdf/thong-diep-5k.pdf'));
console.log('wrote pdf/thong-diep-5k.pdf');
