// One option's trial loop (MODEL §4) on typed arrays: producers, cuts, replacement rationing,
// stocks, availability; then the unmet share U, U_g and time to recover.
// Reference: docs/model.md; input-output rationing in the manner of Hallegatte 2008 (ARIO).
import type { Program } from "./program.ts";
import type { ShockDraws } from "./sample.ts";

/** Relative tolerance below which a shortfall is rounding, not a shortfall. */
const EPS = 1e-9;

/** Per-trial results of one option, in trial order; row i is trial `first + i`. */
export interface TrialResults {
  first: number;
  count: number;
  nScored: number;
  /** unmet share U per trial */
  unmet: Float64Array;
  /** U_g per trial and scored good: [i * nScored + h] */
  unmetGood: Float64Array;
  /** time to recover per trial and scored good; NaN where the good never fell short */
  ttr: Float64Array;
  /** period of the first shortfall (r < 1) per trial and scored good; NaN where it never fell short */
  firstShort: Float64Array;
}

/**
 * Result arrays for trials [first, first + count). With `shared`, they live in SharedArrayBuffers
 * that worker threads fill in place.
 */
export function newTrialResults(first: number, count: number, nScored: number, shared = false): TrialResults {
  const array = (n: number) =>
    shared ? new Float64Array(new SharedArrayBuffer(n * Float64Array.BYTES_PER_ELEMENT)) : new Float64Array(n);
  return {
    first,
    count,
    nScored,
    unmet: array(count),
    unmetGood: array(count * nScored),
    ttr: array(count * nScored),
    firstShort: array(count * nScored),
  };
}

/** A reusable simulator of one option: it reads a compiled Program and allocates scratch only. */
export class Simulator {
  readonly net: Program;
  readonly horizon: number;
  private readonly planVol: Float64Array;
  private readonly capFactor: Float64Array;
  private readonly useFactor: Float64Array;
  private readonly flowCut: Float64Array;
  private readonly outage: Float64Array;
  private readonly surge: Float64Array;
  private readonly block: Float64Array;
  private readonly activeEmb: Int32Array;
  private nActiveEmb = 0;
  private readonly inflow: Float64Array;
  private readonly useNow: Float64Array;
  private readonly request: Float64Array;
  private readonly received: Float64Array;
  private readonly streak: Int32Array;
  private readonly inventory: Float64Array;
  private readonly stockpile: Float64Array;
  private readonly ratio: Float64Array;
  private readonly spare: Float64Array;
  private readonly asked: Float64Array;
  private readonly scale: Float64Array;
  private readonly pairAsk: Float64Array;
  private readonly candidates: Int32Array;
  /** goods touched by an active shock this period (a cut flow, an outage, a surge) */
  private readonly goodHit: Uint8Array;
  private readonly inRound: Uint8Array;
  private readonly lossNum: Float64Array;
  private readonly firstShort: Int32Array;
  private readonly recovered: Int32Array;

  constructor(program: Program) {
    const net = program;
    this.net = program;
    this.horizon = program.horizon;
    this.planVol = new Float64Array(net.nFlows);
    this.capFactor = new Float64Array(net.nProducers);
    this.useFactor = new Float64Array(net.nSlots);
    this.flowCut = new Float64Array(net.nFlows);
    this.outage = new Float64Array(net.nProducers);
    this.surge = new Float64Array(net.nSlots);
    this.block = new Float64Array(net.nCountries);
    this.activeEmb = new Int32Array(net.nShocks);
    this.inflow = new Float64Array(net.nSlots);
    this.useNow = new Float64Array(net.nSlots);
    this.request = new Float64Array(net.nSlots);
    this.received = new Float64Array(net.nSlots);
    this.streak = new Int32Array(net.nSlots);
    this.inventory = new Float64Array(net.nSlots);
    this.stockpile = new Float64Array(net.nSlots);
    this.ratio = new Float64Array(net.nSlots);
    this.spare = new Float64Array(net.nProducers);
    this.asked = new Float64Array(net.nProducers);
    this.scale = new Float64Array(net.nProducers);
    this.pairAsk = new Float64Array(net.pairFlow.length);
    this.candidates = new Int32Array(net.nProducers);
    this.goodHit = new Uint8Array(net.nGoods);
    this.inRound = new Uint8Array(net.nSlots);
    this.lossNum = new Float64Array(net.nScored);
    this.firstShort = new Int32Array(net.nScored);
    this.recovered = new Int32Array(net.nScored);
  }

