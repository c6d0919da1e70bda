import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asJson, refusedWith, run } from './executorHarness';

/**
 * series_fft and series_ifft: the two examples of series-fft-function.md (the chart's dips and
 * peaks, the round trip), every length against the DFT summed as written, and the refusals.
 */

/** The columns and rows, dynamic values read as JSON (whole reals in them come as text). */
const shape = (q: string) => {
  const t = run(q).tables[0];
  return { columns: t.columns.map((c) => c.name), rows: t.rows.map((r) => r.map(asJson)) };
};
const list = (xs: number[]) => `dynamic([${xs.join(', ')}])`;

/** [real, imaginary] of a transform through the executor. */
const transform = (fn: 'series_fft' | 'series_ifft', re: number[], im?: number[]) =>
  shape(`print ${fn}(${list(re)}${im ? `, ${list(im)}` : ''})`).rows[0] as [number[], number[]];

/** sum_n z_n e^(sign 2 pi i k n / N), each term as the definition writes it. */
function referenceDft(re: number[], im: number[], sign: number): [number[], number[]] {
  const n = re.length;
  const outRe: number[] = [];
  const outIm: number[] = [];
  for (let k = 0; k < n; k++) {
    let sr = 0;
    let si = 0;
    for (let j = 0; j < n; j++) {
      const angle = (sign * 2 * Math.PI * ((k * j) % n)) / n;
      sr += re[j] * Math.cos(angle) - im[j] * Math.sin(angle);
      si += re[j] * Math.sin(angle) + im[j] * Math.cos(angle);
    }
    outRe.push(sr);
    outIm.push(si);
  }
  return [outRe, outIm];
}

/** Each element within `tolerance` of the largest magnitude of the expected series. */
function assertClose(actual: number[], expected: number[], tolerance: number, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  const scale = Math.max(1, ...expected.map(Math.abs));
  actual.forEach((v, i) =>
    assert.ok(Math.abs(v - expected[i]) <= tolerance * scale, `${what}[${i}]: ${v} is not ${expected[i]}`),
  );
}

/** A deterministic noise in [-0.5, 0.5): a linear congruential generator with a fixed seed. */
function noise(count: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: count }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  });
}

/** series-fft-function.md's series: sine waves of periods 8 (real part) and 32 (imaginary) over 128 points. */
const PAGE_SERIES = [
  'let sinewave=(x:double, period:double, gain:double=1.0, phase:double=0.0) { gain*sin(2*pi()/period*(x+phase)) };',
  'let n=128;',
  'range x from 0 to n-1 step 1 | extend yr=sinewave(x, 8), yi=sinewave(x, 32)',
  '| summarize x=make_list(x), y_real=make_list(yr), y_imag=make_list(yi)',
  '| extend (fft_y_real, fft_y_imag) = series_fft(y_real, y_imag)',
].join(' ');

