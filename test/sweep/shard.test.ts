import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.ts";
import { resolveShard } from "../../src/sweep/shard.ts";

describe("shard selection", () => {
  it("takes k/N with a 1-based k", () => {
    expect(resolveShard({ shard: "2/8" }, {})).toEqual({ index: 2, of: 8 });
    expect(resolveShard({}, {})).toBeUndefined();
    expect(() => resolveShard({ shard: "0/8" }, {})).toThrow(UsageError);
    expect(() => resolveShard({ shard: "9/8" }, {})).toThrow(/at most N/);
  });

  it("takes the index from a Kubernetes Indexed Job (0-based JOB_COMPLETION_INDEX)", () => {
    expect(resolveShard({ shard: "auto/4" }, { JOB_COMPLETION_INDEX: "0" })).toEqual({ index: 1, of: 4 });
    expect(resolveShard({ shards: 4 }, { JOB_COMPLETION_INDEX: "3" })).toEqual({ index: 4, of: 4 });
    expect(() => resolveShard({ shards: 4 }, { JOB_COMPLETION_INDEX: "4" })).toThrow(/more tasks/);
  });

  it("takes the index from a Slurm array, counting from its first task id", () => {
    expect(resolveShard({ shards: 4 }, { SLURM_ARRAY_TASK_ID: "2" })).toEqual({ index: 3, of: 4 });
    expect(resolveShard({ shards: 4 }, { SLURM_ARRAY_TASK_ID: "4", SLURM_ARRAY_TASK_MIN: "1" })).toEqual({ index: 4, of: 4 });
  });

  it("says where the index comes from when neither variable is set", () => {
    expect(() => resolveShard({ shards: 4 }, {})).toThrow(/JOB_COMPLETION_INDEX .* SLURM_ARRAY_TASK_ID/);
    expect(() => resolveShard({ shard: "2/4", shards: 4 }, {})).toThrow(/not both/);
  });
});
