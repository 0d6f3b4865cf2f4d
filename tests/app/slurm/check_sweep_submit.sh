#!/bin/bash
# Submits a sweep of SHARDS shards with installers/slurm/collapselab-sweep-submit.sh, waits (at most
# 3 minutes) for the merge job, and checks that it merged every shard. Run it inside the test cluster:
#   tests/app/slurm/one_node_slurm.sh WORKDIR -- tests/app/slurm/check_sweep_submit.sh 3 WORKDIR/sweep
# COLLAPSELAB_CLI is the program the jobs run: fake-collapselab-cli.sh beside this script unless set;
# COLLAPSELAB_SWEEP_SUBMIT the submit script: installers/slurm/collapselab-sweep-submit.sh unless set.
# The checks of the merged file below expect the fake's output.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
shards=${1:?usage: $0 SHARDS OUT_DIR}
out=${2:?usage: $0 SHARDS OUT_DIR}
export COLLAPSELAB_CLI=${COLLAPSELAB_CLI:-$here/fake-collapselab-cli.sh}
fail() { echo "check_sweep_submit: $*" >&2; exit 1; }

rm -rf "$out"
start=$SECONDS
submit=${COLLAPSELAB_SWEEP_SUBMIT:-$here/../../../installers/slurm/collapselab-sweep-submit.sh}
ids=$("$submit" "$shards" "$out" --preset gmm-paper --generations 3)
echo "$ids"
sweep_job=$(echo "$ids" | sed -n 's/^sweep_job=//p')
merge_job=$(echo "$ids" | sed -n 's/^merge_job=//p')
[ -n "$sweep_job" ] && [ -n "$merge_job" ] || fail "the submit script printed no job ids"

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
merged=$out/merged/sweep.txt
[ -s "$merged" ] || fail "no $merged"
cat "$merged"
for ((k = 1; k <= shards; k++)); do
    grep -q "^shard $k/$shards options --preset gmm-paper --generations 3 job ${sweep_job}_$((k - 1)) " "$merged" ||
        fail "$merged lacks shard $k/$shards"
done
[ "$(wc -l <"$merged")" -eq "$shards" ] || fail "$merged has $(wc -l <"$merged") lines, not $shards"
echo "all $shards shards merged"
