/**
 * The id table behind duplicate checks and customer lookups: exact membership (byte for byte, any
 * length, any script), numbers in order of first appearance, and no limit at 2^24 as a Set has.
 */
import { describe, expect, it } from 'vitest';
import { StringTable } from '../src/pipeline/string-table.ts';

describe('StringTable', () => {
  it('numbers strings in the order they were first added', () => {
    const table = new StringTable();
    expect(table.intern('C1')).toBe(0);
    expect(table.intern('C2')).toBe(1);
    expect(table.intern('C1')).toBe(0);
    expect(table.add('C3')).toBe(true);
    expect(table.add('C3')).toBe(false);
    expect(table.indexOf('C3')).toBe(2);
    expect(table.indexOf('C4')).toBe(-1);
    expect(table.size).toBe(3);
  });

  it('tells apart ids that differ in case, script, length or a trailing space', () => {
    const table = new StringTable();
    const ids = ['', ' ', 'a', 'A', 'a ', 'é', 'e\u0301', 'ключ', 'รหัส', 'mã-khách', '🙂', 'x'.repeat(254), 'x'.repeat(255), 'x'.repeat(256), 'x'.repeat(70_000)];
    ids.forEach((id, i) => expect(table.intern(id)).toBe(i));
    ids.forEach((id, i) => expect(table.indexOf(id)).toBe(i));
    expect(table.indexOf('x'.repeat(253))).toBe(-1);
    expect(table.indexOf('X')).toBe(-1);
  });

  it('keeps every number through many doublings of its table', () => {
    const table = new StringTable();
    const n = 300_000;
    for (let i = 0; i < n; i++) expect(table.add(`O${i}`)).toBe(true);
    expect(table.size).toBe(n);
    let wrong = 0;
    for (let i = 0; i < n; i++) if (table.indexOf(`O${i}`) !== i) wrong++;
    expect(wrong).toBe(0);
    expect(table.add('O123456')).toBe(false);
    expect(table.indexOf(`O${n}`)).toBe(-1);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.indexOf('O1')).toBe(-1);
  });
});

describe('StringTable as a plain set', () => {
  it('adds and finds without numbers, through many doublings', () => {
    const set = new StringTable({ numbered: false });
    for (let i = 0; i < 100_000; i++) expect(set.add(`R${i}`)).toBe(true);
    expect(set.add('R99999')).toBe(false);
    expect(set.has('R5')).toBe(true);
    expect(set.has('R100000')).toBe(false);
    expect(set.add('x'.repeat(300))).toBe(true);
    expect(set.has('x'.repeat(300))).toBe(true);
    expect(() => set.indexOf('R5')).toThrow(TypeError);
  });
});
