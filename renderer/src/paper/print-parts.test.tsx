import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PrintNoteView, PrintRowView } from './PrintParts';

describe('printed values and notes', () => {
  it('print a right-to-left override as a visible label inside an isolate', () => {
    const { container } = render(
      <table>
        <tbody>
          <PrintRowView
            row={{
              key: 'customer',
              cells: [
                { role: 'label', text: '客户姓名' },
                { role: 'value', text: '张三\u202Egpj.exe' },
                { role: 'value', text: '3-1502' },
              ],
            }}
          />
        </tbody>
      </table>,
    );
    const cells = [...container.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toEqual(['客户姓名', '\u2068张三⟨U+202E⟩gpj.exe\u2069', '3-1502']);
  });

  it('do the same in a note', () => {
    const { container } = render(
      <PrintNoteView section={{ type: 'note', key: 'n', text: '楼上\u2067漏水' }} />,
    );
    expect(container.textContent).toBe('\u2068楼上⟨U+2067⟩漏水\u2069');
  });
});
