#!/bin/bash
# Starts a private one-node Slurm cluster on this machine, runs a command against it, and stops it.
#
#   tests/app/slurm/one_node_slurm.sh [--startup-timeout S] [--timeout S] WORKDIR -- COMMAND [ARG...]
#
# It makes a munge key and starts munged on its own socket, writes WORKDIR/slurm.conf (one node named
# after `hostname -s` at 127.0.0.1 with all of this machine's CPUs, one partition, random free ports,
# no cgroups, no accounting), starts slurmctld and slurmd, waits until the node is idle, then runs
# COMMAND with SLURM_CONF set, so that sbatch, squeue, scontrol... talk to this cluster and no other.
# Afterwards it cancels the jobs left, stops the daemons and every process they started, even when
# the command fails or the script is interrupted.
#
# Exit status: COMMAND's (124 if it ran longer than --timeout, default 600 s), or 90 with the reason
# and the tail of the daemons' logs on stderr if the cluster did not come up within --startup-timeout
# (default 60 s), or 77 (for CTest's SKIP_RETURN_CODE) if the packages slurm-wlm and munge are not
# installed. Runs as root, as CI does, or as any other user: the daemons run as whoever starts them,
# and so do the jobs.
#
# WORKDIR keeps slurm.conf, the daemons' logs (WORKDIR/log) and slurmctld's state for inspection;
# the next run replaces them. The munge key and socket and slurmd's spool live in a short private
# folder under TMPDIR (Unix socket paths are limited to 108 bytes), removed at the end.
# COMMAND also sees ONE_NODE_SLURM_NODE (the node's name) and ONE_NODE_SLURM_WORKDIR.
set -euo pipefail

me=one_node_slurm
usage="usage: $0 [--startup-timeout S] [--timeout S] WORKDIR -- COMMAND [ARG...]"
say() { echo "$me: $*" >&2; }

