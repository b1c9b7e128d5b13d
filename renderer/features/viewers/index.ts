// The material viewers. MaterialView is all a page needs; the rest is for presentation mode.
// Heavy parts (markdown-it, DOMPurify, pdf.js) load on first use: import article-html.ts
// directly only where a synchronous render is worth its weight.
export { MaterialView } from './MaterialView';
export { materialVariants, type Variant } from './variants';
export { useLanguageName } from './language-name';
