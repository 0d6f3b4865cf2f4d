#!/bin/bash
# Stands in for collapselab-cli's sweep commands (which do not exist yet) when testing the Slurm scripts:
#   fake-collapselab-cli.sh sweep [OPTIONS...] --shard K/N --out DIR   writes DIR/shard-K-of-N.txt
#   fake-collapselab-cli.sh sweep-merge DIR --out MERGED               joins them into MERGED/sweep.txt
set -euo pipefail

command=${1:?usage: $0 sweep|sweep-merge ...}
shift
case $command in
    sweep)
        options=() shard='' out=''
        while [ $# -gt 0 ]; do
            case $1 in
                --shard) shard=$2; shift 2 ;;
                --out) out=$2; shift 2 ;;
                *) options+=("$1"); shift ;;
            esac
        done
        [ -n "$shard" ] && [ -n "$out" ] || { echo "$0: sweep needs --shard K/N and --out DIR" >&2; exit 2; }
        mkdir -p "$out"
        sleep 1 # some work
        echo "shard $shard options ${options[*]} job ${SLURM_ARRAY_JOB_ID:-}_${SLURM_ARRAY_TASK_ID:-} node $(hostname -s)" \
            >"$out/shard-${shard%/*}-of-${shard#*/}.txt"
        ;;
    sweep-merge)
        dir=${1:?usage: $0 sweep-merge DIR --out MERGED}
        [ "${2:-}" = --out ] && [ -n "${3:-}" ] || { echo "$0: sweep-merge needs --out MERGED" >&2; exit 2; }
        mkdir -p "$3"
        cat "$dir"/shard-*-of-*.txt >"$3/sweep.txt"
        ;;
    *) echo "$0: unknown command $command" >&2; exit 2 ;;
esac
