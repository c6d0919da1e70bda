import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  installCompletionMemo,
  uninstallCompletionMemo,
} from '../../../server/src/language/engineTuning/completionMemo';

// A stand-in for the engine's completer whose items depend on everything the memo's key must hold:
// the context facts, `nameOnly` and the dialect. The memo must hand back what the completer would.
class FunctionSymbol {
  constructor(readonly Name: string) {}
}

type Fake = { _code: { Globals: { IsBuiltInFunction(): boolean }; Dialect: number }; _options: object };

function fakeEngine() {
  let built = 0;
  const proto = {
    GetCompletionItemsForSymbol(
      this: Fake,
      symbol: FunctionSymbol,
      contextNode: { start: boolean },
      nameOnly: boolean,
      items: { add(item: unknown): void },
    ) {
      built++;
      items.add(
        `${symbol.Name}|start=${contextNode.start}|nameOnly=${nameOnly}|dialect=${this._code.Dialect}`,
      );
    },
    AddSpaceToCompletionItem: (item: object) => item,
  };
  const KustoCompleter = {
    IsStartOfQuery: (node: { start: boolean }) => node.start,
    IsInvokeFunctionContext: () => false,
    prototype: proto,
  };
  const engine = {
    Editor: { KustoCompleter },
    Symbols: { FunctionSymbol },
  } as unknown as typeof Kusto.Language;
  return { engine, proto, builds: () => built };
}

test('the completion memo keeps items apart by nameOnly and by dialect, and reuses them otherwise', () => {
  const { engine, proto, builds } = fakeEngine();
  installCompletionMemo(engine);
  try {
    const options = {};
    const completer = (dialect: number): Fake => ({
      _code: { Globals: { IsBuiltInFunction: () => true }, Dialect: dialect },
      _options: options,
    });
    const symbol = new FunctionSymbol('strlen');
    const ask = (dialect: number, nameOnly: boolean, node = { start: false }) => {
      const items: unknown[] = [];
      (proto.GetCompletionItemsForSymbol as unknown as (this: Fake, ...a: unknown[]) => void).call(
        completer(dialect),
        symbol,
        node,
        nameOnly,
        { add: (i: unknown) => items.push(i) },
      );
      return items;
    };
    assert.deepEqual(ask(0, false), ['strlen|start=false|nameOnly=false|dialect=0']);
    assert.deepEqual(
      ask(0, true),
      ['strlen|start=false|nameOnly=true|dialect=0'],
      'nameOnly is part of the key',
    );
    assert.deepEqual(
      ask(1, false),
      ['strlen|start=false|nameOnly=false|dialect=1'],
      'the dialect is part of the key',
    );
    assert.deepEqual(
      ask(0, false, { start: true }),
      ['strlen|start=true|nameOnly=false|dialect=0'],
      'the context facts are part of the key',
    );
    const before = builds();
    assert.deepEqual(ask(0, true), ['strlen|start=false|nameOnly=true|dialect=0']);
    assert.equal(builds(), before, 'an identical request is served from the memo');
  } finally {
    uninstallCompletionMemo();
  }
});
