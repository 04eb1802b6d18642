#!/bin/bash
# Submits the sweep as a Slurm array and the merge as a job that waits for all of it.
# Run from the repository root (after `npm ci`): examples/slurm/submit.sh
set -euo pipefail
here=$(dirname "$0")
mkdir -p logs results          # Slurm needs the log folder before any task starts
jobid=$(sbatch --parsable "$here/sweep.sbatch")
merge=$(sbatch --parsable --dependency=afterok:"$jobid" "$here/merge.sbatch")
echo "sweep array $jobid, merge $merge; results/gallium.csv when both are done"
