// The article pipeline without a DOM: vitest runs in Node and no DOM shim is installed, so
// these tests cover the markdown-it stage (which is safe on its own), the URL rules and the
// splitting of long texts. The DOMPurify stage needs a browser: here it must refuse to run.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderArticleHtml } from '../../../renderer/features/viewers/article-html';
import { renderArticleMarkup } from '../../../renderer/features/viewers/article-markup';
import { plainPartHtml, splitMarkdownParts } from '../../../renderer/features/viewers/article-parts';
import { parseLeaflet, textLanguages } from '../../../renderer/features/viewers/leaflet-shape';
import { classifyLink, resolvePackImagePath } from '../../../renderer/features/viewers/pack-path';

const render = (markdown: string, basePath = 'articles/5k.vi.md') => renderArticleMarkup(markdown, { basePath });

const allowedTags = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'blockquote',
  'pre',
  'code',
  'strong',
  'em',
  's',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'img',
  'span',
]);
const allowedAttributes = new Set(['class', 'alt', 'title', 'start', 'data-pack-path']);

/**
 * Whatever an article says, only these tags and attributes come out of the Markdown stage,
 * and no attribute holds a URL. Text is escaped, so every `<` in the output opens a real tag.
 */
function expectInert(html: string) {
  for (const [tag = '', name = '', attributes = ''] of html.matchAll(/<\/?([^\s>/]+)([^>]*)>/g)) {
    expect(allowedTags, tag).toContain(name.toLowerCase());
    const rest = attributes.replace(/\s([a-z-]+)="([^"<>]*)"/g, (_, attribute: string, value: string) => {
      expect(allowedAttributes, tag).toContain(attribute);
      expect(value, tag).not.toMatch(/^\s*[a-z][a-z0-9+.-]*:|^\/\//i);
      return '';
    });
    expect(rest.replace(/\s*\/?$/, ''), tag).toBe('');
  }
}

const hostile = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java\tscript:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](vbscript:msgbox(1))',
  '<iframe src="https://example.com"></iframe>',
  '<a href="https://evil.example" onclick="alert(1)">a</a>',
  '<svg onload=alert(1)>',
  '<style>body{display:none}</style>',
  '<base href="https://evil.example/">',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)',
  '![x" onerror="alert(1)](../images/a.png "t\\" onload=\\"alert(1)")',
  '```x" onmouseover="alert(1)\ncode\n```',
  '<https://example.com/"onmouseover="alert(1)>',
  '<javascript:alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
];

describe('the Markdown stage of an article', () => {
  it.each(hostile)('renders %j inert', (markdown) => {
    expectInert(render(markdown));
  });

  it('escapes raw HTML as text instead of dropping it', () => {
    const html = render('<script>alert(1)</script>\n\n<iframe src="x"></iframe>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;iframe src=&quot;x&quot;&gt;&lt;/iframe&gt;');
  });

  it('keeps the text of a javascript: link and drops its address', () => {
    expect(render('[bấm vào đây](javascript:alert(1))')).toBe(
      '<p><span class="article-link article-link-dropped">bấm vào đây</span></p>\n',
    );
  });

  it('shows an external link as text followed by its address, never as a link', () => {
    const html = render('Xem [Cổng thông tin](https://daklak.gov.vn/a?b=1&c=2).');
    expect(html).toBe(
      '<p>Xem <span class="article-link article-link-external">Cổng thông tin <span class="article-link-url">(https://daklak.gov.vn/a?b=1&amp;c=2)</span></span>.</p>\n',
    );
  });

  it('does not repeat the address of an autolink, and shows a mail address without mailto:', () => {
    expect(render('<https://moh.gov.vn>')).toBe('<p><span class="article-link article-link-external">https://moh.gov.vn</span></p>\n');
    expect(render('[thư](mailto:a@b.vn)')).toContain('<span class="article-link-url">(a@b.vn)</span>');
  });

  it('shows links inside the pack and anchors as their text only', () => {
    expect(render('[ảnh](../images/5k.png) [mục](#muc)')).toBe(
      '<p><span class="article-link article-link-internal">ảnh</span> <span class="article-link article-link-internal">mục</span></p>\n',
    );
  });

  it('turns an image by relative path into its pack path, without a src', () => {
    expect(render('![Thông điệp 5K](../images/5k.png "5K")')).toBe(
      '<p><img data-pack-path="images/5k.png" alt="Thông điệp 5K" title="5K"></p>\n',
    );
    expect(render('![](5k.png)')).toBe('<p><img data-pack-path="articles/5k.png" alt="articles/5k.png"></p>\n');
  });

  it.each([
    ['https://example.com/x.png'],
    ['http://127.0.0.1:8080/api/material/p/x.png'],
    ['//evil.example/x.png'],
    ['/api/call/packs.list'],
    ['data:image/png;base64,iVBORw0KGgo='],
    ['javascript:alert(1)'],
    ['../../../etc/passwd'],
    ['pack://other.pack/images/x.png'],
    ['file:///etc/passwd'],
  ])('removes an image from %s, keeping its description', (src) => {
    expect(render(`![mô tả](${src})`)).toBe('<p><span class="article-image-removed">mô tả</span></p>\n');
  });

  it('escapes quotes in an image description and title', () => {
    const html = render('![a" onerror="x](../images/5k.png "t\\" onload=\\"y")');
    expect(html).toContain('alt="a&quot; onerror=&quot;x"');
    expect(html).toContain('title="t&quot; onload=&quot;y"');
  });

  it('aligns table cells with classes, since the CSP forbids style attributes', () => {
    const html = render('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |');
    expect(html).toContain('<th class="align-left">a</th>');
    expect(html).toContain('<td class="align-center">2</td>');
    expect(html).toContain('<td class="align-right">3</td>');
    expect(html).not.toContain('style=');
  });

  it('renders the demo pack articles with their headings and no link or URL attribute', async () => {
    for (const name of ['thong-diep-5k.vi.md', 'nhan-biet-tin-gia.vi.md', 'chi-thi-ubnd-dak-lak-2021-08-06.vi.md', 'udhr-dieu-1.jra.md']) {
      const markdown = await readFile(new URL(`../../../resources/demo-pack/source/articles/${name}`, import.meta.url), 'utf8');
      const html = render(markdown, `articles/${name}`);
      expect(html).toMatch(/^<h1>/);
      expectInert(html);
    }
  });
});