  /**
   * Simulates one trial and writes row `row` of `out`.
   * @param stageOn per staged change, 1 where it succeeds in this trial
   * @param trace when given, receives the availability of every scored good in every period: [t * nScored + h]
   */
  run(draws: ShockDraws, stageOn: Uint8Array, out: TrialResults, row: number, trace?: Float64Array): void {
    const net = this.net;
    const H = this.horizon;
    this.inventory.set(net.slotInventory);
    this.stockpile.set(net.slotStockpile);
    this.streak.fill(0);
    this.lossNum.fill(0);
    this.firstShort.fill(-1);
    this.recovered.fill(-1);
    for (let t = 0; t < H; t++) {
      if (t === 0 || this.stageChangesAt(t, stageOn)) this.applyStages(t, stageOn);
      if (this.applyShocks(t, draws) === 0) {
        // No shock active: every flow delivers its plan, which equals use (validation and every
        // policy keep that true), so nobody is short and nothing is drawn from stocks.
        this.ratio.fill(1);
        this.streak.fill(0);
      } else {
        this.inflow.fill(0);
        for (let g = 0; g < net.nGoods; g++) this.stepGood(g);
      }
      this.score(t);
      if (trace !== undefined) for (let h = 0; h < net.nScored; h++) trace[t * net.nScored + h] = this.ratio[net.scoredSlot[h]!]!;
    }
    const nS = net.nScored;
    let total = 0;
    for (let h = 0; h < nS; h++) {
      const s = net.scoredSlot[h]!;
      total += net.goodWeight[net.scoredGood[h]!]! * this.lossNum[h]!;
      out.unmetGood[row * nS + h] = this.lossNum[h]! / (H * net.slotDemand0[s]!);
      const first = this.firstShort[h]!;
      out.ttr[row * nS + h] = first < 0 ? Number.NaN : (this.recovered[h]! >= 0 ? this.recovered[h]! : H) - first;
      out.firstShort[row * nS + h] = first < 0 ? Number.NaN : first;
    }
    out.unmet[row] = net.scoredWeight > 0 ? total / (H * net.scoredWeight) : 0;
  }

  /** Commercial inventory and strategic stockpile left in a consumer slot after the last run. */
  stocksLeft(slot: number): { inventory: number; stockpile: number } {
    return { inventory: this.inventory[slot]!, stockpile: this.stockpile[slot]! };
  }

  private stageChangesAt(t: number, stageOn: Uint8Array): boolean {
    const net = this.net;
    for (let k = 0; k < net.nStages; k++) if (stageOn[k] && net.stageFrom[k] === t) return true;
    return false;
  }

  private applyStages(t: number, stageOn: Uint8Array): void {
    const net = this.net;
    this.planVol.set(net.flowVolume);
    this.capFactor.fill(1);
    this.useFactor.fill(1);
    for (let k = 0; k < net.nStages; k++) {
      const on = stageOn[k] === 1 && t >= net.stageFrom[k]!;
      for (let i = net.stageFlowStart[k]!; i < net.stageFlowStart[k + 1]!; i++) {
        this.planVol[net.stageFlow[i]!]! *= on ? net.stageFlowAfter[i]! : net.stageFlowBefore[i]!;
      }
      for (let i = net.stageSlotStart[k]!; i < net.stageSlotStart[k + 1]!; i++) {
        this.useFactor[net.stageSlot[i]!]! *= on ? net.stageSlotAfter[i]! : net.stageSlotBefore[i]!;
      }
      for (let i = net.stageProducerStart[k]!; i < net.stageProducerStart[k + 1]!; i++) {
        this.capFactor[net.stageProducer[i]!]! *= on ? net.stageProducerAfter[i]! : net.stageProducerBefore[i]!;
      }
    }
  }

  /**
   * Per-period shock channels; overlapping shocks do not stack: the largest severity wins.
   * Returns the number of active shocks.
   */
  private applyShocks(t: number, d: ShockDraws): number {
    const net = this.net;
    let active = 0;
    for (let j = 0; j < net.nShocks; j++) if (d.occurs[j] && t >= d.start[j]! && t < d.end[j]!) active++;
    if (active === 0) return 0;
    this.flowCut.fill(0);
    this.outage.fill(0);
    this.surge.fill(0);
    this.block.fill(0);
    this.goodHit.fill(0);
    this.nActiveEmb = 0;
    for (let j = 0; j < net.nShocks; j++) {
      if (!d.occurs[j] || t < d.start[j]! || t >= d.end[j]!) continue;
      const sev = d.severity[j]!;
      const hit = sev > 0 ? 1 : 0;
      for (let i = net.cutStart[j]!; i < net.cutStart[j + 1]!; i++) {
        const f = net.cutFlows[i]!;
        if (sev > this.flowCut[f]!) this.flowCut[f] = sev;
        this.goodHit[net.flowGood[f]!]! |= hit;
      }
      for (let i = net.outStart[j]!; i < net.outStart[j + 1]!; i++) {
        const p = net.outProducers[i]!;
        if (sev > this.outage[p]!) this.outage[p] = sev;
        this.goodHit[net.producerGood[p]!]! |= hit;
      }
      for (let i = net.surgeStart[j]!; i < net.surgeStart[j + 1]!; i++) {
        const s = net.surgeSlots[i]!;
        if (sev > this.surge[s]!) this.surge[s] = sev;
        this.goodHit[net.slotGood[s]!]! |= hit;
      }
      const c = net.blockCountry[j]!;
      if (c >= 0 && sev > this.block[c]!) this.block[c] = sev;
      if (net.isEmbargo[j]) this.activeEmb[this.nActiveEmb++] = j;
    }
    return active;
  }