# reap TOKEN SLURMD_LOG: kills what this run started that is still running: processes whose
# environment carries the run's mark (slurmctld's helper, the jobs and whatever they started) and the
# slurmstepd processes, which clear their environment but keep slurmd's log open.
reap() {
    local e pid
    for e in /proc/[0-9]*/environ; do
        pid=${e//[^0-9]/}
        [ "$pid" != $$ ] && [ -r "$e" ] || continue
        if grep -qxzF "ONE_NODE_SLURM_RUN=$1" "$e" 2>/dev/null ||
            [ -n "$(find "/proc/$pid/fd" -lname "$2" 2>/dev/null | head -n 1)" ]; then
            say "stopping leftover process $pid: $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-70)"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
}

# Hidden mode: the watchdog started below, outside the caller's process tree, for when this script
# is killed with SIGKILL: it stops what the script started once the script is gone.
if [ "${1:-}" = --watchdog ]; then
    harness_pid=$2 rundir=$3 token=$4 slurmd_log=$5
    while kill -0 "$harness_pid" 2>/dev/null; do sleep 1; done
    [ -d "$rundir" ] || exit 0 # the harness stopped everything itself
    for f in "$rundir"/*.pid; do
        [ -f "$f" ] && kill -KILL "$(cat "$f")" 2>/dev/null || true
    done
    reap "$token" "$slurmd_log"
    rm -rf "$rundir"
    exit 0
fi

# ---- Arguments -----------------------------------------------------------------------------------
startup_timeout=60 command_timeout=600
while [ $# -gt 0 ]; do
    case $1 in
        --startup-timeout) startup_timeout=$2; shift 2 ;;
        --timeout) command_timeout=$2; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) echo "$usage" >&2; exit 2 ;;
        *) break ;;
    esac
done
[ $# -ge 3 ] && [ "$2" = -- ] || { echo "$usage" >&2; exit 2; }
mkdir -p "$1"
workdir=$(cd "$1" && pwd)
shift 2

for program in munged mungekey slurmctld slurmd sinfo squeue scancel; do
    command -v "$program" >/dev/null || { say "$program not found: install slurm-wlm and munge"; exit 77; }
done

# Step out of any Slurm cluster this runs inside (a job's SLURM_JOB_ID, a site's SBATCH_PARTITION...).
while read -r name; do unset "$name"; done < <(compgen -e | grep -E '^(SLURM|SBATCH|SALLOC|SRUN|SQUEUE|SINFO|SCANCEL)_' || true)

# ---- Private folders -----------------------------------------------------------------------------
rundir=$(mktemp -d "${TMPDIR:-/tmp}/slurm1n.XXXXXX")
if [ ${#rundir} -gt 60 ]; then # keep the socket paths short
    rm -rf "$rundir"
    rundir=$(mktemp -d /tmp/slurm1n.XXXXXX)
fi
# munged wants every folder above its socket searchable by all, and the key readable by its owner only.
chmod 755 "$rundir"
mkdir -m 755 "$rundir/munge" "$rundir/spool"
socket=$rundir/munge/munge.socket
token="$(basename "$rundir")-$$-$RANDOM"
log=$workdir/log
rm -rf "$log" "$workdir/state" "$workdir/slurm.conf" "$workdir/plugstack.conf"
mkdir -p "$log" "$workdir/state"

# ---- Stopping everything, on any exit ------------------------------------------------------------
munged_pid='' slurmctld_pid='' slurmd_pid='' watchdog_pid='' command_pid='' stopping=''
stop_pid() { # stop_pid PID NAME: SIGTERM, then SIGKILL after 10 s
    local i
    [ -n "$1" ] && kill -0 "$1" 2>/dev/null || return 0
    kill -TERM "$1" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$1" 2>/dev/null; then say "$2 ignored SIGTERM; killing it"; kill -KILL "$1" 2>/dev/null || true; fi
    wait "$1" 2>/dev/null || true
}
cleanup() {
    local status=$? i jobs
    [ -z "$stopping" ] || return 0
    stopping=1
    trap '' INT TERM HUP
    [ -z "$command_pid" ] || stop_pid "$command_pid" "the command"
    if [ -n "$slurmctld_pid" ] && kill -0 "$slurmctld_pid" 2>/dev/null; then
        jobs=$(timeout 10 squeue -h -o %A 2>/dev/null || true)
        if [ -n "$jobs" ]; then
            say "cancelling the jobs left: $(echo $jobs)"
            timeout 10 scancel $jobs 2>/dev/null || true
            for ((i = 0; i < 30; i++)); do # KillWait is 5 s
                [ -z "$(timeout 5 squeue -h -t running,completing -o %A 2>/dev/null)" ] && break
                sleep 0.5
            done
        fi
    fi
    stop_pid "$slurmd_pid" slurmd
    stop_pid "$slurmctld_pid" slurmctld
    stop_pid "$munged_pid" munged
    reap "$token" "$log/slurmd.log"
    [ -z "$watchdog_pid" ] || kill -- "-$watchdog_pid" 2>/dev/null || true
    rm -rf "$rundir"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# A SIGKILL (a CTest timeout, say) skips the trap: a watchdog, detached from this process tree, then
# stops the daemons and the jobs instead.
(setsid "$BASH" "$0" --watchdog $$ "$rundir" "$token" "$log/slurmd.log" </dev/null >/dev/null 2>&1 &
    echo $! >"$rundir/watchdog")
watchdog_pid=$(cat "$rundir/watchdog")

fail() { # fail REASON: explains why the cluster did not come up, shows the logs, exits with 90
    local f
    say "the cluster did not come up: $*"
    for f in munged slurmctld slurmd; do # the log, or what the daemon printed if it made none
        [ -s "$log/$f.log" ] && f=$log/$f.log || f=$log/$f.console
        [ -s "$f" ] || continue
        echo "---- tail of $f" >&2
        tail -n 20 "$f" >&2
    done
    exit 90
}

# Everything started from here on carries the run's mark in its environment.
export ONE_NODE_SLURM_RUN=$token

# ---- munge ---------------------------------------------------------------------------------------
mungekey --create --keyfile="$rundir/munge/munge.key" || fail "mungekey could not create a key"
munged --foreground --socket="$socket" --key-file="$rundir/munge/munge.key" \
    --pid-file="$rundir/munge/munged.pid" --seed-file="$rundir/munge/munged.seed" >"$log/munged.log" 2>&1 &
munged_pid=$!
echo "$munged_pid" >"$rundir/munged.pid"
for ((i = 0; i < 50; i++)); do [ -S "$socket" ] && break; sleep 0.1; done
[ -S "$socket" ] && kill -0 "$munged_pid" 2>/dev/null || fail "munged did not start"

# ---- slurm.conf ----------------------------------------------------------------------------------
node=$(hostname -s 2>/dev/null || uname -n)
node=${node%%.*}
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { # free_port [EXCEPT]: a random port below Linux's ephemeral range that nothing listens on
    local p
    while :; do
        p=$((10000 + (RANDOM * 32768 + RANDOM) % 22000))
        port_in_use "$p" || [ "$p" = "${1:-}" ] || { echo "$p"; return; }
    done
}
memory=$(slurmd -C 2>/dev/null | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p') # in MB, so jobs may ask --mem
ctld_port=$(free_port)
slurmd_port=$(free_port "$ctld_port")

: >"$workdir/plugstack.conf" # no SPANK plugins (not those of the system's /etc/slurm/plugstack.conf)
cat >"$workdir/slurm.conf" <<EOF
# Written by $0 for one test run.
ClusterName=onenode
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=$(id -un)
SlurmdUser=$(id -un)
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$workdir/state
SlurmdSpoolDir=$rundir/spool
SlurmctldPidFile=$rundir/slurmctld.pidfile
SlurmdPidFile=$rundir/slurmd.pidfile
SlurmctldLogFile=$log/slurmctld.log
SlurmdLogFile=$log/slurmd.log
PlugStackConfig=$workdir/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
KillWait=5
MinJobAge=60
MailProg=/bin/true
NodeName=$node NodeAddr=127.0.0.1 NodeHostname=$node CPUs=$(nproc) RealMemory=${memory:-1} State=UNKNOWN
PartitionName=main Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$workdir/slurm.conf

# ---- slurmctld and slurmd, until the node is idle ------------------------------------------------
milliseconds() { local t=${EPOCHREALTIME/[.,]/}; echo $((t / 1000)); }
started=$(milliseconds)
slurmctld -D -i -f "$SLURM_CONF" >"$log/slurmctld.console" 2>&1 &
slurmctld_pid=$!
echo "$slurmctld_pid" >"$rundir/slurmctld.pid"
slurmd -D -f "$SLURM_CONF" >"$log/slurmd.console" 2>&1 &
slurmd_pid=$!
echo "$slurmd_pid" >"$rundir/slurmd.pid"

deadline=$((SECONDS + startup_timeout))
while :; do
    kill -0 "$slurmctld_pid" 2>/dev/null || fail "slurmctld exited"
    kill -0 "$slurmd_pid" 2>/dev/null || fail "slurmd exited"
    state=$(timeout 10 sinfo -h -N -n "$node" -o %T 2>/dev/null || true)
    [ "$state" != idle ] || break
    [ $SECONDS -lt $deadline ] || fail "node $node is '${state:-unknown}', not idle, after ${startup_timeout} s"
    sleep 0.2
done
elapsed=$(($(milliseconds) - started))
say "cluster up in $((elapsed / 1000)).$(printf %03d $((elapsed % 1000))) s: node $node, $(nproc) CPUs, ${memory:-1} MB," \
    "ports $ctld_port (slurmctld) and $slurmd_port (slurmd), SLURM_CONF=$SLURM_CONF"

# ---- The command ---------------------------------------------------------------------------------
# In the background so that a signal to this script is handled at once (its stdin is /dev/null).
export ONE_NODE_SLURM_NODE=$node ONE_NODE_SLURM_WORKDIR=$workdir
status=0
timeout --kill-after=10 "$command_timeout" "$@" &
command_pid=$!
wait "$command_pid" || status=$?
command_pid=''
[ "$status" != 124 ] || say "the command ran longer than $command_timeout s and was stopped"
exit "$status"
