// Decoding file bytes: UTF-8 (BOM removed), UTF-16 with a BOM, and clear reasons for skipping
// binary, invalid or oversized files.
import { strict as assert } from 'node:assert';
import { decodeDocument, DEFAULT_MAX_FILE_SIZE, formatSize } from '../../src/core/io/decode';

const TEXT = '# 诊断 😀\n\nSales fell 12%.\n';

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const [a, b] = endian === 'le' ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff];
    bytes[2 + i * 2] = a;
    bytes[3 + i * 2] = b;
  }
  return bytes;
}

function skippedReason(bytes: Uint8Array, max?: number): string {
  const decoded = decodeDocument(bytes, max);
  assert.ok('skipped' in decoded, `expected a skip, got ${JSON.stringify(decoded)}`);
  return decoded.skipped;
}

describe('io: decoding documents', () => {
  it('reads UTF-8 as it is', () => {
    assert.deepEqual(decodeDocument(Buffer.from(TEXT, 'utf8')), { text: TEXT, encoding: 'utf-8' });
  });

  it('strips a UTF-8 byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]);
    assert.deepEqual(decodeDocument(bytes), { text: TEXT, encoding: 'utf-8' });
  });

  it('decodes UTF-16 little and big endian with a byte order mark, surrogate pairs included', () => {
    assert.deepEqual(decodeDocument(utf16(TEXT, 'le')), { text: TEXT, encoding: 'utf-16le' });
    assert.deepEqual(decodeDocument(utf16(TEXT, 'be')), { text: TEXT, encoding: 'utf-16be' });
  });

  it('skips a file with NUL bytes as binary and says where', () => {
    const bytes = Buffer.from('PNG\u0000\u0001\u0002 data', 'latin1');
    const reason = skippedReason(bytes);
    assert.match(reason, /binary/);
    assert.match(reason, /offset 3\b/);
    assert.match(reason, /not analysed/);
  });

  it('counts the NUL offset from the start of the file, after a BOM too', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ab\u0000', 'latin1')]);
    assert.match(skippedReason(bytes), /offset 5\b/);
  });

  it('skips invalid UTF-8 and names the offset of the first bad byte', () => {
    const good = Buffer.from('Umsatz fällt', 'utf8');
    const bytes = Buffer.concat([good, Buffer.from([0xc3, 0x28]), Buffer.from(' mehr', 'utf8')]);
    const reason = skippedReason(bytes);
    assert.match(reason, /not valid UTF-8/);
    assert.match(reason, new RegExp(`offset ${good.length}\\b`));
    assert.match(reason, /Save it as UTF-8/);
  });

  it('finds the bad byte after multi-byte characters and in a truncated sequence', () => {
    const prefix = Buffer.from('中文😀', 'utf8');
    assert.match(skippedReason(Buffer.concat([prefix, Buffer.from([0xff])])), new RegExp(`offset ${prefix.length}\\b`));
    assert.match(skippedReason(Buffer.concat([prefix, Buffer.from([0xe4, 0xb8])])), new RegExp(`offset ${prefix.length}\\b`));
    // A Latin-1 file: "café" with é as the single byte 0xE9.
    assert.match(skippedReason(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b])), /offset 3\b/);
  });

  it('skips files over the size limit with both sizes in the message', () => {
    const bytes = new Uint8Array(2048).fill(0x61);
    const reason = skippedReason(bytes, 1024);
    assert.match(reason, /2\.0 KB/);
    assert.match(reason, /1\.0 KB limit/);
    assert.deepEqual(decodeDocument(bytes, 2048), { text: 'a'.repeat(2048), encoding: 'utf-8' });
  });

  it('uses a 10 MB limit by default and formats sizes readably', () => {
    assert.equal(DEFAULT_MAX_FILE_SIZE, 10 * 1024 * 1024);
    assert.equal(formatSize(512), '512 bytes');
    assert.equal(formatSize(1536), '1.5 KB');
    assert.equal(formatSize(3 * 1024 * 1024), '3.0 MB');
  });

  it('reads an empty file as empty text', () => {
    assert.deepEqual(decodeDocument(new Uint8Array(0)), { text: '', encoding: 'utf-8' });
  });
});
