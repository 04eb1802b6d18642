// Inverse-CDF sampling of the scenario distributions: one uniform in, one value out.
// Reference: Wichura 1988 (AS241) for the normal quantile; W. J. Cody's erfc for the normal CDF.
import type { Distribution } from "../kinds/fields.ts";

/** Turns the uniform `u` in [0, 1) into a draw from `d`. A constant ignores `u`. */
export function inverseCdf(d: Distribution, u: number): number {
  if (typeof d === "number") return d;
  switch (d.dist) {
    case "uniform":
      return d.min + u * (d.max - d.min);
    case "triangular": {
      const { min: a, mode: c, max: b } = d;
      if (b === a) return a;
      const fc = (c - a) / (b - a);
      return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case "normal": {
      if (d.sd === 0) return clamp(d.mean, d.min ?? -Infinity, d.max ?? Infinity);
      const lo = d.min === undefined ? 0 : normalCdf((d.min - d.mean) / d.sd);
      const hi = d.max === undefined ? 1 : normalCdf((d.max - d.mean) / d.sd);
      const x = d.mean + d.sd * normalQuantile(lo + u * (hi - lo));
      return clamp(x, d.min ?? -Infinity, d.max ?? Infinity);
    }
    case "lognormal":
      return Math.exp(d.mu + d.sigma * normalQuantile(u));
    case "choice": {
      const n = d.values.length;
      const weights = d.weights;
      if (weights === undefined) return d.values[Math.min(n - 1, Math.floor(u * n))] as number;
      let total = 0;
      for (const w of weights) total += w;
      let acc = 0;
      const target = u * total;
      for (let i = 0; i < n; i++) {
        acc += weights[i] as number;
        if (target < acc) return d.values[i] as number;
      }
      // u close to 1 with rounding: the last value with positive weight
      for (let i = n - 1; i >= 0; i--) if ((weights[i] as number) > 0) return d.values[i] as number;
      return d.values[n - 1] as number;
    }
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Standard normal CDF, accurate to about 1e-15 relative (Cody's rational erfc). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

function erfc(x: number): number {
  const ax = Math.abs(x);
  let r: number;
  if (ax < 3) {
    // erf by its Maclaurin series: 2/√π Σ (−1)ⁿ x^(2n+1) / (n! (2n+1))
    let term = ax;
    let sum = ax;
    const x2 = ax * ax;
    for (let n = 1; n < 200; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    r = 1 - (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    // continued fraction x + (1/2)/(x + 1/(x + (3/2)/(x + …))) by modified Lentz
    const tiny = 1e-300;
    let f = ax;
    let C = f;
    let D = 0;
    for (let n = 1; n < 500; n++) {
      const a = n / 2;
      D = ax + a * D;
      D = D === 0 ? 1 / tiny : 1 / D;
      C = ax + a / C;
      if (C === 0) C = tiny;
      const delta = C * D;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    r = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  }
  return x >= 0 ? r : 2 - r;
}

/** Standard normal quantile by Wichura's AS241 (PPND16), accurate to about 1e-16. */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) *
          r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) *
        r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) *
        r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) *
        r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    val =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) *
        r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) *
        r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -val : val;
}
