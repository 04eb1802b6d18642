// One option's trial loop (MODEL §4) on typed arrays: producers, cuts, replacement rationing,
// stocks, availability; then the unmet share U, U_g and time to recover.
// Reference: docs/model.md; input-output rationing in the manner of Hallegatte 2008 (ARIO).
import { adjustPrice, pathLevel, priceIndex } from "./market.ts";
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

/**
 * The producer → consumer-slot arrays of rationing (one entry per pair of a good's producers and
 * slots: the largest arrays of a large network), one set for every simulator of a thread. The
 * simulators of a run share it safely: a trial runs each option to its end before the next, so
 * what one wrote is never read by another except through the pair-factor cache, whose entries
 * carry the epoch they were made in, and epochs are handed out here, unique across the sharers.
 */
export class PairScratch {
  /** what each pair is asked for (then sends) in the rationing round under way */
  readonly pairAsk: Float64Array;
  /** willingness × (1 − blockade) per pair, valid while factorEpoch holds the current epoch */
  readonly pairFactor: Float64Array;
  readonly factorEpoch: Int32Array;
  /** sticky re-sourcing: standing volume per pair (markets only; reset at every trial) */
  readonly kept: Float64Array;
  private epoch = 0;

  constructor(pairs: number, markets: boolean) {
    this.pairAsk = new Float64Array(pairs);
    this.pairFactor = new Float64Array(pairs);
    this.factorEpoch = new Int32Array(pairs).fill(-1);
    this.kept = new Float64Array(markets ? pairs : 0);
  }

  /** Scratch for every program given (the largest pair count, markets if any has them). */
  static forPrograms(programs: readonly Program[]): PairScratch {
    return new PairScratch(Math.max(0, ...programs.map((p) => p.pairFlow.length)), programs.some((p) => p.marketsOn));
  }

  /** A new epoch: every cached pair factor made before it is stale. */
  nextEpoch(): number {
    if (this.epoch === 0x7fffffff) {
      this.factorEpoch.fill(-1);
      this.epoch = 0;
    }
    return ++this.epoch;
  }
}

/** A reusable simulator of one option: it reads a compiled Program and allocates scratch only. */
export class Simulator {
  readonly net: Program;
  readonly horizon: number;
  private readonly planVol: Float64Array;
  private readonly capFactor: Float64Array;
  private readonly useFactor: Float64Array;
  /** per producer Σ planVol over its flows, and per slot slotUse × useFactor: fixed between stage changes */
  private readonly plannedOf: Float64Array;
  private readonly baseUse: Float64Array;
  private readonly flowCut: Float64Array;
  private readonly outage: Float64Array;
  private readonly surge: Float64Array;
  private readonly block: Float64Array;
  private readonly activeEmb: Int32Array;
  private nActiveEmb = 0;
  // Event-driven state: the channels above are rebuilt only when some shock's effective severity
  // changes (a shock starts or ends, a licensing path steps), which a trial does a few times.
  /** effective severity of each shock in the period the channels were built for, −1 when inactive */
  private readonly shockSev: Float64Array;
  /** false at the start of a trial: the channels are rebuilt whatever the severities */
  private channelsValid = false;
  /** the channels changed in this period */
  private channelsChanged = false;
  /** the channels' epoch (PairScratch.nextEpoch): a pair factor is valid while its epoch matches */
  private epoch = 0;
  private readonly factorEpoch: Int32Array;
  private readonly scratch: PairScratch;
  /** willingness × (1 − blockade) per producer→consumer pair under the current channels */
  private readonly pairFactor: Float64Array;
  /** the last stepped period repeats while no event comes: every request is past its ramp */
  private steady = false;
  private ramping = false;
  /**
   * The slots short after rationing in the last stepped period, with what step 4 drew on: the
   * gap, what arrived (inflow + replacement), use, and the last draws from inventory and stockpile.
   */
  private nGaps = 0;
  private readonly gapSlot: Int32Array;
  private readonly gapNeed: Float64Array;
  private readonly gapHave: Float64Array;
  private readonly gapUse: Float64Array;
  private readonly gapInventory: Float64Array;
  private readonly gapStockpile: Float64Array;
  /** 1 where a slot is some producer's input, so that its ratio feeds the next goods' step */
  private readonly feeds: Uint8Array;
  private readonly inflow: Float64Array;
  private readonly useNow: Float64Array;
  private readonly request: Float64Array;
  private readonly received: Float64Array;
  private readonly streak: Int32Array;
  /** commercial inventory, strategic stockpile and availability ratio r per consumer slot */
  readonly inventory: Float64Array;
  readonly stockpile: Float64Array;
  readonly ratio: Float64Array;
  private readonly spare: Float64Array;
  private readonly asked: Float64Array;
  private readonly scale: Float64Array;
  private readonly pairAsk: Float64Array;
  private readonly candidates: Int32Array;
  /** per candidate of a rationing round, its pair row: pair index = candRow[i] + slot */
  private readonly candRow: Int32Array;
  /** goods touched by an active shock this period (a cut flow, an outage, a surge) */
  private readonly goodHit: Uint8Array;
  private readonly inRound: Uint8Array;
  private readonly lossNum: Float64Array;
  private readonly firstShort: Int32Array;
  private readonly recovered: Int32Array;
  // Market state (docs/model.md, "Markets that adapt"): read and written only when
  // net.marketsOn; otherwise the loop is the static model's, operation for operation.
  /** price index per good this period (1 = baseline) */
  readonly price: Float64Array;
  /** demand multiplier in force this period per good, P(t−1)^(−η) */
  private readonly demandMul: Float64Array;
  /** capacity added by the supply response, as a share of each producer's capacity */
  private readonly expand: Float64Array;
  private readonly coerced: Uint8Array;
  /** first period of world shortage per good, or -1 */
  private readonly shortSince: Int32Array;
  /** sticky re-sourcing: standing volume per producer→consumer pair (σ × what moved, at its most), any > 0 per good */
  private readonly kept: Float64Array;
  private readonly keptGood: Uint8Array;
  private readonly everCut: Uint8Array;
  private readonly stickyFactor: Float64Array;
  private readonly refillBase: Float64Array;
  /** Σ_p kept[p, s] per slot, scratch of prepareSticky */
  private readonly standing: Float64Array;
  private t = 0;
  /** Tracing (trajectories): every period runs the full step and records deliveries. */
  private trace = false;
  /** what each flow delivered this period (tracing only) */
  flowDelivered: Float64Array;
  /** what each producer→consumer pair sent outside flows this period: replacement, refill, standing (tracing only) */
  pairSent: Float64Array;

