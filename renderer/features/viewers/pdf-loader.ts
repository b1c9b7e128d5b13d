// pdf.js, loaded only when a PDF is opened: it is large, and most sessions never need it.
import { getDocument, GlobalWorkerOptions, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';

/**
 * Opens a PDF from its material URL. pdf.js fetches it in byte ranges itself. No eval (the CSP
 * forbids it, and pack content is untrusted), no scripting, no XFA forms, nothing fetched
 * from anywhere but the URL given.
 */
export function openPdf(url: string): PDFDocumentLoadingTask {
  return getDocument({
    url,
    isEvalSupported: false,
    enableXfa: false,
    // The standard fonts, CMaps and wasm decoders are not shipped with the app: pdf.js uses
    // its JavaScript fallbacks and the fonts embedded in the PDF.
    useWasm: false,
    useSystemFonts: true,
    stopAtErrors: false,
  });
}

export const isPasswordError = (error: unknown) => error instanceof Error && error.name === 'PasswordException';
