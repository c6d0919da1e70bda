import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnsupportedError } from '../../../server/src/executor/errors';
import { rows } from './executorHarness';

const lookup =
  'let L = datatable(net:string, site:string, zone:string)["10.0.0.0/8", "hq", "a", "10.1.0.0/16", "lab", "a", "10.1.0.0/16", "lab-b", "b", "192.168.1.1", "one", "a"];';

/** evaluate ipv4_lookup (ipv4-lookup-plugin.md): ranges, single addresses, extra keys, unmatched rows. */
describe('executor: ipv4_lookup', () => {
  it('joins every range that holds the address, in lookup order', () => {
    assert.deepEqual(
      rows(
        `${lookup} datatable(ip:string)["10.1.2.3", "192.168.1.1", "8.8.8.8"] | evaluate ipv4_lookup(L, ip, net) | project ip, site`,
      ),
      [
        ['10.1.2.3', 'hq'],
        ['10.1.2.3', 'lab'],
        ['10.1.2.3', 'lab-b'],
        ['192.168.1.1', 'one'],
      ],
    );
  });

  it('matches extra keys by equality and keeps unmatched rows when asked', () => {
    assert.deepEqual(
      rows(
        `${lookup} datatable(ip:string, zone:string)["10.1.2.3", "b", "8.8.8.8", "a", "", "a"] | evaluate ipv4_lookup(L, ip, net, zone, return_unmatched = true) | project ip, zone, site`,
      ),
      [
        ['10.1.2.3', 'b', 'lab-b'],
        ['8.8.8.8', 'a', ''],
        ['', 'a', ''],
      ],
    );
  });

  it('refuses a masked source address by name', () => {
    assert.throws(
      () => rows(`${lookup} datatable(ip:string)["10.1.0.0/24"] | evaluate ipv4_lookup(L, ip, net)`),
      (e) => e instanceof UnsupportedError && /masked source address/.test(e.message),
    );
  });
});

const lookup6 =
  'let L6 = datatable(net:string, site:string)["2001:db8::/32", "doc", "2001:db8:85a3::/48", "lab", "fe80::1", "one", "10.0.0.0/104", "v4"];';

/** evaluate ipv6_lookup (ipv6-lookup-plugin.md): prefixes, single addresses, compressed forms, unmatched rows. */
describe('executor: ipv6_lookup', () => {
  it('joins every prefix that holds the address, whatever its written form', () => {
    assert.deepEqual(
      rows(
        `${lookup6} datatable(ip:string)["2001:0db8:85a3:0000:0000:8a2e:0370:7334", "FE80:0:0:0:0:0:0:1", "2001:db9::1", "bad"] | evaluate ipv6_lookup(L6, ip, net) | project ip, site`,
      ),
      [
        ['2001:0db8:85a3:0000:0000:8a2e:0370:7334', 'doc'],
        ['2001:0db8:85a3:0000:0000:8a2e:0370:7334', 'lab'],
        ['FE80:0:0:0:0:0:0:1', 'one'],
      ],
    );
  });

  it('keeps unmatched rows with empty lookup columns when asked', () => {
    assert.deepEqual(
      rows(
        `${lookup6} datatable(ip:string)["2001:db9::1", ""] | evaluate ipv6_lookup(L6, ip, net, true) | project ip, site`,
      ),
      [
        ['2001:db9::1', ''],
        ['', ''],
      ],
    );
  });

  it('refuses a masked source address by name', () => {
    assert.throws(
      () => rows(`${lookup6} datatable(ip:string)["2001:db8::/64"] | evaluate ipv6_lookup(L6, ip, net)`),
      (e) => e instanceof UnsupportedError && /ipv6_lookup\(\) of a masked source address/.test(e.message),
    );
  });
});