  /** `scratch` may be shared with the other simulators of the thread (PairScratch.forPrograms). */
  constructor(program: Program, scratch = PairScratch.forPrograms([program])) {
    const net = program;
    if (scratch.pairAsk.length < net.pairFlow.length || (net.marketsOn && scratch.kept.length < net.pairFlow.length)) {
      throw new Error("internal: the pair scratch is smaller than the program's pairs");
    }
    this.scratch = scratch;
    this.net = program;
    this.horizon = program.horizon;
    this.planVol = new Float64Array(net.nFlows);
    this.capFactor = new Float64Array(net.nProducers);
    this.useFactor = new Float64Array(net.nSlots);
    this.plannedOf = new Float64Array(net.nProducers);
    this.baseUse = new Float64Array(net.nSlots);
    this.flowCut = new Float64Array(net.nFlows);
    this.outage = new Float64Array(net.nProducers);
    this.surge = new Float64Array(net.nSlots);
    this.block = new Float64Array(net.nCountries);
    this.activeEmb = new Int32Array(net.nShocks);
    this.shockSev = new Float64Array(net.nShocks);
    this.factorEpoch = scratch.factorEpoch;
    this.pairFactor = scratch.pairFactor;
    this.gapSlot = new Int32Array(net.nSlots);
    this.gapNeed = new Float64Array(net.nSlots);
    this.gapHave = new Float64Array(net.nSlots);
    this.gapUse = new Float64Array(net.nSlots);
    this.gapInventory = new Float64Array(net.nSlots);
    this.gapStockpile = new Float64Array(net.nSlots);
    this.feeds = new Uint8Array(net.nSlots);
    for (const s of net.producerInputSlot) this.feeds[s] = 1;
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
    this.pairAsk = scratch.pairAsk;
    this.candidates = new Int32Array(net.nProducers);
    this.candRow = new Int32Array(net.nProducers);
    this.goodHit = new Uint8Array(net.nGoods);
    this.inRound = new Uint8Array(net.nSlots);
    this.lossNum = new Float64Array(net.nScored);
    this.firstShort = new Int32Array(net.nScored);
    this.recovered = new Int32Array(net.nScored);
    this.price = new Float64Array(net.nGoods).fill(1);
    this.demandMul = new Float64Array(net.nGoods).fill(1);
    this.expand = new Float64Array(net.nProducers);
    this.coerced = new Uint8Array(net.nProducers);
    this.shortSince = new Int32Array(net.nGoods);
    // the producer × slot matrices: kept (markets only) is the thread's shared one; pairSent
    // (tracing only) is made when tracing starts: on a large network each is megabytes
    this.kept = scratch.kept;
    this.keptGood = new Uint8Array(net.nGoods);
    this.everCut = new Uint8Array(net.nFlows);
    this.stickyFactor = new Float64Array(net.nSlots);
    this.refillBase = new Float64Array(net.nSlots);
    this.standing = new Float64Array(net.nSlots);
    this.flowDelivered = new Float64Array(0);
    this.pairSent = new Float64Array(0);
  }

