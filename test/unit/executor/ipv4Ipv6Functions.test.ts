import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, scalar } from './executorHarness';

const V6_MAPPED = '0000:0000:0000:0000:0000:ffff';

/** The IPv4/IPv6 comparison, parsing and formatting functions, at their edges. */
describe('executor: IPv4 functions', () => {
  it('parse_ipv4 gives a long under the address mask, null for anything that is not an address', () => {
    assert.equal(scalar("parse_ipv4('0.0.0.0')"), 0);
    assert.equal(scalar("parse_ipv4('255.255.255.255')"), 4294967295);
    assert.equal(scalar("parse_ipv4('1.2.3.4/32')"), 16909060);
    assert.equal(scalar("parse_ipv4('1.2.3.4/0')"), 0);
    assert.equal(scalar("parse_ipv4('1.2.3.4/33')"), null);
    assert.equal(scalar("parse_ipv4('256.1.1.1')"), null);
    assert.equal(scalar("parse_ipv4('')"), null);
    assert.equal(scalar("parse_ipv4('١.2.3.4')"), null);
    assert.equal(scalar("gettype(parse_ipv4('1.2.3.4'))"), 'long');
  });

  it('parse_ipv4_mask masks with its argument and refuses what its page leaves open', () => {
    assert.equal(scalar("parse_ipv4_mask('127.0.0.1', 24)"), 2130706432);
    assert.equal(scalar("parse_ipv4_mask('10.1.2.3', 0)"), 0);
    assert.equal(scalar("parse_ipv4_mask('10.1.2.3', 32)"), 167838211);
    assert.equal(scalar("parse_ipv4_mask('x', 8)"), null);
    assert.throws(() => scalar("parse_ipv4_mask('10.1.2.3/8', 8)"), refusedWith(/with a \/prefix/));
    assert.throws(() => scalar("parse_ipv4_mask('10.1.2.3', 33)"), refusedWith(/from 0 to 32/));
  });

  it('ipv4_compare and ipv4_is_match order addresses under the smallest of the masks', () => {
    assert.equal(scalar("ipv4_compare('1.2.3.4', '1.2.3.5')"), -1);
    assert.equal(scalar("ipv4_compare('1.2.3.5', '1.2.3.4')"), 1);
    assert.equal(scalar("ipv4_compare('255.255.255.255', '0.0.0.0')"), 1);
    assert.equal(scalar("ipv4_compare('255.255.255.255', '0.0.0.0', 0)"), 0);
    assert.equal(scalar("ipv4_compare('10.0.0.1/32', '10.0.0.2', 31)"), -1);
    assert.equal(scalar("ipv4_compare('x', '1.2.3.4')"), null);
    assert.equal(scalar("ipv4_is_match('10.0.0.1', '10.0.0.2')"), false);
    assert.equal(scalar("ipv4_is_match('10.0.0.1', '10.0.0.2', 30)"), true);
    assert.equal(scalar("ipv4_is_match('10.0.0.1', '')"), null);
    assert.throws(() => scalar("ipv4_compare('1.2.3.4', '1.2.3.4', -1)"), refusedWith(/ipv4_compare\(\)/));
    assert.throws(() => scalar("ipv4_is_match('1.2.3.4', '1.2.3.4', 33)"), refusedWith(/ipv4_is_match\(\)/));
  });

  it('ipv4_netmask_suffix reads the /bits, 32 without one, null when invalid', () => {
    assert.equal(scalar("ipv4_netmask_suffix('1.2.3.4')"), 32);
    assert.equal(scalar("ipv4_netmask_suffix('1.2.3.4/0')"), 0);
    assert.equal(scalar("ipv4_netmask_suffix('1.2.3.4/32')"), 32);
    assert.equal(scalar("ipv4_netmask_suffix('1.2.3.4/40')"), null);
    assert.equal(scalar("ipv4_netmask_suffix('nope')"), null);
  });

  it('format_ipv4 and format_ipv4_mask take text or a long; a negative prefix gives empty text', () => {
    assert.equal(scalar("format_ipv4('1.2.3.4/8')"), '1.0.0.0');
    assert.equal(scalar("format_ipv4('1.2.3.4', 0)"), '0.0.0.0');
    assert.equal(scalar('format_ipv4(4294967295, 32)'), '255.255.255.255');
    assert.equal(scalar('format_ipv4(0, 32)'), '0.0.0.0');
    assert.equal(scalar('format_ipv4_mask(3232235777, 24)'), '192.168.1.0/24');
    assert.equal(scalar("format_ipv4_mask('10.9.8.7/16', 24)"), '10.9.0.0/16');
    assert.equal(scalar("format_ipv4('bad', 8)"), '');
    assert.equal(scalar("format_ipv4_mask('', 8)"), '');
    assert.equal(scalar("format_ipv4('1.2.3.4', -5)"), '');
    assert.throws(() => scalar("format_ipv4('1.2.3.4', 33)"), refusedWith(/format_ipv4\(\)/));
    assert.throws(() => scalar('format_ipv4(4294967296, 32)'), refusedWith(/outside 0 to 4294967295/));
    assert.throws(() => scalar("format_ipv4('3232235777', 32)"), refusedWith(/digits in text/));
  });

  it('ipv4_range_to_cidr_list covers the range with the fewest aligned blocks', () => {
    assert.deepEqual(scalar("ipv4_range_to_cidr_list('0.0.0.0', '255.255.255.255')"), ['0.0.0.0/0']);
    assert.deepEqual(scalar("ipv4_range_to_cidr_list('10.0.0.1', '10.0.0.1')"), ['10.0.0.1/32']);
    assert.deepEqual(scalar("ipv4_range_to_cidr_list('10.0.0.255', '10.0.1.0')"), [
      '10.0.0.255/32',
      '10.0.1.0/32',
    ]);
    assert.deepEqual(scalar("ipv4_range_to_cidr_list('10.0.0.0', '10.0.0.2')"), [
      '10.0.0.0/31',
      '10.0.0.2/32',
    ]);
    assert.throws(() => scalar("ipv4_range_to_cidr_list('10.0.0.2', '10.0.0.1')"), refusedWith(/ascending/));
    assert.throws(() => scalar("ipv4_range_to_cidr_list('x', '10.0.0.1')"), refusedWith(/ascending/));
  });

  it('ipv4_is_in_any_range is null for an invalid address and refuses empty or invalid ranges', () => {
    assert.equal(scalar("ipv4_is_in_any_range('10.1.1.1', '192.168.0.0/16', '10.0.0.0/8')"), true);
    assert.equal(scalar("ipv4_is_in_any_range('11.1.1.1', dynamic(['10.0.0.0/8']))"), false);
    assert.equal(scalar("ipv4_is_in_any_range('1.1.1.1', '0.0.0.0/0')"), true);
    assert.equal(scalar("ipv4_is_in_any_range('bad', '10.0.0.0/8')"), null);
    assert.throws(() => scalar("ipv4_is_in_any_range('10.1.1.1', dynamic([]))"), refusedWith(/no ranges/));
    assert.throws(
      () => scalar("ipv4_is_in_any_range('10.1.1.1', '10.0.0.0/8', 'nope')"),
      refusedWith(/not an IPv4 prefix/),
    );
  });
});

