import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { punycodeDecode, punycodeEncode } from '../../../server/src/executor/punycode';
import { refusedWith, rows, scalar } from './executorHarness';

/** Guid and array base64, zlib in base64 and punycode (issue 16). */
describe('executor: byte encodings', () => {
  it('base64 of a guid in .NET byte order, and back (base64-encode-fromguid-function.md)', () => {
    assert.equal(
      scalar('base64_encode_fromguid(toguid("ae3133f2-6e22-49ae-b06a-16e6a9b212eb"))'),
      '8jMxriJurkmwahbmqbIS6w==',
    );
    assert.equal(
      scalar('base64_decode_toguid("8jMxriJurkmwahbmqbIS6w==")'),
      'ae3133f2-6e22-49ae-b06a-16e6a9b212eb',
    );
    assert.equal(
      scalar('base64_decode_toguid(base64_encode_fromguid(toguid("00112233-4455-6677-8899-AABBCCDDEEFF")))'),
      '00112233-4455-6677-8899-aabbccddeeff',
    );
    // Invalid base64, or base64 of other than 16 bytes, is null (base64-decode-toguid-function.md).
    assert.equal(scalar('isnull(base64_decode_toguid("abcd1231"))'), true);
    assert.equal(scalar('isnull(base64_decode_toguid("S3VzdG8="))'), true);
    assert.equal(scalar('isnull(base64_decode_toguid(""))'), true);
    assert.equal(scalar('base64_encode_fromguid(guid(null))'), '');
  });

  it('base64 of a byte array (base64-encode-fromarray-function.md)', () => {
    assert.equal(
      scalar('base64_encode_fromarray(toscalar(print base64_decode_toarray("S3VzdG8=")))'),
      'S3VzdG8=',
    );
    assert.equal(scalar('base64_encode_fromarray(dynamic([]))'), '');
    assert.equal(scalar('base64_encode_fromarray(dynamic([195, 169]))'), 'w6k=');
    assert.equal(scalar('base64_encode_fromarray(dynamic([256]))'), '');
    assert.equal(scalar('base64_encode_fromarray(dynamic(["a"]))'), '');
  });

  it('zlib in base64: decompressed, empty when invalid; compressing is refused (zlib-base64-*.md)', () => {
    assert.equal(
      scalar('zlib_decompress_from_base64_string("eJwLSS0uUSguKcrMS1cwNDIGACxqBQ4=")'),
      'Test string 123',
    );
    assert.equal(scalar('zlib_decompress_from_base64_string("x0x0x0")'), '');
    assert.equal(scalar('zlib_decompress_from_base64_string("")'), '');
    // The compress page's output decompresses to its input.
    assert.equal(
      scalar('zlib_decompress_from_base64_string("eAEBFADr/zEyMzQ1Njc4OTBxd2VydHl1aW9wOAkGdw==")'),
      '1234567890qwertyuiop',
    );
    assert.throws(
      () => scalar('zlib_compress_to_base64_string("1234567890qwertyuiop")'),
      refusedWith(/zlib_compress_to_base64_string\(\).*deflate encoder/),
    );
  });
});

describe('executor: punycode', () => {
  it('encodes and decodes labels per RFC 3492 (punycode-from-string-function.md, punycode-to-string-function.md)', () => {
    assert.equal(scalar("punycode_from_string('académie-française')"), 'acadmie-franaise-npb1a');
    assert.equal(scalar("punycode_to_string('acadmie-franaise-npb1a')"), 'académie-française');
    assert.equal(scalar("punycode_from_string('艺术')"), 'cqv902d');
    // RFC 3492's own sample (Arabic, section 7.1 A).
    assert.equal(
      punycodeEncode(
        '\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F',
      ),
      'egbpdaj6bu4bxfgehfvwxn',
    );
    assert.equal(punycodeDecode('egbpdaj6bu4bxfgehfvwxn')?.length, 17);
    assert.equal(scalar("punycode_from_string('😀')"), 'e28h');
    assert.equal(scalar("punycode_to_string('e28h')"), '😀');
    assert.equal(scalar("punycode_from_string('')"), '');
    // Text that is no punycode decodes to the empty string, as the page says of a failure.
    assert.equal(scalar("punycode_to_string('99999999999')"), '');
    assert.equal(scalar("punycode_to_string('ab-é')"), '');
  });

  it('encodes and decodes domains label by label (punycode-domain-*-function.md)', () => {
    assert.deepEqual(
      rows(
        'datatable(encoded:string) ["xn--Ge-mia.Bulg.edu", "xn--Lin-8na.Celtchair.org", "xn--Ry-lja8c.xn--Jng-uta63a.xn--Bng-9ka.com"] | project punycode_domain_from_string(encoded)',
      ),
      [['Gáe.Bulg.edu'], ['Lúin.Celtchair.org'], ['Rúyì.Jīngū.Bàng.com']],
    );
    assert.deepEqual(
      rows(
        `datatable(domain:string)['Lê Lợi。Thuận Thiên。com', 'Riðill｡Skáldskaparmál｡org', "Kaledvoulc'h.Artorījos.edu"] | project punycode_domain_to_string(domain)`,
      ),
      [
        ['xn--L Li-gpa4517b.xn--Thun Thin-s4a7194f.com'],
        ['xn--Riill-jta.xn--Skldskaparml-dbbj.org'],
        ["Kaledvoulc'h.xn--Artorjos-ejb.edu"],
      ],
    );
    assert.equal(scalar("punycode_domain_to_string('example.com')"), 'example.com');
    assert.equal(scalar("punycode_domain_from_string('xn--99999999999.com')"), '');
    assert.equal(scalar("punycode_domain_from_string('')"), '');
  });
});
