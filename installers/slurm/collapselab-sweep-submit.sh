#!/bin/bash
# Submits a Collapse Lab parameter sweep to Slurm: an array job of SHARDS tasks, each running one shard
# of the grid (collapselab-sweep.sbatch), and a job that merges the shards once all of them succeeded.
#
#   collapselab-sweep-submit.sh SHARDS OUT_DIR [SWEEP OPTIONS...]
#
# OUT_DIR must be on a file system every node sees. The shards write into OUT_DIR, the merge job runs
#   collapselab-cli sweep-merge OUT_DIR --out OUT_DIR/merged
# and the jobs' own output goes to OUT_DIR/slurm-logs. Prints the two job ids on stdout:
#   sweep_job=<id>
#   merge_job=<id>
# If a shard fails, Slurm cancels the merge job instead of leaving it waiting.
#
# Environment:
#   COLLAPSELAB_CLI           the program the jobs run; collapselab-cli, found on PATH, unless set.
#   COLLAPSELAB_SWEEP_SBATCH  the array job's script; collapselab-sweep.sbatch beside this one unless set.
#   SBATCH_PARTITION, SBATCH_ACCOUNT, SBATCH_TIMELIMIT...  read by sbatch itself, for both jobs.
set -euo pipefail

usage="usage: $0 SHARDS OUT_DIR [SWEEP OPTIONS...]"
shards=${1:?$usage}
out_dir=${2:?$usage}
shift 2
case $shards in '' | *[!0-9]* | 0*) echo "$0: SHARDS must be a positive whole number" >&2; exit 2 ;; esac
script=${COLLAPSELAB_SWEEP_SBATCH:-$(dirname "$0")/collapselab-sweep.sbatch}
cli=${COLLAPSELAB_CLI:-collapselab-cli}

# The jobs run in this folder too, but give them an absolute path all the same.
mkdir -p "$out_dir/slurm-logs"
out_dir=$(cd "$out_dir" && pwd)

# --parsable prints "id" or "id;cluster".
sweep_job=$(sbatch --parsable --array="0-$((shards - 1))" \
    --output="$out_dir/slurm-logs/sweep-%A_%a.out" \
    "$script" "$out_dir" "$@")
sweep_job=${sweep_job%%;*}

# The merge command, quoted for the shell that runs it.
quote() { printf "'%s' " "$(printf %s "$1" | sed "s/'/'\\\\''/g")"; }
merge_job=$(sbatch --parsable --job-name=collapselab-sweep-merge \
    --dependency="afterok:$sweep_job" --kill-on-invalid-dep=yes \
    --output="$out_dir/slurm-logs/merge-%j.out" \
    --wrap="exec $(quote "$cli")sweep-merge $(quote "$out_dir")--out $(quote "$out_dir/merged")") ||
    { scancel "$sweep_job"; echo "$0: could not submit the merge job; cancelled job $sweep_job" >&2; exit 1; }
merge_job=${merge_job%%;*}

echo "sweep_job=$sweep_job"
echo "merge_job=$merge_job"
