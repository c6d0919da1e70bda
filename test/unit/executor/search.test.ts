import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, run } from './executorHarness';

const PROCS = [
  { Host: 'ws-01', Cmd: 'tvnserver.exe -service', Pid: 10 },
  { Host: 'ws-02', Cmd: 'cmd.exe /c whoami', Pid: 20 },
  { Host: 'WS-03', Cmd: 'TightVNC Viewer', Pid: 30 },
  { Host: 'ws-04', Cmd: null, Pid: 40 },
];
const TABLES = { Procs: PROCS, Other: [{ Note: 'tightvnc seen' }] };
const search = (q: string) => rows(q, TABLES);

/** The search operator (search-operator.md). */
describe('executor: search', () => {
  it('finds a term in any string column, case-insensitively, after a $table column', () => {
    const r = run('search in (Procs) "tightvnc"', TABLES).tables[0];
    assert.deepEqual(
      r.columns.map((c) => c.name),
      ['$table', 'Host', 'Cmd', 'Pid'],
    );
    assert.deepEqual(r.rows, [['Procs', 'WS-03', 'TightVNC Viewer', 30]]);
    // A term matches whole terms only: "tvn" is not a term of "tvnserver.exe".
    assert.deepEqual(search('search in (Procs) "tvn"'), []);
  });

  it('reads the asterisks of a term as the page tabulates them', () => {
    const hosts = (q: string) => search(q).map((r) => r[1]);
    assert.deepEqual(hosts('search in (Procs) "tvn*"'), ['ws-01']);
    // hassuffix: a term ending so (whoami), but not a string ending so inside a term.
    assert.deepEqual(hosts('search in (Procs) "*ami"'), ['ws-02']);
    assert.deepEqual(hosts('search in (Procs) "*servic"'), []);
    assert.deepEqual(hosts('search in (Procs) "*hoam*"'), ['ws-02']);
    assert.deepEqual(hosts('search in (Procs) "*exe"'), ['ws-01', 'ws-02']);
    assert.deepEqual(hosts('search in (Procs) "Tight*Viewer"'), ['WS-03']);
    assert.throws(
      () => search('search in (Procs) "*a*b"'),
      refusedWith(/asterisks both inside and at its ends/),
    );
  });

  it('combines terms, Column:term and ordinary predicates with and, or and parentheses', () => {
    const hosts = (q: string) => search(q).map((r) => r[1]);
    assert.deepEqual(hosts('search in (Procs) Cmd:"cmd" or Pid > 35'), ['ws-02', 'ws-04']);
    assert.deepEqual(hosts('search in (Procs) "exe" and ("service" or "whoami")'), ['ws-01', 'ws-02']);
    assert.deepEqual(hosts('search in (Procs) Host == "ws-01"'), ['ws-01']);
    assert.deepEqual(hosts('search in (Procs) * has "viewer"'), ['WS-03']);
    assert.equal(search('search in (Procs) *').length, 4);
  });

  it('where * has looks in every string column, as search does; a negated or regex one is refused', () => {
    const hosts = (q: string) => search(q).map((r) => r[0]);
    assert.deepEqual(hosts('Procs | where * has "tightvnc"'), ['WS-03']);
    assert.deepEqual(hosts('Procs | where * contains "ws-0" and Pid > 15'), ['ws-02', 'WS-03', 'ws-04']);
    assert.deepEqual(hosts('Procs | where * has_cs "TightVNC"'), ['WS-03']);
    assert.deepEqual(hosts('Procs | where * has_cs "tightvnc"'), []);
    assert.throws(() => search('Procs | where * !has "x"'), refusedWith(/\* !has/));
    assert.throws(() => search('Procs | where * has "40"'), refusedWith(/found only in the long column Pid/));
  });

  it('kind=case_sensitive makes the terms case-sensitive', () => {
    assert.deepEqual(search('search kind=case_sensitive in (Procs) "TightVNC"').length, 1);
    assert.deepEqual(search('search kind=case_sensitive in (Procs) "tightvnc"'), []);
    assert.throws(
      () => search('search kind=case_sensitive in (Procs) Cmd has "x"'),
      refusedWith(/case_sensitive with the operator Has/),
    );
  });

  it("without a source reads the query's views and the tables that hold the predicate's columns", () => {
    // Other has no Note... column named by the predicate, so only the view and Procs are read.
    const same = 'let V = view () { datatable(Host:string, Cmd:string, Pid:long) ["v", "x", 20] }';
    assert.deepEqual(search(`${same}; search Pid == 20`), [
      ['V', 'v', 'x', 20],
      ['Procs', 'ws-02', 'cmd.exe /c whoami', 20],
    ]);
    // A view with other columns than Procs: project-smart would pack what they do not share.
    assert.throws(
      () => search('let V = view () { print Pid = 20 }; search Pid == 20'),
      refusedWith(/sources whose columns differ/),
    );
  });

  it('refuses what its page leaves open, only when a row is found', () => {
    assert.throws(() => search('search "tightvnc"'), refusedWith(/sources whose columns differ/));
    assert.deepEqual(search('search "nowhere-to-be-found"'), []);
    assert.throws(() => search('Procs | search "whoami"'), refusedWith(/piped input/));
    assert.deepEqual(search('Procs | search "nowhere"'), []);
    assert.throws(() => search('search in (Procs) "30"'), refusedWith(/found only in the long column Pid/));
  });
});
