// A seeded PRNG (sfc32) and the few distributions the generator needs. Same seed, same numbers,
// on every machine: only +, *, Math.log/exp/sqrt/cos, whose results V8 computes identically.

export function createRandom(seed) {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ (seed * 31);
  let c = 0xb7e15162 ^ (seed * 131);
  let d = 1;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();

  const random = {
    uniform: next,
    /** An integer in [min, max]. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    /** `pairs` is [[value, weight], ...]. */
    weighted(pairs) {
      let total = 0;
      for (const [, w] of pairs) total += w;
      let u = next() * total;
      for (const [value, w] of pairs) {
        u -= w;
        if (u < 0) return value;
      }
      return pairs[pairs.length - 1][0];
    },
    normal(mean = 0, sd = 1) {
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    logNormal: (median, sigma) => median * Math.exp(random.normal(0, sigma)),
    exponential: (mean) => -mean * Math.log(1 - next()),
    poisson(lambda) {
      if (lambda > 40) return Math.max(0, Math.round(random.normal(lambda, Math.sqrt(lambda))));
      const limit = Math.exp(-lambda);
      let k = 0;
      for (let p = next(); p > limit; p *= next()) k++;
      return k;
    },
  };
  return random;
}

/** Walker's alias table: O(1) draws of an index with probability proportional to `weights`. */
export function aliasTable(weights) {
  const n = weights.length;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  const scaled = Float64Array.from(weights, (w) => (w * n) / total);
  const small = [];
  const large = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  while (small.length && large.length) {
    const s = small.pop();
    const l = large.pop();
    prob[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    (scaled[l] < 1 ? small : large).push(l);
  }
  for (const i of [...small, ...large]) prob[i] = 1;
  return (random) => {
    const i = Math.floor(random.uniform() * n);
    return random.uniform() < prob[i] ? i : alias[i];
  };
}

/** Running totals of `weights`, for `pickIndex`. */
export function cumulative(weights) {
  let total = 0;
  return Float64Array.from(weights, (w) => (total += w));
}

/** An index drawn with probability proportional to the weights behind `totals`. */
export function pickIndex(random, totals) {
  const u = random.uniform() * totals[totals.length - 1];
  let i = 0;
  while (i < totals.length - 1 && u >= totals[i]) i++;
  return i;
}
