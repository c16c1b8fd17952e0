import { describe, expect, it } from 'vitest';
import type { PrintDocument, PrintRow } from './model';
import { printDocumentContinues, printDocumentsSame } from './same-documents';

function doc(text: string, image?: Blob): PrintDocument {
  return {
    key: 'register:2026-11-01:2026-11-30',
    form: 'register',
    orientation: 'landscape',
    density: 'compact',
    header: { organisation: 'Org', title: 'Register', left: 'L', right: 'R' },
    footerLeft: 'F',
    footerRight: '',
    sections: [
      {
        type: 'table',
        key: 'register',
        columns: [1, 2],
        head: [],
        rows: [{ key: 'a', cells: [{ text, role: 'value' }] }],
      },
      ...(image
        ? [
            {
              type: 'images' as const,
              key: 'annex',
              perPage: 2 as const,
              images: [{ key: 'i', image, caption: 'c' }],
            },
          ]
        : []),
    ],
  };
}

describe('printDocumentsSame', () => {
  it('takes documents built again from the same rows as the same', () => {
    expect(printDocumentsSame([doc('x')], [doc('x')])).toBe(true);
  });

  it('sees a changed cell, a missing document and a different image', () => {
    expect(printDocumentsSame([doc('x')], [doc('y')])).toBe(false);
    expect(printDocumentsSame([doc('x')], [])).toBe(false);
    const image = new Blob(['a']);
    expect(printDocumentsSame([doc('x', image)], [doc('x', image)])).toBe(true);
    expect(printDocumentsSame([doc('x', image)], [doc('x', new Blob(['a']))])).toBe(false);
  });
});

describe('printDocumentContinues', () => {
  const withRows = (base: PrintDocument, rows: PrintRow[], title = 'Register'): PrintDocument => ({
    ...base,
    header: { ...base.header, title },
    sections: base.sections.map((section) =>
      section.type === 'table' ? { ...section, rows } : section,
    ),
  });
  const base = doc('x');
  const first = base.sections[0]?.type === 'table' ? base.sections[0].rows : [];
  const more: PrintRow = { key: 'b', cells: [{ text: 'y', role: 'value' }] };

  it('takes the same rows followed by more as a continuation', () => {
    expect(printDocumentContinues(base, withRows(base, [...first, more]))).toBe(true);
    expect(printDocumentContinues(base, base)).toBe(true);
  });

  it('refuses fewer rows, other rows, equal rows in new objects, or another frame', () => {
    expect(printDocumentContinues(withRows(base, [...first, more]), base)).toBe(false);
    expect(printDocumentContinues(base, withRows(base, [more, ...first]))).toBe(false);
    const copied = first.map((row) => ({ ...row }));
    expect(printDocumentContinues(base, withRows(base, [...copied, more]))).toBe(false);
    expect(printDocumentContinues(base, withRows(base, [...first, more], 'Other'))).toBe(false);
    expect(printDocumentContinues(base, doc('x', new Blob(['a'])))).toBe(false);
  });
});
