import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from './documentAnalysis';
import { allBlocks, regionRange } from './engineBlocks';
import { kusto, toArray } from './kustoEngine';
import { blockContentLength } from './symbols';

/**
 * Folding: every query block that spans lines, the engine's statement outlines inside it
 * (multi-line lets and function bodies) and runs of line comments.
 */
export function getFoldingRanges(analysis: DocumentAnalysis): FoldingRange[] {
  const out: FoldingRange[] = [];
  const seen = new Set<string>();
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind) => {
    const key = `${startLine}:${endLine}`;
    if (endLine <= startLine || seen.has(key)) return;
    seen.add(key);
    out.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  const options = kusto().Editor.OutliningOptions.Default!.WithStatements(true)!.WithQueries(true);
  for (const ctx of allBlocks(analysis)) {
    const length = blockContentLength(ctx.block);
    if (length === 0) continue;
    const whole = regionRange(analysis, ctx.query, ctx.block.Start, length);
    add(whole.start.line, whole.end.line);
    for (const o of toArray(ctx.service.GetOutlines(options)?.Ranges)) {
      const r = regionRange(analysis, ctx.query, o.Start, o.Length);
      add(r.start.line, r.end.line);
    }
    // Runs of two or more comment lines fold as comments.
    const lines = (ctx.block.Text ?? '').slice(0, length).split('\n');
    let offset = ctx.block.Start;
    let runStart = -1;
    let runEnd = -1;
    const flush = () => {
      if (runStart >= 0) {
        add(
          regionRange(analysis, ctx.query, runStart, 0).start.line,
          regionRange(analysis, ctx.query, runEnd, 0).start.line,
          FoldingRangeKind.Comment,
        );
      }
      runStart = -1;
    };
    for (const line of lines) {
      if (line.trim().startsWith('//')) {
        if (runStart < 0) runStart = offset;
        runEnd = offset;
      } else flush();
      offset += line.length + 1;
    }
    flush();
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