  /** Steps 1–5 of MODEL §4 for one good in one period. */
  private stepGood(g: number): void {
    const net = this.net;
    const p0 = net.goodProducerStart[g]!;
    const p1 = net.goodProducerStart[g + 1]!;
    const s0 = net.goodSlotStart[g]!;
    const s1 = net.goodSlotStart[g + 1]!;
    if (this.isQuiet(g)) {
      // nothing cut, out or surging, and every input available: the plan is delivered, as in a
      // period without shocks
      for (let s = s0; s < s1; s++) {
        this.ratio[s] = 1;
        this.streak[s] = 0;
      }
      return;
    }
    // 1–2. producers' capacity (outage, inputs), pro-rata scaling, cuts
    for (let p = p0; p < p1; p++) {
      let cap = net.producerCapacity[p]! * this.capFactor[p]!;
      if (!net.producerImmune[p]) {
        cap *= (1 - this.outage[p]!) * this.inputFactor(p);
      }
      const f0 = net.producerFlowStart[p]!;
      const f1 = net.producerFlowStart[p + 1]!;
      let planned = 0;
      for (let f = f0; f < f1; f++) planned += this.planVol[f]!;
      const scale = planned > cap ? (planned > 0 ? cap / planned : 0) : 1;
      let delivered = 0;
      for (let f = f0; f < f1; f++) {
        const v = this.planVol[f]! * scale * (1 - this.flowCut[f]!);
        this.inflow[net.flowSlot[f]!]! += v;
        delivered += v;
      }
      // a recycling producer supplies its own country only: it has no spare to offer
      this.spare[p] = cap > delivered && !net.producerImmune[p] ? cap - delivered : 0;
    }
    // 3. replacement requests with the qualification ramp
    let anyRequest = false;
    const sw = net.goodSwitch[g]!;
    for (let s = s0; s < s1; s++) {
      const use = net.slotUse[s]! * this.useFactor[s]! * (1 + this.surge[s]!);
      this.useNow[s] = use;
      this.received[s] = 0;
      const missing = use - this.inflow[s]!;
      if (missing > EPS * use) {
        const k = this.streak[s]!;
        const req = sw > 0 ? missing * Math.min(1, k / sw) : missing;
        this.streak[s] = k + 1;
        this.request[s] = req;
        if (req > 0) anyRequest = true;
      } else {
        this.streak[s] = 0;
        this.request[s] = 0;
      }
    }
    if (anyRequest) {
      for (let k = 0; k < net.nPartnerships; k++) {
        if (net.partnerGood[k * net.nGoods + g]) this.ration(g, k);
      }
      this.ration(g, -1);
    }
    // 4–5. stocks, then availability
    for (let s = s0; s < s1; s++) {
      const use = this.useNow[s]!;
      let have = this.inflow[s]! + this.received[s]!;
      let gap = use - have;
      if (gap > EPS * use) {
        const fromInventory = Math.min(gap, this.inventory[s]!);
        this.inventory[s]! -= fromInventory;
        gap -= fromInventory;
        const fromStockpile = Math.min(gap, this.stockpile[s]!);
        this.stockpile[s]! -= fromStockpile;
        have += fromInventory + fromStockpile;
      }
      const r = use > 0 ? have / use : 1;
      this.ratio[s] = r > 1 - EPS ? 1 : r;
    }
  }

  /** No active shock touches good g and all its inputs are fully available this period. */
  private isQuiet(g: number): boolean {
    if (this.goodHit[g]) return false;
    const net = this.net;
    for (let i = net.goodInputStart[g]!; i < net.goodInputStart[g + 1]!; i++) {
      if (this.ratio[net.goodInputSlot[i]!]! < 1) return false;
    }
    return true;
  }

  /** Leontief: the scarcest input bounds output. */
  private inputFactor(p: number): number {
    const net = this.net;
    let f = 1;
    for (let i = net.producerInputStart[p]!; i < net.producerInputStart[p + 1]!; i++) {
      const r = this.ratio[net.producerInputSlot[i]!]!;
      if (r < f) f = r;
    }
    return f;
  }

