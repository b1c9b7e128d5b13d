/** A new view starts at its top, with the focus on its heading (as a new page would). */
export function focusViewHeading(): void {
  window.scrollTo(0, 0);
  const heading =
    document.querySelector<HTMLElement>('.library-page .view-heading') ?? document.querySelector<HTMLElement>('.library-page h2');
  if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading?.focus({ preventScroll: true });
}
