/*
 * A published plan as the council prints it: landscape A4, each part on its own pages under its
 * heading, new entries then previously advertised ones, in the nine columns of the printed plan
 * (the column headings repeat on every page).
 *
 * Rendering takes a whole CPU for a second or so, so the service runs it in a worker thread
 * (plan-pdf-renderer.ts) and never imports this module on its main thread: pdfmake and its font
 * metrics stay out of the main thread's heap.
 */
import { createRequire } from 'node:module';
import type { EventEmitter } from 'node:events';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { londonInstant } from '../../lib/clock.ts';
import { formatLongDate } from '../../lib/dates.ts';
import type { PlanEntryView, PlanPartView, PlanView } from '../plan.service.ts';
import { toWinAnsi } from './win-ansi.ts';

interface PdfKitDocument extends EventEmitter {
  end(): void;
}
type PdfPrinter = new (fonts: Record<string, Record<string, string>>) => {
  createPdfKitDocument(definition: TDocumentDefinitions): PdfKitDocument;
};

let printer: InstanceType<PdfPrinter> | undefined;

function pdfPrinter(): InstanceType<PdfPrinter> {
  if (!printer) {
    // pdfmake 0.2's server-side printer is CommonJS, and its own typings describe 0.3's browser API.
    const Printer = createRequire(import.meta.url)('pdfmake') as PdfPrinter;
    // The standard fonts need no font files: pdfkit knows their metrics.
    printer = new Printer({
      Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
    });
  }
  return printer;
}

const WIDTHS = ['19%', '11%', '8%', '10%', '8%', '11%', '12%', '8%', '13%'];

function columnHeadings(part: PlanPartView): string[] {
  const decision = part.part === 'urgent' ? 'DECISION TAKEN' : part.part === 'non_key' ? 'DECISION REQUIRED' : 'KEY DECISION REQUIRED';
  return [
    decision, 'DECISION MAKER', part.part === 'urgent' ? 'DATE DECISION TAKEN' : 'DATE DECISION EXPECTED',
    'RELEVANT SCRUTINY COMMITTEE', 'WARD', 'CONSULTATION', 'CONTACT DETAILS / REPORT AUTHORS', 'DIRECTORATE',
    'DOCUMENTS RELEVANT TO THE DECISION SUBMITTED TO THE DECISION MAKER INCLUDING EXEMPT ANNEXES',
  ];
}

const text = (value: string) => toWinAnsi(value);

function entryRow(entry: PlanEntryView, number: number): TableCell[] {
  const first: Content = {
    text: [
      { text: text(`${number}. ${entry.title}`), bold: true },
      entry.reference ? { text: text(` – ${entry.reference}`), bold: true } : '',
      entry.description ? `\n${text(entry.description)}` : '',
    ],
  };
  return [
    first,
    text(entry.decisionMaker),
    text(entry.expectedDate.asPrinted),
    text(entry.scrutinyCommittee),
    text(entry.wards),
    text(entry.consultation),
    text(entry.contacts),
    text(entry.directorate),
    text(entry.documents),
  ];
}

function entriesTable(part: PlanPartView, entries: PlanEntryView[]): Content {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: WIDTHS,
      body: [columnHeadings(part).map((h) => ({ text: h, style: 'columnHeading' })), ...entries.map((e, i) => entryRow(e, i + 1))],
    },
    layout: { fillColor: (row: number) => (row === 0 ? '#dddddd' : null), hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
    margin: [0, 0, 0, 12],
  };
}

function partContent(part: PlanPartView, plan: PlanView, index: number): Content[] {
  const content: Content[] = [{ text: text(part.heading.toUpperCase()), style: 'partHeading', pageBreak: index === 0 ? undefined : 'before' }];
  if (part.part === 'key') content.push({ text: `KEY DECISIONS FROM ${formatLongDate(plan.keyDecisionsFrom).toUpperCase()}`, style: 'subHeading' });
  if (part.newEntries.length === 0 && part.previousEntries.length === 0) {
    content.push({ text: 'None.', margin: [0, 0, 0, 12] });
    return content;
  }
  if (part.part !== 'urgent') content.push({ text: 'NEW IN THIS PLAN', style: 'subHeading' });
  content.push(part.newEntries.length ? entriesTable(part, part.newEntries) : { text: 'None.', margin: [0, 0, 0, 12] });
  if (part.previousEntries.length) {
    content.push({ text: 'PREVIOUSLY ADVERTISED', style: 'subHeading' }, entriesTable(part, part.previousEntries));
  }
  return content;
}

export function planPdfDefinition(plan: PlanView, councilName: string, options: { compress?: boolean } = {}): TDocumentDefinitions {
  const title = `${councilName}'s Forward Plan of Executive Decisions`;
  return {
    compress: options.compress ?? true,
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 28, 28, 36],
    info: {
      title: text(`Forward Plan of Executive Decisions published ${formatLongDate(plan.publishedOn)}`),
      author: text(councilName),
      // The plan's own date, not the time of rendering: pdfkit derives the file's /ID from this
      // information, so the same plan gives the same bytes on every request and after a restart.
      creationDate: londonInstant(plan.publishedOn),
    },
    defaultStyle: { font: 'Helvetica', fontSize: 7, lineHeight: 1.1 },
    styles: {
      title: { fontSize: 14, bold: true, margin: [0, 0, 0, 4] },
      published: { fontSize: 11, bold: true, margin: [0, 0, 0, 14] },
      partHeading: { fontSize: 12, bold: true, margin: [0, 0, 0, 6] },
      subHeading: { fontSize: 9, bold: true, margin: [0, 4, 0, 4] },
      columnHeading: { fontSize: 6.5, bold: true },
    },
    footer: (page: number, pages: number) => ({ text: `${page} of ${pages}`, alignment: 'center', fontSize: 7, margin: [0, 12, 0, 0] }),
    content: [
      { text: text(title.toUpperCase()), style: 'title' },
      { text: `PUBLISHED: ${formatLongDate(plan.publishedOn).toUpperCase()}`, style: 'published' },
      ...plan.parts.flatMap((part, index) => partContent(part, plan, index)),
    ],
  };
}

/** The PDF's bytes. `compress: false` leaves the page text readable in the file (the tests search it). */
export function renderPlanPdf(plan: PlanView, councilName: string, options: { compress?: boolean } = {}): Promise<Buffer> {
  const document = pdfPrinter().createPdfKitDocument(planPdfDefinition(plan, councilName, options));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.end();
  });
}
