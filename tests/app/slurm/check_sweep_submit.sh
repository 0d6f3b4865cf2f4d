#!/bin/bash
# Submits a small sweep of SHARDS shards with installers/slurm/collapselab-sweep-submit.sh, waits (at most
# 3 minutes) for the merge job, and compares the merged sweep.csv byte for byte with the same sweep run on
# this machine in one go. Run it inside the test cluster:
#   tests/app/slurm/one_node_slurm.sh WORKDIR -- tests/app/slurm/check_sweep_submit.sh 3 WORKDIR/sweep
# COLLAPSELAB_CLI is the program the jobs run (required); COLLAPSELAB_SWEEP_SUBMIT the submit script,
# installers/slurm/collapselab-sweep-submit.sh unless set.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
shards=${1:?usage: $0 SHARDS OUT_DIR}
out=${2:?usage: $0 SHARDS OUT_DIR}
: "${COLLAPSELAB_CLI:?set COLLAPSELAB_CLI to collapselab-cli}"
export COLLAPSELAB_CLI
fail() { echo "check_sweep_submit: $*" >&2; exit 1; }

sweep=(--preset gaussian-theorem --generations 30 --replicates 40 --vary samples=10:1000:3:log --vary human_fraction=0,0.1,0.2)

rm -rf "$out" "$out.one-machine"
start=$SECONDS
submit=${COLLAPSELAB_SWEEP_SUBMIT:-$here/../../../installers/slurm/collapselab-sweep-submit.sh}
ids=$("$submit" "$shards" "$out" "${sweep[@]}")
echo "$ids"
sweep_job=$(echo "$ids" | sed -n 's/^sweep_job=//p')
merge_job=$(echo "$ids" | sed -n 's/^merge_job=//p')
[ -n "$sweep_job" ] && [ -n "$merge_job" ] || fail "the submit script printed no job ids"

# The same sweep on this machine, while the cluster works.
"$COLLAPSELAB_CLI" sweep "${sweep[@]}" --out "$out.one-machine" 2>/dev/null

# scontrol shows a finished job for MinJobAge seconds; an empty answer means it is gone as well.
state=''
while :; do
    state=$(scontrol show job -o "$merge_job" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
    case $state in PENDING | CONFIGURING | RUNNING | COMPLETING | SUSPENDED) ;; *) break ;; esac
    [ $((SECONDS - start)) -lt 180 ] || { squeue -t all; fail "the merge job is still $state after 3 minutes"; }
    sleep 0.5
done
echo "merge job $merge_job ${state:-gone} $((SECONDS - start)) s after submission"
scontrol show job -o "$sweep_job" 2>/dev/null | sed -n 's/^JobId=\([0-9]*\) .*ArrayTaskId=\([0-9]*\) .*JobState=\([A-Z_]*\).*/task \2 (job \1): \3/p'

[ "$state" = COMPLETED ] || { tail -n 20 "$out"/slurm-logs/* >&2 || true; fail "the merge job ended $state"; }
merged=$out/merged/sweep.csv
[ -s "$merged" ] || fail "no $merged"
for ((k = 1; k <= shards; k++)); do
    grep -q "shard $k/$shards" "$out"/slurm-logs/sweep-*.out || fail "no log of shard $k/$shards"
done
cmp "$merged" "$out.one-machine/sweep.csv" || fail "the merged sweep.csv differs from the one-machine sweep's"
echo "$shards shards merged into $(($(wc -l <"$merged") - 1)) rows, byte for byte the one-machine sweep"