describe('image paths inside a pack', () => {
  it.each([
    ['../images/5k.png', 'articles/5k.vi.md', 'images/5k.png'],
    ['./a.png', 'articles/5k.vi.md', 'articles/a.png'],
    ['a.png', 'articles/sub/5k.vi.md', 'articles/sub/a.png'],
    ['../../a.png', 'articles/sub/5k.vi.md', 'a.png'],
    ['img.png?v=2#top', 'articles/5k.vi.md', 'articles/img.png'],
    ['%61.png', 'articles/5k.vi.md', 'articles/a.png'],
    ['images/5k.png', '', 'images/5k.png'],
  ])('%s from %s is %s', (reference, base, expected) => {
    expect(resolvePackImagePath(reference, base)).toBe(expected);
  });

  it.each([
    ['../../x.png'],
    ['%2e%2e/%2e%2e/x.png'],
    ['/images/5k.png'],
    ['\\images\\5k.png'],
    ['..\\x.png'],
    ['//host/x.png'],
    ['https://example.com/x.png'],
    ['HTTP://example.com/x.png'],
    ['data:image/png;base64,AAAA'],
    ['javascript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['\u0000javascript:alert(1)'],
    ['blob:https://x/1'],
    ['pack://p/x.png'],
    ['a%00.png'],
    ['a b.png'],
    ['ảnh.png'],
    ['%E0%A4%A'],
    [''],
    ['.'],
    ['..'],
    ['images/'],
  ])('%j is refused', (reference) => {
    expect(resolvePackImagePath(reference, 'articles/5k.vi.md')).toBeNull();
  });
});

describe('links', () => {
  it.each([
    ['https://x.vn', 'external'],
    ['HTTP://x.vn', 'external'],
    ['mailto:a@b.vn', 'external'],
    ['tel:115', 'external'],
    ['//x.vn/a', 'external'],
    ['javascript:alert(1)', 'dropped'],
    [' java\nscript:alert(1)', 'dropped'],
    ['data:text/html,x', 'dropped'],
    ['file:///etc/passwd', 'dropped'],
    ['pack://p/a', 'dropped'],
    ['../images/5k.png', 'internal'],
    ['#muc', 'internal'],
  ])('%j is %s', (href, kind) => {
    expect(classifyLink(href)).toBe(kind);
  });
});

describe('long articles in parts', () => {
  it('keeps a normal article in one part', () => {
    const text = '# A\n\nB\n';
    expect(splitMarkdownParts(text)).toEqual([{ kind: 'markdown', text }]);
  });

  it('cuts a long article between blocks, keeping every line in order', () => {
    const paragraphs = Array.from({ length: 2000 }, (_, i) => `Đoạn ${i} ${'chữ '.repeat(40)}`);
    const text = paragraphs.join('\n\n');
    const parts = splitMarkdownParts(text, 16 * 1024);
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.map((part) => part.text).join('\n')).toBe(text);
    for (const part of parts) {
      expect(part.kind).toBe('markdown');
      expect(part.text.length).toBeLessThanOrEqual(2 * 16 * 1024);
    }
  });

  it('does not cut inside a code fence that has blank lines', () => {
    const fence = ['```', 'a', '', 'b', '', 'c', '```'].join('\n');
    const text = [`${'x'.repeat(30)}\n`, fence, '', 'after'].join('\n');
    const parts = splitMarkdownParts(text, 20);
    expect(parts.some((part) => part.text.includes(fence))).toBe(true);
  });

  it('cuts a paragraph with no blank line at twice the part size', () => {
    const text = 'dòng\n'.repeat(10_000);
    const parts = splitMarkdownParts(text, 1024);
    expect(parts.length).toBeGreaterThan(10);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(2048 + 5);
  });

  it('sets an over-long line apart as plain, escaped text', () => {
    const long = `<script>${'*a'.repeat(20_000)}`;
    const parts = splitMarkdownParts(`# T\n\n${long}\n\nsau`, 64 * 1024, 20_000);
    expect(parts.map((part) => part.kind)).toEqual(['markdown', 'plain', 'markdown']);
    const html = plainPartHtml(parts[1]?.text ?? '');
    expect(html.startsWith('<p class="article-long-line">&lt;script&gt;*a*a')).toBe(true);
    expectInert(html);
  });
});