describe('executor: series_fft and series_ifft', () => {
  it("gives the first example's chart: fft_y_imag dips at 16 and peaks at 112, fft_y_real peaks at 4 and dips at 124", () => {
    const [[fftReal, fftImag]] = shape(`${PAGE_SERIES} | project fft_y_real, fft_y_imag`)
      .rows as number[][][];
    assert.equal(fftReal.length, 128);
    // The e^(-2 pi i k n / N) transform of sin(2 pi 16 n / 128) is -64i at 16 and +64i at 112;
    // i sin(2 pi 4 n / 128) gives +64 at 4 and -64 at 124. The opposite sign would mirror both.
    const expectedReal = fftReal.map((_, k) => (k === 4 ? 64 : k === 124 ? -64 : 0));
    const expectedImag = fftImag.map((_, k) => (k === 16 ? -64 : k === 112 ? 64 : 0));
    assertClose(fftReal, expectedReal, 1e-12, 'fft_y_real');
    assertClose(fftImag, expectedImag, 1e-12, 'fft_y_imag');
  });

  it("gives back the second example's series: series_ifft(series_fft(y)) is y", () => {
    const query = [
      PAGE_SERIES,
      '| extend (y_real2, y_image2) = series_ifft(fft_y_real, fft_y_imag)',
      '| project-away fft_y_real, fft_y_imag',
    ].join(' ');
    const { columns, rows } = shape(query);
    assert.deepEqual(columns, ['x', 'y_real', 'y_imag', 'y_real2', 'y_image2']);
    const [, yReal, yImag, yReal2, yImag2] = rows[0] as number[][];
    assertClose(yReal2, yReal, 1e-14, 'y_real2');
    assertClose(yImag2, yImag, 1e-14, 'y_imag2');
  });

  it('matches the DFT summed as written, for lengths that are and are not powers of two', () => {
    for (const n of [1, 2, 3, 5, 6, 8, 12, 64, 100, 127, 129, 200, 256, 1000]) {
      const [re, im] = [noise(n, n), noise(n, 7 * n + 1).map((v) => 100 * v)];
      const [fftRe, fftIm] = transform('series_fft', re, im);
      const [refRe, refIm] = referenceDft(re, im, -1);
      assertClose(fftRe, refRe, 1e-9, `fft real n=${n}`);
      assertClose(fftIm, refIm, 1e-9, `fft imaginary n=${n}`);
      const [ifftRe, ifftIm] = transform('series_ifft', re, im);
      const [invRe, invIm] = referenceDft(re, im, 1);
      assertClose(
        ifftRe,
        invRe.map((v) => v / n),
        1e-9,
        `ifft real n=${n}`,
      );
      assertClose(
        ifftIm,
        invIm.map((v) => v / n),
        1e-9,
        `ifft imaginary n=${n}`,
      );
    }
  });

  it('is unnormalised forward and divides by N inverse, giving reals with exact values where they are exact', () => {
    const fft = run('print series_fft(dynamic([1, 2, 3, 4]))').tables[0];
    assert.deepEqual(
      fft.columns.map((c) => [c.name, c.type]),
      [
        ['series_fft__real', 'dynamic'],
        ['series_fft__imag', 'dynamic'],
      ],
    );
    // Whole reals are written as reals, as a dynamic array of doubles is.
    assert.deepEqual(fft.rows[0], ['[10.0,-2.0,-2.0,-2.0]', '[0.0,2.0,0.0,-2.0]']);
    assert.deepEqual(transform('series_ifft', [10, -2, -2, -2], [0, 2, 0, -2]), [
      [1, 2, 3, 4],
      [0, 0, 0, 0],
    ]);
    assert.deepEqual(transform('series_fft', [2.5]), [[2.5], [0]]);
  });

  it('takes the imaginary part as zeros when it is omitted', () => {
    for (const n of [4, 6, 150]) {
      const re = noise(n, 3 * n);
      const zeros = re.map(() => 0);
      assert.deepEqual(transform('series_fft', re), transform('series_fft', re, zeros));
      assert.deepEqual(transform('series_ifft', re), transform('series_ifft', re, zeros));
    }
    // Whole reals in the input (2.0) are read as the numbers they are.
    assert.deepEqual(transform('series_fft', [1.0, 2.0]), [
      [3, -1],
      [0, 0],
    ]);
  });

  it('names its columns as the binder does, one column for a single name in print', () => {
    assert.deepEqual(shape('print y=dynamic([1, 2]) | extend series_fft(y)').columns, [
      'y',
      'series_fft_y_real',
      'series_fft_y_imag',
    ]);
    assert.deepEqual(shape('print y=dynamic([1, 2]) | extend z = series_ifft(y)'), {
      columns: ['y', 'z', 'series_ifft_y_imag'],
      rows: [
        [
          [1, 2],
          [1.5, -0.5],
          [0, 0],
        ],
      ],
    });
    assert.deepEqual(shape('print x = series_fft(dynamic([1, 2]))'), { columns: ['x'], rows: [[[3, -1]]] });
    assert.deepEqual(shape('print (r) = series_fft(dynamic([1, 2])), n = 1'), {
      columns: ['r', 'n'],
      rows: [[[3, -1], 1]],
    });
  });

  it('refuses by name what its pages do not define, and runs over no rows', () => {
    const refused = (q: string, why: RegExp) => assert.throws(() => run(`print ${q}`), refusedWith(why));
    refused('series_fft(dynamic([1, null, 3]))', /^series_fft\(\) whose real part holds the element null/);
    refused('series_fft(dynamic([1, "a"]))', /^series_fft\(\) whose real part holds the element "a"/);
    refused(
      'series_ifft(dynamic([1, 2]), dynamic([1, true]))',
      /^series_ifft\(\) whose imaginary part holds the element true/,
    );
    refused('series_fft(pack_array(1.0, real(nan)))', /^series_fft\(\) whose real part holds NaN/);
    refused('series_ifft(pack_array(1.0, real(-inf)))', /^series_ifft\(\) whose real part holds -Infinity/);
    refused(
      'series_fft(dynamic([1, 2, 3]), dynamic([1, 2]))',
      /^series_fft\(\) of a real part of 3 elements and an imaginary part of 2/,
    );
    refused('series_fft(dynamic([]))', /^series_fft\(\) of an empty series/);
    refused('series_ifft(dynamic([]), dynamic([]))', /^series_ifft\(\) of an empty series/);
    refused('series_fft(dynamic(null))', /^series_fft\(\) with a null real part/);
    refused('series_fft(dynamic([1]), dynamic(null))', /^series_fft\(\) with a null imaginary part/);
    refused(`series_fft(parse_json('{"a": 1}'))`, /^series_fft\(\) whose real part is not an array/);
    refused(
      'series_fft(dynamic([1, 123456789012345678]))',
      /^series_fft\(\) whose real part holds the long 123456789012345678/,
    );
    assert.deepEqual(shape('print y=dynamic([]) | where false | extend series_fft(y)').rows, []);
  });
});