  /** Switches tracing on or off (trajectories read flowDelivered, pairSent, stocks, ratio, price). */
  setTracing(on: boolean): void {
    this.trace = on;
    if (on && this.pairSent.length !== this.net.pairFlow.length) {
      this.flowDelivered = new Float64Array(this.net.nFlows);
      this.pairSent = new Float64Array(this.net.pairFlow.length);
    }
  }

  /** Every good steps through the full period (markets on or tracing), not the no-shock shortcut. */
  private get full(): boolean {
    return this.net.marketsOn || this.trace;
  }

  /**
   * Simulates one trial and writes row `row` of `out`.
   * @param stageOn per staged change, 1 where it succeeds in this trial
   */
  run(draws: ShockDraws, stageOn: Uint8Array, out: TrialResults, row: number, onPeriod?: (t: number) => void): void {
    const net = this.net;
    const H = this.horizon;
    if (net.marketsOn) this.resetMarkets();
    this.inventory.set(net.slotInventory);
    this.stockpile.set(net.slotStockpile);
    this.streak.fill(0);
    this.lossNum.fill(0);
    this.firstShort.fill(-1);
    this.recovered.fill(-1);
    this.channelsValid = false;
    this.steady = false;
    let calmUntil = 0;
    let active = 0;
    let quiet = false;
    for (let t = 0; t < H; t++) {
      this.t = t;
      let staged = false;
      if (t < calmUntil) {
        // no shock starts, ends or steps its path and no stage switches at t: channels as at t − 1
        this.channelsChanged = false;
      } else {
        staged = t === 0 || this.stageChangesAt(t, stageOn);
        if (staged) this.applyStages(t, stageOn);
        active = this.applyShocks(t, draws);
        calmUntil = this.nextEvent(t, draws, stageOn);
      }
      if (active === 0 && !this.full) {
        // No shock active: every flow delivers its plan, which equals use (validation and every
        // policy keep that true), so nobody is short and nothing is drawn from stocks.
        if (!quiet || staged) {
          this.ratio.fill(1);
          this.streak.fill(0);
        }
        quiet = true;
        this.steady = false;
        this.scoreQuiet(t);
        onPeriod?.(t);
        continue;
      }
      quiet = false;
      if (!this.steady || staged || this.channelsChanged || !this.repeatStocks()) {
        this.inflow.fill(0);
        this.nGaps = 0;
        this.ramping = false;
        for (let g = 0; g < net.nGoods; g++) this.stepGood(g);
        this.steady = !this.ramping && !this.full;
      }
      // else: the same channels and plan as the last stepped period and every request past its
      // ramp (a streak beyond the switching time asks the same): flows, requests and replacement
      // repeat exactly, so only step 4–5 of the short slots is taken again (repeatStocks).
      this.score(t);
      onPeriod?.(t);
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

  /**
   * Steps 4–5 again for the slots short in the last stepped period, on the same gap and arrivals,
   * operation for operation as stepGood. A slot that feeds a producer must draw exactly what it
   * drew (its ratio reaches the next goods' step); if one cannot, nothing is taken and it returns
   * false, so the period is stepped in full.
   */
  private repeatStocks(): boolean {
    for (let i = 0; i < this.nGaps; i++) {
      const s = this.gapSlot[i]!;
      if (!this.feeds[s]) continue;
      const gap = this.gapNeed[i]!;
      const fromInventory = Math.min(gap, this.inventory[s]!);
      if (fromInventory !== this.gapInventory[i] || Math.min(gap - fromInventory, this.stockpile[s]!) !== this.gapStockpile[i]) return false;
    }
    // a dry slot's ratio holds until the next stepped period; it leaves the list (order is free)
    for (let i = 0; i < this.nGaps; i++) if (this.drawStocks(i)) this.dropGap(i--);
    return true;
  }

  /**
   * Step 4–5 for short slot i of the gap list (its gap, arrivals and use recorded): inventory
   * first, then the strategic stockpile, then availability r. Records the draws and says whether
   * the slot is dry (both stocks empty: nothing refills them with markets off).
   */
  private drawStocks(i: number): boolean {
    const s = this.gapSlot[i]!;
    let gap = this.gapNeed[i]!;
    const fromInventory = Math.min(gap, this.inventory[s]!);
    this.inventory[s]! -= fromInventory;
    gap -= fromInventory;
    const fromStockpile = Math.min(gap, this.stockpile[s]!);
    this.stockpile[s]! -= fromStockpile;
    this.ratio[s] = availability(this.gapHave[i]! + (fromInventory + fromStockpile), this.gapUse[i]!);
    this.gapInventory[i] = fromInventory;
    this.gapStockpile[i] = fromStockpile;
    return fromInventory === 0 && fromStockpile === 0;
  }

  private dropGap(i: number): void {
    const last = --this.nGaps;
    this.gapSlot[i] = this.gapSlot[last]!;
    this.gapNeed[i] = this.gapNeed[last]!;
    this.gapHave[i] = this.gapHave[last]!;
    this.gapUse[i] = this.gapUse[last]!;
    this.gapInventory[i] = this.gapInventory[last]!;
    this.gapStockpile[i] = this.gapStockpile[last]!;
  }

  /** Commercial inventory and strategic stockpile left in a consumer slot after the last run. */
  stocksLeft(slot: number): { inventory: number; stockpile: number } {
    return { inventory: this.inventory[slot]!, stockpile: this.stockpile[slot]! };
  }

  /** The first period after t at which a shock starts, ends or steps its path, or a stage switches. */
  private nextEvent(t: number, d: ShockDraws, stageOn: Uint8Array): number {
    const net = this.net;
    let next = this.horizon;
    for (let j = 0; j < net.nShocks; j++) {
      if (!d.occurs[j]) continue;
      const start = d.start[j]!;
      const end = d.end[j]!;
      // a licensing path may change the severity in every period while the shock lasts
      const e = t < start ? start : t < end ? (d.pathStart[j + 1]! > d.pathStart[j]! ? t + 1 : end) : next;
      if (e < next) next = e;
    }
    for (let k = 0; k < net.nStages; k++) {
      const from = net.stageFrom[k]!;
      if (stageOn[k] && from > t && from < next) next = from;
    }
    return next;
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
    // the same sums and products, in the same order, as the step would take every period
    for (let p = 0; p < net.nProducers; p++) {
      let planned = 0;
      for (let f = net.producerFlowStart[p]!; f < net.producerFlowStart[p + 1]!; f++) planned += this.planVol[f]!;
      this.plannedOf[p] = planned;
    }
    for (let s = 0; s < net.nSlots; s++) this.baseUse[s] = net.slotUse[s]! * this.useFactor[s]!;
  }

  /**
   * Per-period shock channels; overlapping shocks do not stack: the largest severity wins.
   * Returns the number of active shocks.
   */
  private applyShocks(t: number, d: ShockDraws): number {
    const net = this.net;
    let active = 0;
    let changed = !this.channelsValid;
    for (let j = 0; j < net.nShocks; j++) {
      let sev = -1;
      if (d.occurs[j] && t >= d.start[j]! && t < d.end[j]!) {
        active++;
        const p0 = d.pathStart[j]!;
        const p1 = d.pathStart[j + 1]!;
        // a licensing path multiplies the drawn severity by its level at t − start
        sev = p1 > p0 ? d.severity[j]! * pathLevel(d.pathAt, d.pathLevel, p0, p1, t - d.start[j]!) : d.severity[j]!;
      }
      if (sev !== this.shockSev[j]) {
        this.shockSev[j] = sev;
        changed = true;
      }
    }
    this.channelsValid = true;
    this.channelsChanged = changed;
    if (!changed) return active;
    this.epoch = this.scratch.nextEpoch();
    if (active === 0 && !this.full) return 0;
    this.flowCut.fill(0);
    this.outage.fill(0);
    this.surge.fill(0);
    this.block.fill(0);
    this.goodHit.fill(0);
    this.nActiveEmb = 0;
    for (let j = 0; j < net.nShocks; j++) {
      const sev = this.shockSev[j]!;
      if (sev < 0) continue;
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
    const markets = net.marketsOn;
    if (markets) this.demandMul[g] = net.demandEl[g]! > 0 ? this.price[g]! ** -net.demandEl[g]! : 1;
    if (this.isQuiet(g) && (!markets || this.marketQuiet(g))) {
      // nothing cut, out or surging, and every input available: the plan is delivered, as in a
      // period without shocks
      for (let s = s0; s < s1; s++) {
        this.ratio[s] = 1;
        this.streak[s] = 0;
      }
      if (this.trace) this.traceQuiet(g);
      return;
    }
    if (this.trace) this.pairSent.fill(0, net.goodPairStart[g]!, net.goodPairStart[g]! + (p1 - p0) * (s1 - s0));
    const sticky = markets && this.keptGood[g] === 1;
    if (sticky) this.prepareSticky(g);
    // 1–2. producers' capacity (outage, inputs), pro-rata scaling, cuts
    for (let p = p0; p < p1; p++) {
      let cap = net.producerCapacity[p]! * this.capFactor[p]!;
      if (markets) cap *= 1 + this.expand[p]!;
      if (!net.producerImmune[p]) {
        cap *= (1 - this.outage[p]!) * this.inputFactor(p);
      }
      const f0 = net.producerFlowStart[p]!;
      const f1 = net.producerFlowStart[p + 1]!;
      let planned = this.plannedOf[p]!;
      if (sticky) {
        planned = 0;
        for (let f = f0; f < f1; f++) planned += this.stickyPlan(f);
      }
      const scale = planned > cap ? (planned > 0 ? cap / planned : 0) : 1;
      let delivered = 0;
      for (let f = f0; f < f1; f++) {
        const v = (sticky ? this.stickyPlan(f) : this.planVol[f]!) * scale * (1 - this.flowCut[f]!);
        this.inflow[net.flowSlot[f]!]! += v;
        delivered += v;
        if (this.trace) this.flowDelivered[f] = v;
      }
      // a recycling producer supplies its own country only: it has no spare to offer
      this.spare[p] = cap > delivered && !net.producerImmune[p] ? cap - delivered : 0;
      if (markets) this.markCoerced(p, f0, f1);
    }
    if (sticky) this.deliverStanding(g);
    // 3. replacement requests with the qualification ramp
    let anyRequest = false;
    const sw = net.goodSwitch[g]!;
    for (let s = s0; s < s1; s++) {
      let use = this.baseUse[s]! * (1 + this.surge[s]!);
      if (markets) use *= this.demandMul[g]!;
      this.useNow[s] = use;
      this.received[s] = 0;
      const missing = use - this.inflow[s]!;
      if (missing > EPS * use) {
        const k = this.streak[s]!;
        if (k < sw) this.ramping = true;
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
      const have = this.inflow[s]! + this.received[s]!;
      const gap = use - have;
      if (gap > EPS * use) {
        const i = this.nGaps++;
        this.gapSlot[i] = s;
        this.gapNeed[i] = gap;
        this.gapHave[i] = have;
        this.gapUse[i] = use;
        if (this.drawStocks(i)) this.nGaps--; // dry: its ratio holds
      } else {
        this.ratio[s] = availability(have, use);
      }
    }
    if (markets) this.stepMarket(g);
  }

  // ---------------------------------------------------------------------------------------------
  // Markets that adapt (docs/model.md): price and demand, supply response, refill, sticky shares.

  private resetMarkets(): void {
    this.price.fill(1);
    this.demandMul.fill(1);
    this.expand.fill(0);
    this.shortSince.fill(-1);
    this.kept.fill(0);
    this.keptGood.fill(0);
    this.everCut.fill(0);
  }

  /** Nothing of good g's market differs from its baseline: price 1, no standing volume, stocks full. */
  private marketQuiet(g: number): boolean {
    if (this.price[g] !== 1 || this.keptGood[g]) return false;
    const net = this.net;
    if (net.refillPeriods[g]! > 0 || net.stockRefillGood[g]) {
      for (let s = net.goodSlotStart[g]!; s < net.goodSlotStart[g + 1]!; s++) {
        if (this.inventory[s]! < net.slotInventory[s]! * (1 - EPS) && net.refillPeriods[g]! > 0) return false;
        if (this.stockpile[s]! < net.slotStockpile[s]! * (1 - EPS) && net.slotStockpileRefill[s]! > 0) return false;
      }
    }
    return true;
  }

  private traceQuiet(g: number): void {
    const net = this.net;
    const p0 = net.goodProducerStart[g]!;
    const p1 = net.goodProducerStart[g + 1]!;
    for (let f = net.producerFlowStart[p0]!; f < net.producerFlowStart[p1]!; f++) this.flowDelivered[f] = this.planVol[f]!;
    const ns = net.goodSlotStart[g + 1]! - net.goodSlotStart[g]!;
    this.pairSent.fill(0, net.goodPairStart[g]!, net.goodPairStart[g]! + (p1 - p0) * ns);
  }

  /** A producer is coerced this period when it is out, one of its flows is cut, or it embargoes. */
  private markCoerced(p: number, f0: number, f1: number): void {
    const net = this.net;
    let c = this.outage[p]! > 0 ? 1 : 0;
    for (let f = f0; f < f1; f++) {
      if (this.flowCut[f]! > 0) {
        this.everCut[f] = 1;
        c = 1;
      }
    }
    for (let i = 0; i < this.nActiveEmb && c === 0; i++) c = net.embProducer[this.activeEmb[i]! * net.nProducers + p]!;
    this.coerced[p] = c;
  }

  /**
   * Sticky re-sourcing: slot s's standing volume K_s = Σ_p kept[p,s] comes off its flows that were
   * ever cut, pro rata: factor 1 − K_s / C_s with C_s their planned volume (0 when K_s ≥ C_s).
   */
  private prepareSticky(g: number): void {
    const net = this.net;
    const g0 = net.goodProducerStart[g]!;
    const g1 = net.goodProducerStart[g + 1]!;
    const first = net.goodSlotStart[g]!;
    const count = net.goodSlotStart[g + 1]! - first;
    const standing = this.standing;
    for (let s = first; s < first + count; s++) {
      this.stickyFactor[s] = 0;
      standing[s] = 0;
    }
    for (let f = net.producerFlowStart[g0]!; f < net.producerFlowStart[g1]!; f++) {
      if (this.everCut[f]) this.stickyFactor[net.flowSlot[f]!]! += this.planVol[f]!;
    }
    // the pair matrix is producer-major: pair i is slot first + i mod count
    const pairs = net.goodPairStart[g]!;
    for (let i = 0; i < (g1 - g0) * count; i++) standing[first + (i % count)]! += this.kept[pairs + i]!;
    for (let s = first; s < first + count; s++) {
      const c = this.stickyFactor[s]!;
      this.stickyFactor[s] = c > 0 ? Math.max(0, 1 - standing[s]! / c) : 1;
    }
  }

  private stickyPlan(f: number): number {
    return this.everCut[f] ? this.planVol[f]! * this.stickyFactor[this.net.flowSlot[f]!]! : this.planVol[f]!;
  }

  /** The standing volumes, shipped from each new supplier's spare before any replacement. */
  private deliverStanding(g: number): void {
    const net = this.net;
    const p0 = net.goodProducerStart[g]!;
    const s0 = net.goodSlotStart[g]!;
    const ns = net.goodSlotStart[g + 1]! - s0;
    const base = net.goodPairStart[g]!;
    for (let p = p0; p < net.goodProducerStart[g + 1]!; p++) {
      for (let s = s0; s < s0 + ns; s++) {
        const idx = base + (p - p0) * ns + (s - s0);
        const k = this.kept[idx]!;
        if (k <= 0) continue;
        const send = k < this.spare[p]! ? k : this.spare[p]!;
        this.inflow[s]! += send;
        this.spare[p]! -= send;
        if (this.trace) this.pairSent[idx]! += send;
      }
    }
  }

  /** World availability → price index and next period's demand; supply response; stock refill. */
  private stepMarket(g: number): void {
    const net = this.net;
    const s0 = net.goodSlotStart[g]!;
    const s1 = net.goodSlotStart[g + 1]!;
    let got = 0;
    let want = 0;
    let worldGot = 0;
    let worldWant = 0;
    for (let s = s0; s < s1; s++) {
      const use = this.useNow[s]!;
      const have = this.inflow[s]! + this.received[s]!;
      const delivered = have < use ? have : use;
      worldGot += delivered;
      worldWant += use;
      if (net.slotInMarket[s]) {
        got += delivered;
        want += use;
      }
    }
    const a = want > 0 ? got / want : 1;
    const short = worldWant > 0 && worldGot / worldWant < 1 - EPS;
    const target = a < 1 - EPS ? priceIndex(a, net.priceInvEps[g]!, net.priceCap[g]!) : 1;
    this.price[g] = adjustPrice(this.price[g]!, target, net.priceAdjust[g]!);
    if (short && this.shortSince[g]! < 0) this.shortSince[g] = this.t;
    const rate = net.supplyRate[g]!;
    if (short && rate > 0 && this.t - this.shortSince[g]! >= net.supplyLag[g]!) {
      const ceiling = net.supplyCeiling[g]!;
      for (let p = net.goodProducerStart[g]!; p < net.goodProducerStart[g + 1]!; p++) {
        if (!this.coerced[p] && !net.producerImmune[p]) this.expand[p] = Math.min(ceiling, this.expand[p]! + rate);
      }
    }
    if (net.refillPeriods[g]! > 0 || net.stockRefillGood[g]) this.refill(g);
  }

  /**
   * Consumers of g that are not short rebuild commercial inventory toward its starting level,
   * target / refillPeriods per period at most, and a strategic stockpile whose policy asks for it
   * the same way, buying from the spare left after replacement; inventory is filled first.
   */
  private refill(g: number): void {
    const net = this.net;
    const s0 = net.goodSlotStart[g]!;
    const s1 = net.goodSlotStart[g + 1]!;
    let any = false;
    for (let s = s0; s < s1; s++) {
      // not short: this period's deliveries alone cover its use (it drew nothing from stocks)
      const covered = this.inflow[s]! + this.received[s]! >= this.useNow[s]! * (1 - EPS);
      const want = covered
        ? refillWant(net.slotInventory[s]!, this.inventory[s]!, net.refillPeriods[g]!) +
          refillWant(net.slotStockpile[s]!, this.stockpile[s]!, net.slotStockpileRefill[s]!)
        : 0;
      this.refillBase[s] = this.received[s]!;
      this.request[s] = this.received[s]! + want;
      if (want > 0) any = true;
    }
    if (!any) return;
    this.ration(g, -1, true);
    for (let s = s0; s < s1; s++) {
      const got = this.received[s]! - this.refillBase[s]!;
      const toInventory = Math.min(got, refillWant(net.slotInventory[s]!, this.inventory[s]!, net.refillPeriods[g]!));
      this.inventory[s]! += toInventory;
      this.stockpile[s]! += got - toInventory;
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
  private ration(g: number, k: number, refill = false): void {
    const net = this.net;
    const nC = net.nCountries;
    const p0 = net.goodProducerStart[g]!;
    const p1 = net.goodProducerStart[g + 1]!;
    const s0 = net.goodSlotStart[g]!;
    const s1 = net.goodSlotStart[g + 1]!;
    const ns = s1 - s0;
    const members = k * nC;
    const keep = net.marketsOn && !refill ? net.stickyShare[g]! : 0;
    // the hot arrays in locals: the loops below read them once per pair
    const { spare, asked, pairAsk, pairFactor, factorEpoch, request, received, inRound, scale } = this;
    const partnerCountry = net.partnerCountry;
    const epoch = this.epoch;
    // Only producers with spare (and, in a partnership round, members) can send anything; the
    // others would add exact zeros, so leaving them out changes no sum. Each candidate's row of
    // pairs starts at candRow[i] + s (pair index of producer p and slot s).
    const cand = this.candidates;
    const candRow = this.candRow;
    const rowOf = net.goodPairStart[g]! - s0;
    let nCand = 0;
    for (let p = p0; p < p1; p++) {
      if (spare[p]! > 0 && (k < 0 || partnerCountry[members + net.producerCountry[p]!])) {
        candRow[nCand] = rowOf + (p - p0) * ns;
        cand[nCand++] = p;
        asked[p] = 0;
      }
    }
    if (nCand === 0) return;
    let any = false;
    for (let s = s0; s < s1; s++) {
      inRound[s] = 0;
      const want = request[s]! - received[s]!;
      if (want <= 0) continue;
      if (k >= 0 && !partnerCountry[members + net.slotCountry[s]!]) continue;
      let total = 0;
      for (let i = 0; i < nCand; i++) {
        const p = cand[i]!;
        const idx = candRow[i]! + s;
        // willing: spare × (1 − b); unwilling: spare × 0 = 0, the same number as before the cache
        if (factorEpoch[idx] !== epoch) this.pairFactorAt(p, s, idx);
        const e = spare[p]! * pairFactor[idx]!;
        pairAsk[idx] = e;
        total += e;
      }
      if (total <= 0) continue;
      const take = want < total ? want : total;
      for (let i = 0; i < nCand; i++) {
        const idx = candRow[i]! + s;
        const ask = (take * pairAsk[idx]!) / total;
        pairAsk[idx] = ask;
        asked[cand[i]!]! += ask;
      }
      inRound[s] = 1;
      any = true;
    }
    if (!any) return;
    for (let i = 0; i < nCand; i++) {
      const p = cand[i]!;
      const a = asked[p]!;
      scale[p] = a > spare[p]! ? spare[p]! / a : 1;
      asked[p] = 0; // reused below as what p sent
    }
    const trace = this.trace;
    for (let s = s0; s < s1; s++) {
      if (!inRound[s]) continue;
      let got = 0;
      for (let i = 0; i < nCand; i++) {
        const p = cand[i]!;
        const idx = candRow[i]! + s;
        const sent = pairAsk[idx]! * scale[p]!;
        got += sent;
        asked[p]! += sent;
        if (trace) this.pairSent[idx]! += sent;
        // what moved to p this period is its standing volume plus this replacement; a share stays
        if (keep > 0) {
          const stays = keep * (this.kept[idx]! + sent);
          if (stays > this.kept[idx]!) {
            this.kept[idx] = stays;
            this.keptGood[g] = 1;
          }
        }
      }
      received[s]! += got;
    }
    for (let i = 0; i < nCand; i++) {
      const p = cand[i]!;
      const left = spare[p]! - asked[p]!;
      spare[p] = left > 0 ? left : 0;
    }
  }

  /** The pair's factor under the current channels: 1 − blockade where p is willing to serve s's country, else 0. */
  private pairFactorAt(p: number, s: number, idx: number): void {
    const net = this.net;
    const pc = net.producerCountry[p]!;
    const c = net.slotCountry[s]!;
    const b = pc === c ? 0 : Math.max(this.block[pc]!, this.block[c]!);
    this.pairFactor[idx] = this.willing(p, c, idx) ? 1 - b : 0;
    this.factorEpoch[idx] = this.epoch;
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

  /**
   * `score(t)` in a period without any active shock and markets off: every r is 1, so each loss
   * adds (1 − 1) × demand = +0 (demand is finite: file numbers are bounded) and nobody starts a
   * shortfall; only a good short before recovers now, if it had not yet.
   */
  private scoreQuiet(t: number): void {
    for (let h = 0; h < this.net.nScored; h++) {
      if (this.firstShort[h]! >= 0 && this.recovered[h]! < 0) this.recovered[h] = t;
    }
  }

  /** Accumulates the home's unmet demand and recovery times for period t. */
  private score(t: number): void {
    const net = this.net;
    for (let h = 0; h < net.nScored; h++) {
      const s = net.scoredSlot[h]!;
      const r = this.ratio[s]!;
      const demand = net.slotDemand[s]! * this.useFactor[s]! * (1 + this.surge[s]!);
      // with a demand response, the demand given up at the high price counts as unmet: 1 − d·r
      this.lossNum[h]! += (1 - (net.marketsOn ? this.demandMul[net.scoredGood[h]!]! * r : r)) * demand;
      const first = this.firstShort[h]!;
      if (first < 0) {
        if (r < 1) this.firstShort[h] = t;
      } else if (this.recovered[h]! < 0 && r >= 0.99) {
        this.recovered[h] = t;
      }
    }
  }
}

/** Availability r = have / use, 1 within rounding of full (and for no use). */
function availability(have: number, use: number): number {
  const r = use > 0 ? have / use : 1;
  return r > 1 - EPS ? 1 : r;
}

/** What a stock wants this period: min(target − level, target / periods); 0 when full or periods = 0. */
function refillWant(target: number, level: number, periods: number): number {
  const gap = target - level;
  return periods > 0 && gap > EPS * target ? Math.min(gap, target / periods) : 0;
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
