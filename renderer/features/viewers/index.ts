// The material viewers. MaterialView is all a page needs; the rest is for presentation mode
// and others that show articles. Heavy parts (markdown-it, DOMPurify, pdf.js) load on first
// use: import article-html.ts directly only where a synchronous render is worth its weight.
export { MaterialView, type MaterialViewProps } from './MaterialView';
export { ArticleBody } from './ArticleViewer';
export { useArticleHtml, type ArticleHtml } from './use-article-html';
export { materialVariants, defaultVariant, type Variant } from './variants';
export { useLanguageName } from './language-name';

/** renderArticleHtml, splitIntoSlides and friends, loaded when first needed. */
export const loadArticleHtml = () => import('./article-html');
