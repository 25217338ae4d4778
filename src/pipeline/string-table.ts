/**
 * A set of strings that numbers its members 0, 1, 2… in the order they were added: for the ids of
 * millions of rows (duplicate order, respondent and complaint ids; the customers of orders.csv).
 *
 * A JavaScript `Set` or `Map` stops at 2^24 (16,777,216) entries and costs about 66 bytes per
 * short id. Here each id is kept once as bytes in one growing buffer (a length, the UTF-8 bytes
 * and its number), and an open-addressing table with linear probing holds the ids' offsets into
 * that buffer: about 14 bytes per id of 9 characters (the buffer grows by half when full), plus
 * 6 to 12 bytes of table per id (slots are doubled when 70 % are taken).
 * Ids are compared byte for byte, so the answer is exact (a hash only chooses where to look).
 * The limits are the buffer, 4 GiB of ids (the offsets are 32-bit), and the table, 2^31 slots:
 * far beyond 100 million ids of up to 30 characters.
 */

const EMPTY = 0xffffffff;
/** Slots are doubled when more than this share is taken. */
const MAX_LOAD = 0.7;
const MAX_ARENA = 2 ** 32 - 1;

/** The length of the id whose record starts at `offset`: one byte, or 255 and four bytes. */
function lengthAt(arena: Uint8Array, offset: number): number {
  const first = arena[offset]!;
  if (first !== 255) return first;
  return arena[offset + 1]! | (arena[offset + 2]! << 8) | (arena[offset + 3]! << 16) | (arena[offset + 4]! * 2 ** 24);
}

/** Bytes before an id of this length in its record. */
const headerOf = (length: number) => (length < 255 ? 1 : 5);

export class StringTableFullError extends RangeError {
  constructor() {
    super('more than 4 GiB of distinct ids');
    this.name = 'StringTableFullError';
  }
}

/** FNV-1a over bytes, then murmur3's finaliser so that ids differing in their last digit spread. */
function hashBytes(bytes: Uint8Array, start: number, length: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < start + length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class StringTable {
  /** Records: length (1 byte, or 255 and 4 bytes), the bytes, then the member's number (4 bytes) if numbered. */
  private arena = new Uint8Array(1 << 16);
  private used = 0;
  private slots = new Uint32Array(1 << 10).fill(EMPTY);
  private mask = (1 << 10) - 1;
  private count = 0;
  /** The key being looked up, as bytes. */
  private key = new Uint8Array(256);
  private keyLength = 0;
  private readonly encoder = new TextEncoder();
  /** Bytes after the id: 4 for its number, none for a plain set (duplicate checks). */
  private readonly tail: number;

  /** `numbered: false` makes a plain set (`add`, `has`): 4 bytes less per id, no `intern` or `indexOf`. */
  constructor(options: { numbered?: boolean } = {}) {
    this.tail = options.numbered === false ? 0 : 4;
  }

  /** Number of members. */
  get size(): number {
    return this.count;
  }

  /** The member's number, or -1. */
  indexOf(text: string): number {
    this.needNumbers();
    const hash = this.load(text);
    const at = this.find(hash);
    return this.slots[at] === EMPTY ? -1 : this.numberAt(this.slots[at]!);
  }

  has(text: string): boolean {
    return this.slots[this.find(this.load(text))] !== EMPTY;
  }

  /** Adds the string if new; returns its number either way. */
  intern(text: string): number {
    this.needNumbers();
    const hash = this.load(text);
    const at = this.find(hash);
    const offset = this.slots[at]!;
    if (offset !== EMPTY) return this.numberAt(offset);
    return this.insert(at);
  }

  /** Adds the string; false when it was there already. */
  add(text: string): boolean {
    const hash = this.load(text);
    const at = this.find(hash);
    if (this.slots[at] !== EMPTY) return false;
    this.insert(at);
    return true;
  }

  /** Frees the memory; the table is empty afterwards. */
  clear(): void {
    this.arena = new Uint8Array(1 << 16);
    this.used = 0;
    this.slots = new Uint32Array(1 << 10).fill(EMPTY);
    this.mask = (1 << 10) - 1;
    this.count = 0;
  }

  private needNumbers(): void {
    if (this.tail === 0) throw new TypeError('a StringTable made with numbered: false has no numbers');
  }

  /** Puts the string's bytes in `key` and returns their hash. */
  private load(text: string): number {
    const n = text.length;
    if (this.key.length < n * 3) this.key = new Uint8Array(n * 3 + 16);
    let ascii = true;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) {
        ascii = false;
        break;
      }
      this.key[i] = c;
    }
    this.keyLength = ascii ? n : this.encoder.encodeInto(text, this.key).written;
    return hashBytes(this.key, 0, this.keyLength);
  }

  /** The slot holding the key, or the empty slot where it belongs. */
  private find(hash: number): number {
    const { slots, mask } = this;
    let at = hash & mask;
    for (;;) {
      const offset = slots[at]!;
      if (offset === EMPTY || this.equals(offset)) return at;
      at = (at + 1) & mask;
    }
  }

  private equals(offset: number): boolean {
    const { arena, key, keyLength } = this;
    const length = lengthAt(arena, offset);
    const start = offset + headerOf(length);
    if (length !== keyLength) return false;
    for (let i = 0; i < length; i++) if (arena[start + i] !== key[i]) return false;
    return true;
  }

  private numberAt(offset: number): number {
    const { arena } = this;
    const length = lengthAt(arena, offset);
    const start = offset + headerOf(length);
    const at = start + length;
    return (arena[at]! | (arena[at + 1]! << 8) | (arena[at + 2]! << 16) | (arena[at + 3]! << 24)) >>> 0;
  }

  private insert(slot: number): number {
    const length = this.keyLength;
    const record = headerOf(length) + length + this.tail;
    if (this.used + record > this.arena.length) {
      if (this.used + record > MAX_ARENA) throw new StringTableFullError();
      const grown = new Uint8Array(Math.min(MAX_ARENA, Math.max(this.used + record, Math.ceil(this.arena.length * 1.5))));
      grown.set(this.arena.subarray(0, this.used));
      this.arena = grown;
    }
    const { arena } = this;
    const offset = this.used;
    let at = offset;
    if (length < 255) arena[at++] = length;
    else {
      arena[at++] = 255;
      arena[at++] = length & 0xff;
      arena[at++] = (length >>> 8) & 0xff;
      arena[at++] = (length >>> 16) & 0xff;
      arena[at++] = (length >>> 24) & 0xff;
    }
    arena.set(this.key.subarray(0, length), at);
    at += length;
    const number = this.count;
    if (this.tail === 4) {
      arena[at++] = number & 0xff;
      arena[at++] = (number >>> 8) & 0xff;
      arena[at++] = (number >>> 16) & 0xff;
      arena[at++] = (number >>> 24) & 0xff;
    }
    this.used = at;
    this.slots[slot] = offset;
    this.count++;
    if (this.count > this.slots.length * MAX_LOAD) this.rehash();
    return number;
  }

  /** Doubles the slots and places every record again. */
  private rehash(): void {
    const size = this.slots.length * 2;
    const slots = new Uint32Array(size).fill(EMPTY);
    const mask = size - 1;
    const { arena } = this;
    let offset = 0;
    while (offset < this.used) {
      const length = lengthAt(arena, offset);
      const start = offset + headerOf(length);
      let at = hashBytes(arena, start, length) & mask;
      while (slots[at] !== EMPTY) at = (at + 1) & mask;
      slots[at] = offset;
      offset = start + length + this.tail;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
