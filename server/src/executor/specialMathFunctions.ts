import { UnsupportedError } from './errors';
import { argNumber } from './functionArgs';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';

/**
 * The special functions of Kusto's reference: erf, erfc, gamma, loggamma and the beta
 * distribution (beta_cdf, beta_pdf, beta_inv). Each is computed to about 15 significant digits,
 * enough to reproduce the digits the pages print. A null or non-numeric argument gives null.
 */

const SQRT_PI = Math.sqrt(Math.PI);

/** erf by its series e^-x² · Σ (2x²)^n x / (2n+1)!!, whose terms are all positive (no cancellation). */
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
  }
  return (2 / SQRT_PI) * Math.exp(-x * x) * sum;
}

/** erfc for x ≥ 2 by its continued fraction, evaluated with the modified Lentz method. */
function erfcFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + a / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / SQRT_PI / f;
}

export function erf(x: number): number {
  if (Number.isNaN(x)) return x;
  if (Math.abs(x) > 30) return Math.sign(x);
  if (Math.abs(x) < 2) return erfSeries(x);
  return Math.sign(x) * (1 - erfcFraction(Math.abs(x)));
}

export function erfc(x: number): number {
  if (Number.isNaN(x)) return x;
  // Beyond 30 the tail e^-x² is below the smallest double.
  if (Math.abs(x) > 30) return x > 0 ? 0 : 2;
  if (x >= 2) return erfcFraction(x);
  if (x <= -2) return 2 - erfcFraction(-x);
  return 1 - erfSeries(x);
}

/** Lanczos's approximation (g = 7, nine terms), good to about 15 digits for x ≥ 0.5. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

function lanczosLog(x: number): number {
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function refusePole(name: string, x: number): void {
  if (x <= 0 && Number.isInteger(x))
    throw new UnsupportedError(
      `${name}(${x})`,
      'the gamma function has a pole there and the page does not say what is returned',
    );
}

/** ln |Γ(x)|, by reflection below 0.5: Γ(x) Γ(1 - x) = π / sin(πx). */
export function logGamma(x: number): number {
  if (Number.isInteger(x) && x > 0 && x <= 171) return Math.log(gamma(x));
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  return lanczosLog(x);
}

export function gamma(x: number): number {
  // Whole numbers give the exact factorial, as the page's gamma(5) = 24 does.
  if (Number.isInteger(x) && x > 0 && x <= 171) {
    let p = 1;
    for (let i = 2; i < x; i++) p *= i;
    return p;
  }
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  return Math.exp(lanczosLog(x));
}

/** ln B(a, b). */
const logBeta = (a: number, b: number) => logGamma(a) + logGamma(b) - logGamma(a + b);

/** The continued fraction of the regularized incomplete beta function (modified Lentz). */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 10000; m++) {
    const m2 = 2 * m;
    for (const aa of [
      (m * (b - m) * x) / ((a + m2 - 1) * (a + m2)),
      (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1)),
    ]) {
      d = 1 + aa * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      h *= d * c;
      if (Math.abs(d * c - 1) < 1e-16) return h;
    }
  }
  return h;
}

/** The regularized incomplete beta I_x(a, b), the beta distribution's CDF. */
export function betaCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log(1 - x) - logBeta(a, b));
  // The fraction converges fast below the mean; above it the symmetry I_x(a,b) = 1 - I_(1-x)(b,a) is used.
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(x, a, b)) / a
    : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

export function betaPdf(x: number, a: number, b: number): number {
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x) - logBeta(a, b));
}

/** The x in [0, 1] with betaCdf(x) = p, by bisection: the CDF is increasing, so this always converges. */
export function betaInv(p: number, a: number, b: number): number {
  if (p === 1) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-17; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (betaCdf(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The numeric arguments, or null when any is null or not a number (the pages' rule). */
function numbers(c: FunctionCall): number[] | null {
  const out: number[] = [];
  for (let i = 0; i < c.args.length; i++) {
    const v = argNumber(c, i);
    if (v === null) return null;
    out.push(v);
  }
  return out;
}

const unary =
  (name: string, f: (x: number) => number): ScalarFunction =>
  (c) => {
    const a = numbers(c);
    if (!a) return null;
    if (name === 'gamma' || name === 'loggamma') refusePole(name, a[0]);
    return f(a[0]);
  };

/**
 * welch_test (welch-test-function.md): the two-sided p-value of Welch's t-test from each sample's
 * mean, variance and count, as the Wikipedia example the page cites computes it (p = 0.021). The
 * t distribution's tail is the incomplete beta I_(df/(df+t²))(df/2, 1/2). Counts below 2 or two
 * zero variances leave the statistic undefined, and the page does not say what is returned then.
 */
function welchTest(c: FunctionCall): unknown {
  const a = numbers(c);
  if (!a) return null;
  const [m1, v1, n1, m2, v2, n2] = a;
  const s1 = v1 / n1;
  const s2 = v2 / n2;
  if (!(n1 >= 2 && n2 >= 2) || !(v1 >= 0 && v2 >= 0) || s1 + s2 === 0)
    throw new UnsupportedError(
      'welch_test() with a count below 2, a negative variance or two zero variances',
      'the statistic is undefined there and the page does not say what is returned',
    );
  const t = (m1 - m2) / Math.sqrt(s1 + s2);
  const df = (s1 + s2) ** 2 / (s1 ** 2 / (n1 - 1) + s2 ** 2 / (n2 - 1));
  return betaCdf(df / (df + t * t), df / 2, 0.5);
}

export const SPECIAL_MATH_FUNCTIONS: Record<string, ScalarFunction> = {
  welch_test: welchTest,
  erf: unary('erf', erf),
  erfc: unary('erfc', erfc),
  gamma: unary('gamma', gamma),
  loggamma: unary('loggamma', logGamma),
  // beta-cdf-function.md: x outside [0, 1] or a parameter outside (0, 10000] gives NaN.
  beta_cdf: (c) => {
    const a = numbers(c);
    if (!a) return null;
    const [x, alpha, beta] = a;
    if (x < 0 || x > 1 || !(alpha > 0 && alpha <= 10000) || !(beta > 0 && beta <= 10000)) return NaN;
    return betaCdf(x, alpha, beta);
  },
  // beta-pdf-function.md: x outside (0, 1) or a parameter of 0 or less gives NaN.
  beta_pdf: (c) => {
    const a = numbers(c);
    if (!a) return null;
    const [x, alpha, beta] = a;
    if (!(x > 0 && x < 1) || !(alpha > 0) || !(beta > 0)) return NaN;
    return betaPdf(x, alpha, beta);
  },
  // beta-inv-function.md: its notes and its example disagree on which of null and NaN an
  // out-of-range probability or parameter gives, so those inputs are refused.
  beta_inv: (c) => {
    const a = numbers(c);
    if (!a) return null;
    const [p, alpha, beta] = a;
    if (!(p > 0 && p <= 1) || !(alpha > 0) || !(beta > 0))
      throw new UnsupportedError(
        `beta_inv(${p}, ${alpha}, ${beta})`,
        'its page contradicts itself on whether a probability or parameter out of range gives null or NaN',
      );
    return betaInv(p, alpha, beta);
  },
};
