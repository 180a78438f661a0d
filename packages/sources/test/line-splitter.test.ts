import { describe, expect, it } from 'vitest';
import { LineBuffer } from '../src/socket/line-buffer.ts';
import { LineSplitter } from '../src/socket/line-splitter.ts';

function split(chunks: readonly Buffer[]): string[] {
  const s = new LineSplitter();
  return [...chunks.flatMap((c) => s.push(c)), ...s.end()];
}

describe('LineSplitter', () => {
  it('splits on \\n across chunk boundaries and drops the \\r of CRLF', () => {
    const text = 'hello\r\nwor' + 'ld\n\nlast\r\n';
    expect(split([Buffer.from(text)])).toEqual(['hello', 'world', '', 'last']);
    // Every possible cut point gives the same lines, including between \r and \n.
    for (let cut = 0; cut <= text.length; cut++) {
      expect(split([Buffer.from(text.slice(0, cut)), Buffer.from(text.slice(cut))])).toEqual(['hello', 'world', '', 'last']);
    }
  });

  it('keeps multi-byte characters cut between chunks', () => {
    const bytes = Buffer.from('año 🐂 ñu\nüber\n', 'utf8');
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(split([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(['año 🐂 ñu', 'über']);
    }
    // One byte at a time.
    expect(split([...bytes].map((b) => Buffer.from([b])))).toEqual(['año 🐂 ñu', 'über']);
  });

  it('returns a last line without a newline at end of input, and nothing for an empty tail', () => {
    expect(split([Buffer.from('a\nb')])).toEqual(['a', 'b']);
    expect(split([Buffer.from('a\nb\r')])).toEqual(['a', 'b']);
    expect(split([Buffer.from('a\n')])).toEqual(['a']);
    expect(split([])).toEqual([]);
  });

  it('keeps a \\r that is not at a line end', () => {
    expect(split([Buffer.from('a\rb\n')])).toEqual(['a\rb']);
  });
});

describe('LineBuffer', () => {
  it('addresses lines by offset and drops committed ones', () => {
    const b = new LineBuffer(true);
    expect(b.latest).toBe(-1);
    b.append(['a', 'b'], 10);
    b.append(['c'], 20);
    expect(b.latest).toBe(2);
    expect(b.slice(-1, 2)).toEqual({ lines: ['a', 'b', 'c'], micros: new Float64Array([10, 10, 20]) });
    b.commit(0);
    expect(b.lastCommitted).toBe(0);
    expect(b.slice(0, 2)).toEqual({ lines: ['b', 'c'], micros: new Float64Array([10, 20]) });
  });

  it('compacts after many commits without losing lines', () => {
    const b = new LineBuffer(false);
    for (let i = 0; i < 5000; i++) {
      b.append([`line ${i}`], 0);
      if (i % 3 === 2) b.commit(i - 1);
    }
    expect(b.latest).toBe(4999);
    expect(b.lastCommitted).toBe(4996);
    expect(b.slice(4996, 4999)).toEqual({ lines: ['line 4997', 'line 4998', 'line 4999'], micros: new Float64Array(0) });
  });
});
