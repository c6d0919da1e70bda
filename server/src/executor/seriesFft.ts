import { UnsupportedError } from './errors';
import { realArray } from './wholeReals';

/**
 * series_fft and series_ifft (series-fft-function.md, series-ifft-function.md). The pages define
 * the transform by linking the Fast Fourier Transform article, whose DFT is
 * X_k = sum_n x_n e^(-2 pi i k n / N), unnormalised, its inverse dividing by N. The first example's
 * chart confirms the sign: for y_real = sin(2 pi n / 8) and y_imag = sin(2 pi n / 32) over 128
 * points, fft_y_imag dips at bin 16 and peaks at bin 112, and fft_y_real peaks at bin 4 and dips
 * at bin 124, which only the e^(-...) forward transform gives. The second example states that
 * series_ifft(series_fft(x)) is x, which fixes the 1/N on the inverse. Any length is taken:
 * radix-2 for a power of two; otherwise the sums as written for a short series and Bluestein's
 * chirp convolution (exact in exact arithmetic, O(N log N)) for a long one.
 * What the pages leave open (a null or non-array argument, a non-numeric, NaN or infinite element,
 * parts of different lengths, an empty series) is refused by name.
 */

interface Complex {
  re: number[];
  im: number[];
}

const isPowerOfTwo = (n: number): boolean => (n & (n - 1)) === 0;

/**
 * e^(sign 2 pi i k / n). The angle is reduced to the first octant by the circle's symmetries, so a
 * quarter or half turn gives exactly 0 and 1 (Math.cos(Math.PI / 2) is 6e-17, not 0) and the
 * same angle in any quadrant gives the same magnitudes.
 */
function twiddle(k: number, n: number, sign: number): [number, number] {
  const r = k % n;
  const quadrant = Math.floor((4 * r) / n);
  // The angle within the quadrant is (pi / 2) u / n, u in [0, n).
  const u = 4 * r - quadrant * n;
  let c: number;
  let s: number;
  if (u === 0) [c, s] = [1, 0];
  else if (2 * u === n) [c, s] = [Math.SQRT1_2, Math.SQRT1_2];
  else if (2 * u < n) [c, s] = [Math.cos((Math.PI / 2) * (u / n)), Math.sin((Math.PI / 2) * (u / n))];
  else [c, s] = [Math.sin((Math.PI / 2) * ((n - u) / n)), Math.cos((Math.PI / 2) * ((n - u) / n))];
  const [re, im] = [
    [c, s],
    [-s, c],
    [-c, -s],
    [s, -c],
  ][quadrant];
  return [re, sign * im];
}

/** The in-place iterative radix-2 transform of a power-of-two length, with e^(sign 2 pi i k n / N). */
function radix2(z: Complex, sign: number): void {
  const { re, im } = z;
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    // Each twiddle is computed directly rather than by a recurrence, whose rounding would grow with n.
    const w = Array.from({ length: half }, (_, k) => twiddle(k, len, sign));
    for (let start = 0; start < n; start += len) {
      for (let k = 0; k < half; k++) {
        const [wr, wi] = w[k];
        const a = start + k;
        const b = a + half;
        const tr = re[b] * wr - im[b] * wi;
        const ti = re[b] * wi + im[b] * wr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
      }
    }
  }
}

/**
 * The transform of any length by Bluestein's identity kn = (k^2 + n^2 - (k - n)^2) / 2: with the
 * chirp c_n = e^(sign pi i n^2 / N), X_k = c_k sum_n (x_n c_n) conj(c_(k - n)), a convolution done
 * by power-of-two transforms. The chirp's angle is taken from n^2 mod 2N, exact in doubles for any
 * length an array can have.
 */
function bluestein(z: Complex, sign: number): Complex {
  const n = z.re.length;
  let m = 1;
  while (m < 2 * n - 1) m <<= 1;
  const chirp = Array.from({ length: n }, (_, k) => twiddle((k * k) % (2 * n), 2 * n, sign));
  const a: Complex = { re: new Array<number>(m).fill(0), im: new Array<number>(m).fill(0) };
  const b: Complex = { re: new Array<number>(m).fill(0), im: new Array<number>(m).fill(0) };
  for (let k = 0; k < n; k++) {
    // a_k = x_k chirp_k; b holds conj(chirp_k) at k and at m - k, so the cyclic convolution is the linear one.
    const [cr, ci] = chirp[k];
    a.re[k] = z.re[k] * cr - z.im[k] * ci;
    a.im[k] = z.re[k] * ci + z.im[k] * cr;
    b.re[k] = cr;
    b.im[k] = -ci;
    if (k > 0) {
      b.re[m - k] = cr;
      b.im[m - k] = -ci;
    }
  }
  radix2(a, -1);
  radix2(b, -1);
  for (let k = 0; k < m; k++) {
    const re = a.re[k] * b.re[k] - a.im[k] * b.im[k];
    a.im[k] = a.re[k] * b.im[k] + a.im[k] * b.re[k];
    a.re[k] = re;
  }
  radix2(a, 1);
  const out: Complex = { re: new Array<number>(n), im: new Array<number>(n) };
  for (let k = 0; k < n; k++) {
    // The inverse power-of-two transform above is unnormalised: divide by m, then multiply by chirp_k.
    const [cr, ci] = chirp[k];
    const re = a.re[k] / m;
    const im = a.im[k] / m;
    out.re[k] = re * cr - im * ci;
    out.im[k] = re * ci + im * cr;
  }
  return out;
}

