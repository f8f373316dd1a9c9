/**
 * A report's document to PDF bytes with pdfmake 0.3 (server side). Every report gets the same
 * page frame: A4, its title in a header line, "Sida N av M" in the footer, Swedish as the
 * document's language, and metadata that names the report and the app and nothing of the machine.
 *
 * pdfmake reads fonts (and would read images) from local paths and fetches http(s) URLs named in
 * a document. A report is built from register data, so both are shut: no URL at all, and of the
 * local files only the four Roboto files below.
 */
import { createRequire } from 'node:module';
import type { Content, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { REPORT_FONT, reportColours, reportStyles } from './document';

// pdfmake's Node entry is `module.exports = new pdfmake()`: an instance whose methods Node's ESM
// loader cannot see as named exports, and its types declare no default. require gives the
// instance itself, the same under tsx, vitest and the built main (which keeps pdfmake external).
const requireHere = createRequire(import.meta.url);
const pdfmake = requireHere('pdfmake') as typeof import('pdfmake');

const robotoFile = (name: string) => requireHere.resolve(`pdfmake/build/fonts/Roboto/${name}`);

/** Absolute paths, resolved from node_modules when this module loads (throws at once if missing). */
const fontFiles = {
  normal: robotoFile('Roboto-Regular.ttf'),
  bold: robotoFile('Roboto-Medium.ttf'),
  italics: robotoFile('Roboto-Italic.ttf'),
  bolditalics: robotoFile('Roboto-MediumItalic.ttf'),
};
const allowedFiles: ReadonlySet<string> = new Set(Object.values(fontFiles));

export const CREATOR = 'Placeringskollen';

/** What a report hands over: its content and words for the frame and the metadata. */
export interface DocumentDefinition {
  /** In the header line of every page and the PDF's title. */
  title: string;
  /** The PDF's author: the municipality or unit the report is about, never a person's name. */
  author: string;
  subject?: string;
  content: Content[];
  /** When the report was made (from the injected clock); absent, pdfkit takes the machine's time. */
  createdAt?: Date;
}

/** Points: 2 cm at the sides, room for the header line and the footer above and below. */
export const PAGE_MARGINS: [number, number, number, number] = [57, 62, 57, 54];

/** The standard frame around a report's content: pure, so a test can look at it without rendering. */
export function framedDocument(doc: DocumentDefinition): TDocumentDefinitions {
  const [left, , right] = PAGE_MARGINS;
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    language: 'sv-SE',
    info: {
      title: doc.title,
      author: doc.author,
      ...(doc.subject ? { subject: doc.subject } : {}),
      creator: CREATOR,
      // pdfmake's default producer is "pdfmake"; say nothing about the tools or the machine.
      producer: CREATOR,
      ...(doc.createdAt ? { creationDate: doc.createdAt, modDate: doc.createdAt } : {}),
    },
    header: (_page, _pages, pageSize) => ({
      margin: [left, 28, right, 0],
      stack: [
        { columns: [{ text: doc.title, style: 'frame' }, { text: CREATOR, style: 'frame', alignment: 'right', width: 'auto' }] },
        { canvas: [{ type: 'line', x1: 0, y1: 3, x2: pageSize.width - left - right, y2: 3, lineWidth: 0.5, lineColor: reportColours.rule }] },
      ],
    }),
    footer: (page, pages) => ({ text: `Sida ${page} av ${pages}`, style: 'frame', alignment: 'right', margin: [left, 20, right, 0] }),
    // A heading is never the last thing on a page: with nothing after it there (the running header
    // and footer are outside the content area, vertical ratio below 0 or above 1), it starts the next.
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel !== undefined &&
      nodes.getNodesOnNextPage().length > 0 &&
      !nodes.getFollowingNodesOnPage().some((next) => {
        const ratio = next.startPosition.verticalRatio ?? 0;
        return ratio >= 0 && ratio <= 1 && next.startPosition.top > node.startPosition.top;
      }),
    defaultStyle: { font: REPORT_FONT, fontSize: 10, lineHeight: 1.2, color: reportColours.text },
    styles: reportStyles,
    content: doc.content,
  };
}

/** Sets the fonts and access policies on pdfmake's one shared instance; cheap, so done per render. */
function configure(): void {
  // A copy: pdfmake writes the resolved paths back into the dictionary it was given.
  const fonts: TFontDictionary = { [REPORT_FONT]: { ...fontFiles } };
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowedFiles.has(path));
}

/** The report as PDF bytes, inside the standard frame. */
export async function renderPdf(doc: DocumentDefinition): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(framedDocument(doc)).getBuffer();
}
