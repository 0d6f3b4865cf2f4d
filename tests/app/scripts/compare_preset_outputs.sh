#!/usr/bin/env bash
# Runs every built-in preset with two builds of collapselab-cli and compares what they write byte for
# byte: a change that must not alter any result (a restructuring, a speed-up that keeps the sampling)
# is checked against the program before it.
#
#   tests/app/scripts/compare_preset_outputs.sh REFERENCE_CLI CANDIDATE_CLI [WORK_DIR]
#
# REFERENCE_CLI is, for example, 0.1.0's program:
#   git worktree add /tmp/collapselab-0.1.0 2f5ff1d   # the commit of 0.1.0
#   cmake -S /tmp/collapselab-0.1.0 -B /tmp/collapselab-0.1.0/build -G Ninja -DCMAKE_BUILD_TYPE=Release \
#         -DCOLLAPSELAB_BUILD_TESTS=OFF && cmake --build /tmp/collapselab-0.1.0/build --target collapselab-cli
# Every preset runs with --generations 6 --replicates 3 --seed 7; the VAE's with --samples 600
# --set epochs=1 --generations 2 --replicates 1. Presets that only the candidate knows are skipped.
# Exit status 0 when every file is identical, 1 otherwise.
set -euo pipefail

reference=${1:?usage: $0 REFERENCE_CLI CANDIDATE_CLI [WORK_DIR]}
candidate=${2:?usage: $0 REFERENCE_CLI CANDIDATE_CLI [WORK_DIR]}
work=${3:-$(mktemp -d)}

preset_names() { "$1" presets | awk 'NF { print $1 }'; }

failures=0
compared=0
for preset in $(preset_names "$reference"); do
    case "$preset" in
        vae-*) options=(--samples 600 --set epochs=1 --generations 2 --replicates 1) ;;
        *) options=(--generations 6 --replicates 3 --seed 7) ;;
    esac
    for side in reference candidate; do
        rm -rf "$work/$side/$preset"
        "${!side}" run --preset "$preset" "${options[@]}" --out "$work/$side/$preset" 2>/dev/null
    done
    while IFS= read -r file; do
        compared=$((compared + 1))
        if ! cmp -s "$work/reference/$preset/$file" "$work/candidate/$preset/$file"; then
            echo "differs: $preset/$file" >&2
            failures=$((failures + 1))
        fi
    done < <(cd "$work/reference/$preset" && find . -type f | sort)
done
echo "$compared files compared, $failures differ"
[ "$failures" -eq 0 ]