/** The sums as written, each twiddle taken from k n mod N: exact in its angles, O(N^2). */
function direct(z: Complex, sign: number): Complex {
  const n = z.re.length;
  const w = Array.from({ length: n }, (_, j) => twiddle(j, n, sign));
  const out: Complex = { re: new Array<number>(n).fill(0), im: new Array<number>(n).fill(0) };
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < n; j++) {
      const [wr, wi] = w[(k * j) % n];
      out.re[k] += z.re[j] * wr - z.im[j] * wi;
      out.im[k] += z.re[j] * wi + z.im[j] * wr;
    }
  }
  return out;
}

/** Below this length a length that is not a power of two is summed directly rather than by Bluestein's chirps. */
const DIRECT_BELOW = 128;

/** sum_n z_n e^(sign 2 pi i k n / N), unnormalised, for any N of one or more. */
function dft(z: Complex, sign: 1 | -1): Complex {
  if (isPowerOfTwo(z.re.length)) {
    const copy = { re: z.re.slice(), im: z.im.slice() };
    radix2(copy, sign);
    return copy;
  }
  return z.re.length < DIRECT_BELOW ? direct(z, sign) : bluestein(z, sign);
}

/** The finite numbers of one part of the series, refusing by name what the page does not define. */
function part(name: string, role: string, v: unknown): number[] {
  if (v === null || v === undefined)
    throw new UnsupportedError(`${name}() with a null ${role}`, 'its page defines numeric arrays only');
  if (!Array.isArray(v))
    throw new UnsupportedError(
      `${name}() whose ${role} is not an array`,
      'its page defines numeric arrays only',
    );
  for (const x of v as unknown[]) {
    if (typeof x === 'bigint')
      throw new UnsupportedError(
        `${name}() whose ${role} holds the long ${x}`,
        'a long beyond 2^53 is not read as a double',
      );
    if (typeof x !== 'number')
      throw new UnsupportedError(
        `${name}() whose ${role} holds the element ${JSON.stringify(x) ?? String(x)}`,
        'its page defines numeric arrays only and does not say what a null or non-numeric element gives',
      );
    if (!Number.isFinite(x))
      throw new UnsupportedError(
        `${name}() whose ${role} holds ${x}`,
        'its page does not say what NaN or an infinity gives',
      );
  }
  return v as number[];
}

/**
 * The two parts of a transform's result as arrays of reals. A zero's sign is an accident of the
 * order of the sums, not part of the transform, so -0 is given as 0.
 */
const result = (z: Complex): unknown[] =>
  [z.re, z.im].map((xs) => realArray(xs.map((x) => (x === 0 ? 0 : x))));

/** The arguments as a complex series: the real part, and the imaginary part or zeros when it is omitted. */
function series(name: string, [real, imaginary]: unknown[]): Complex {
  const re = part(name, 'real part', real);
  const im = imaginary === undefined ? re.map(() => 0) : part(name, 'imaginary part', imaginary);
  if (re.length !== im.length)
    throw new UnsupportedError(
      `${name}() of a real part of ${re.length} elements and an imaginary part of ${im.length}`,
      'its page does not say what parts of different lengths give',
    );
  if (re.length === 0)
    throw new UnsupportedError(`${name}() of an empty series`, 'its page does not say what that gives');
  return { re, im };
}

/** (real, imaginary) of X_k = sum_n x_n e^(-2 pi i k n / N). */
function seriesFft(args: unknown[]): unknown[] {
  return result(dft(series('series_fft', args), -1));
}

/** (real, imaginary) of x_n = (1 / N) sum_k X_k e^(2 pi i k n / N), so that it undoes series_fft. */
function seriesIfft(args: unknown[]): unknown[] {
  const z = dft(series('series_ifft', args), 1);
  const n = z.re.length;
  return result({ re: z.re.map((x) => x / n), im: z.im.map((x) => x / n) });
}

export const SERIES_FFT_TUPLE_FUNCTIONS: Record<string, (args: unknown[]) => unknown[]> = {
  series_fft: seriesFft,
  series_ifft: seriesIfft,
};