describe('executor: IPv6 functions', () => {
  it('parse_ipv6 prints eight groups of four hex digits, empty text when invalid', () => {
    assert.equal(scalar("parse_ipv6('::ffff:1.2.3.4')"), `${V6_MAPPED}:0102:0304`);
    assert.equal(scalar("parse_ipv6('::ffff:0102:0304')"), `${V6_MAPPED}:0102:0304`);
    assert.equal(scalar("parse_ipv6('0.0.0.0')"), `${V6_MAPPED}:0000:0000`);
    assert.equal(scalar("parse_ipv6('1::/128')"), '0001:0000:0000:0000:0000:0000:0000:0000');
    assert.equal(
      scalar("parse_ipv6('FFFF:ffff:ffff:ffff:ffff:ffff:ffff:ffff/0')"),
      '0000:'.repeat(7) + '0000',
    );
    assert.equal(scalar("parse_ipv6('1:2:3:4:5:6:7:8:9')"), '');
    assert.equal(scalar("parse_ipv6('g::1')"), '');
    assert.equal(scalar("parse_ipv6('1::2::3')"), '');
    assert.equal(scalar("parse_ipv6('::1.2.3.4/33')"), '');
    assert.equal(scalar("parse_ipv6('2001:db8::1/129')"), '');
    assert.equal(scalar("parse_ipv6('')"), '');
  });

  it('refuses the IPv6 forms whose meaning the pages leave open', () => {
    assert.throws(() => scalar("parse_ipv6('::')"), refusedWith(/::\/96 written in hex/));
    assert.throws(() => scalar("parse_ipv6('::1')"), refusedWith(/::\/96 written in hex/));
    assert.throws(() => scalar("parse_ipv6('::ffff:1.2.3.4/24')"), refusedWith(/::ffff:a\.b\.c\.d address/));
    assert.throws(() => scalar("parse_ipv6('64:ff9b::1.2.3.4')"), refusedWith(/IPv4 text other than/));
    assert.throws(() => scalar("parse_ipv6('fe80::1%eth0')"), refusedWith(/zone/));
    assert.throws(() => scalar("parse_ipv6(' 1::2')"), refusedWith(/white space/));
  });

  it('compares ::1 and other ::/96 hex addresses where either reading of them gives the same answer', () => {
    // Whether Kusto maps ::1 to ::ffff:0.0.0.1 is not documented; between two such addresses, or
    // against one far above ::ffff:0:0, both readings agree.
    assert.equal(scalar("ipv6_compare('::1', '::1')"), 0);
    assert.equal(scalar("ipv6_compare('::2', '::1')"), 1);
    assert.equal(scalar("ipv6_compare('::', '::1')"), -1);
    assert.equal(scalar("ipv6_compare('::1', '2001:db8::1', 64)"), -1);
    assert.equal(scalar("ipv6_is_match('::1', '::1')"), true);
    assert.equal(scalar("ipv6_is_in_any_range('::1', dynamic(['fe80::/10']))"), false);
    // ::5 is above ::ffff:0.0.0.3 read plainly and below it mapped: refused.
    assert.throws(
      () => scalar("ipv6_compare('::5', '::ffff:0.0.0.3')"),
      refusedWith(/::\/96 written in hex/),
    );
    // A /bits on such an address could count from bit 96, as after IPv4 text: refused.
    assert.throws(() => scalar("ipv6_is_match('::1', '::1/127')"), refusedWith(/::\/96 written in hex/));
  });

  it('parse_ipv6_mask combines the text mask with its argument', () => {
    assert.equal(scalar("parse_ipv6_mask('fe80::1', 0)"), '0000:'.repeat(7) + '0000');
    assert.equal(scalar("parse_ipv6_mask('fe80::1', 128)"), 'fe80:0000:0000:0000:0000:0000:0000:0001');
    assert.equal(scalar("parse_ipv6_mask('fe80::1/16', 128)"), 'fe80:0000:0000:0000:0000:0000:0000:0000');
    assert.equal(scalar("parse_ipv6_mask('nope', 64)"), '');
    assert.throws(() => scalar("parse_ipv6_mask('fe80::1', 129)"), refusedWith(/from 0 to 128/));
  });

  it('ipv6_compare and ipv6_is_match compare 128-bit values, IPv4 text as ::ffff:a.b.c.d', () => {
    assert.equal(scalar("ipv6_compare('2001:db8::1', '2001:db8::2')"), -1);
    assert.equal(scalar("ipv6_compare('2001:db8::2', '2001:db8::1')"), 1);
    assert.equal(scalar("ipv6_compare('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '1::', 0)"), 0);
    assert.equal(scalar("ipv6_compare('1.2.3.4', '::ffff:102:304')"), 0);
    assert.equal(scalar("ipv6_compare('1::', '1.2.3.4')"), 1);
    assert.equal(scalar("ipv6_compare('x', '1::')"), null);
    assert.equal(scalar("ipv6_is_match('2001:db8::1', '2001:db8::2', 126)"), true);
    assert.equal(scalar("ipv6_is_match('2001:db8::1', '2001:db8::2')"), false);
    assert.equal(scalar("ipv6_is_match('x', '1::')"), null);
    assert.throws(() => scalar("ipv6_compare('1::', '1::', 129)"), refusedWith(/ipv6_compare\(\)/));
  });

  it('ipv6_is_in_range and ipv6_is_in_any_range test the range prefix; null for an invalid address', () => {
    assert.equal(scalar("ipv6_is_in_range('2001:db8::1', '2001:db8::/32')"), true);
    assert.equal(scalar("ipv6_is_in_range('2001:db9::1', '2001:db8::/32')"), false);
    assert.equal(scalar("ipv6_is_in_range('2001:db8::1', '2001:db8::1/128')"), true);
    assert.equal(scalar("ipv6_is_in_range('2001:db8::1', '8000::/0')"), true);
    assert.equal(scalar("ipv6_is_in_range('2001:db8::1', '')"), null);
    assert.equal(scalar("ipv6_is_in_range('', '2001:db8::/32')"), null);
    assert.throws(
      () => scalar("ipv6_is_in_range('2001:db8::1/64', '2001:db8::/32')"),
      refusedWith(/\/prefix/),
    );
    assert.equal(scalar("ipv6_is_in_any_range('2001:db8::1', 'fe80::/10', '2001:db8::/32')"), true);
    assert.equal(scalar("ipv6_is_in_any_range('2001:db8::1', dynamic(['fe80::/10']))"), false);
    assert.equal(scalar("ipv6_is_in_any_range('bad', 'fe80::/10')"), null);
    assert.throws(() => scalar("ipv6_is_in_any_range('fe80::1', dynamic([]))"), refusedWith(/no ranges/));
    assert.throws(() => scalar("ipv6_is_in_any_range('fe80::1', 'x')"), refusedWith(/not an IPv6 prefix/));
  });

  it('works row by row over a column', () => {
    const r = rows(
      "datatable(ip:string) ['10.0.0.1', '', '2001:db8::1'] | extend v = parse_ipv6(ip) | project v",
    );
    assert.deepEqual(r, [[`${V6_MAPPED}:0a00:0001`], [''], ['2001:0db8:0000:0000:0000:0000:0000:0001']]);
  });
});