describe('the sanitising stage', () => {
  it('refuses to run without a DOM rather than return unchecked HTML', () => {
    expect(() =>
      renderArticleHtml('# T', { packId: 'p', basePath: 'a.md', materialUrl: (packId, path) => `/api/material/${packId}/${path}` }),
    ).toThrow(/DOMPurify/);
  });
});

describe('leaflet templates in the renderer', () => {
  it('reads the demo leaflet', async () => {
    const json: unknown = JSON.parse(
      await readFile(new URL('../../../resources/demo-pack/source/leaflets/thong-diep-5k.leaflet.json', import.meta.url), 'utf8'),
    );
    const leaflet = parseLeaflet(json);
    expect(leaflet?.paper).toBe('A5');
    expect(leaflet?.blocks.map((block) => block.kind)).toEqual([
      'title',
      'paragraph',
      'image',
      'list',
      'note',
      'title',
      'note',
      'paragraph',
      'note',
    ]);
    const bilingual = leaflet?.blocks[7];
    expect(bilingual?.kind === 'paragraph' && leaflet && textLanguages(leaflet, [bilingual.text])).toEqual(['vi', 'jra']);
  });

  it.each([
    [null],
    [
      {
        type: 'chieng-leaflet',
        format: 2,
        paper: 'A5',
        orientation: 'portrait',
        languages: ['vi'],
        blocks: [{ kind: 'title', text: { vi: 'a' } }],
      },
    ],
    [
      {
        type: 'chieng-leaflet',
        format: 1,
        paper: 'A3',
        orientation: 'portrait',
        languages: ['vi'],
        blocks: [{ kind: 'title', text: { vi: 'a' } }],
      },
    ],
    [{ type: 'chieng-leaflet', format: 1, paper: 'A5', orientation: 'portrait', languages: ['vi'], blocks: [] }],
    [
      {
        type: 'chieng-leaflet',
        format: 1,
        paper: 'A5',
        orientation: 'portrait',
        languages: ['vi'],
        blocks: [{ kind: 'html', text: { vi: '<b>' } }],
      },
    ],
    [
      {
        type: 'chieng-leaflet',
        format: 1,
        paper: 'A5',
        orientation: 'portrait',
        languages: ['vi'],
        blocks: [{ kind: 'title', text: { vi: 1 } }],
      },
    ],
    [{ type: 'chieng-leaflet', format: 1, paper: 'A5', orientation: 'portrait', languages: ['vi'], blocks: [{ kind: 'list', items: [] }] }],
    [{ type: 'chieng-leaflet', format: 1, paper: 'A5', orientation: 'portrait', languages: ['vi'], blocks: [{ kind: 'image' }] }],
  ])('refuses %j', (json) => {
    expect(parseLeaflet(json)).toBeNull();
  });
});