  /**
   * One round of rationing (MODEL §4 step 3 a–c) for good g: partnership k's members among
   * themselves, or everyone (k = -1) with the spare that is left.
   */
  private ration(g: number, k: number): void {
    const net = this.net;
    const nC = net.nCountries;
    const p0 = net.goodProducerStart[g]!;
    const p1 = net.goodProducerStart[g + 1]!;
    const s0 = net.goodSlotStart[g]!;
    const s1 = net.goodSlotStart[g + 1]!;
    const ns = s1 - s0;
    const base = net.goodPairStart[g]!;
    const members = k * nC;
    // Only producers with spare (and, in a partnership round, members) can send anything; the
    // others would add exact zeros, so leaving them out changes no sum.
    const cand = this.candidates;
    let nCand = 0;
    for (let p = p0; p < p1; p++) {
      if (this.spare[p]! > 0 && (k < 0 || net.partnerCountry[members + net.producerCountry[p]!])) {
        cand[nCand++] = p;
        this.asked[p] = 0;
      }
    }
    if (nCand === 0) return;
    let any = false;
    for (let s = s0; s < s1; s++) {
      this.inRound[s] = 0;
      const want = this.request[s]! - this.received[s]!;
      if (want <= 0) continue;
      const c = net.slotCountry[s]!;
      if (k >= 0 && !net.partnerCountry[members + c]) continue;
      let total = 0;
      for (let i = 0; i < nCand; i++) {
        const p = cand[i]!;
        const idx = base + (p - p0) * ns + (s - s0);
        let e = 0;
        if (this.willing(p, c, idx)) {
          const pc = net.producerCountry[p]!;
          const b = pc === c ? 0 : Math.max(this.block[pc]!, this.block[c]!);
          e = this.spare[p]! * (1 - b);
        }
        this.pairAsk[idx] = e;
        total += e;
      }
      if (total <= 0) continue;
      const take = want < total ? want : total;
      for (let i = 0; i < nCand; i++) {
        const p = cand[i]!;
        const idx = base + (p - p0) * ns + (s - s0);
        const ask = (take * this.pairAsk[idx]!) / total;
        this.pairAsk[idx] = ask;
        this.asked[p]! += ask;
      }
      this.inRound[s] = 1;
      any = true;
    }
    if (!any) return;
    for (let i = 0; i < nCand; i++) {
      const p = cand[i]!;
      const a = this.asked[p]!;
      this.scale[p] = a > this.spare[p]! ? this.spare[p]! / a : 1;
      this.asked[p] = 0; // reused below as what p sent
    }
    for (let s = s0; s < s1; s++) {
      if (!this.inRound[s]) continue;
      let got = 0;
      for (let i = 0; i < nCand; i++) {
        const p = cand[i]!;
        const sent = this.pairAsk[base + (p - p0) * ns + (s - s0)]! * this.scale[p]!;
        got += sent;
        this.asked[p]! += sent;
      }
      this.received[s]! += got;
    }
    for (let i = 0; i < nCand; i++) {
      const p = cand[i]!;
      const left = this.spare[p]! - this.asked[p]!;
      this.spare[p] = left > 0 ? left : 0;
    }
  }

  /** Is producer p willing to serve country c this period (MODEL §4 step 3)? */
  private willing(p: number, c: number, pairIndex: number): boolean {
    const net = this.net;
    const owner = net.producerStandbyOwner[p]!;
    if (owner >= 0 && owner !== c) return false;
    // any of p's flows to c being cut this period (a producer may ship by several routes)
    for (let f = net.pairFlow[pairIndex]!; f >= 0; f = net.flowNextInPair[f]!) {
      if (this.flowCut[f]! > 0) return false;
    }
    for (let i = 0; i < this.nActiveEmb; i++) {
      const j = this.activeEmb[i]!;
      if (net.embProducer[j * net.nProducers + p] && net.embCountry[j * net.nCountries + c]) return false;
    }
    return true;
  }

  /** Accumulates the home's unmet demand and recovery times for period t. */
  private score(t: number): void {
    const net = this.net;
    for (let h = 0; h < net.nScored; h++) {
      const s = net.scoredSlot[h]!;
      const r = this.ratio[s]!;
      const demand = net.slotDemand[s]! * this.useFactor[s]! * (1 + this.surge[s]!);
      this.lossNum[h]! += (1 - r) * demand;
      const first = this.firstShort[h]!;
      if (first < 0) {
        if (r < 1) this.firstShort[h] = t;
      } else if (this.recovered[h]! < 0 && r >= 0.99) {
        this.recovered[h] = t;
      }
    }
  }
}

/** Copies a range's results into a larger range that contains it, at the right rows. */
export function placeResults(into: TrialResults, part: TrialResults): void {
  const row = part.first - into.first;
  const n = into.nScored;
  into.unmet.set(part.unmet, row);
  into.unmetGood.set(part.unmetGood, row * n);
  into.ttr.set(part.ttr, row * n);
  into.firstShort.set(part.firstShort, row * n);
}
