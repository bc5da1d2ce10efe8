#!/usr/bin/env bash
# A real one-node Slurm on localhost, for the integration test and for trying `joulebench slurm` (docs/scaling.md).
#   local-cluster.sh start    install (Debian, as root) if needed, configure, start munge, slurmctld, slurmd;
#                             wait until sinfo shows the node idle
#   local-cluster.sh stop     stop what start started (by the pids it recorded)
#   local-cluster.sh status   what runs, and sinfo
#   local-cluster.sh install  only install the packages (CI does this before the tests; starts nothing)
# Idempotent: start on a running cluster and stop on a stopped one do nothing.
# Env: JB_SLURM_STATE (state folder, default /tmp/joulebench-slurm), JB_SLURM_TIMEOUT (seconds to wait, default 60).
set -euo pipefail

state="${JB_SLURM_STATE:-/tmp/joulebench-slurm}"
timeout="${JB_SLURM_TIMEOUT:-60}"
conf_dir=/etc/slurm
packages=(slurmd slurmctld slurm-client munge)

say() { echo "local-cluster: $*" >&2; }
die() { say "$*"; exit 1; }

alive() { [ -f "$state/$1.pid" ] && kill -0 "$(cat "$state/$1.pid")" 2>/dev/null; }

install_packages() {
  if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v sbatch >/dev/null \
      && command -v munged >/dev/null; then
    return
  fi
  [ "$(id -u)" = 0 ] || die "Slurm is not installed and this is not root; install ${packages[*]} or run as root"
  command -v apt-get >/dev/null || die "Slurm is not installed and there is no apt-get; install ${packages[*]}"
  say "installing ${packages[*]}"
  # policy-rc.d exiting 101 keeps the packages' daemons from starting during install: we start our own.
  local had_policy=0
  [ -e /usr/sbin/policy-rc.d ] && had_policy=1 && cp -p /usr/sbin/policy-rc.d "$state/policy-rc.d.saved"
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  local rc=0
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${packages[@]}") >"$state/apt.log" 2>&1 || rc=$?
  if [ "$had_policy" = 1 ]; then mv "$state/policy-rc.d.saved" /usr/sbin/policy-rc.d; else rm -f /usr/sbin/policy-rc.d; fi
  [ "$rc" = 0 ] || die "apt-get install failed (exit $rc; see $state/apt.log)"
}

write_config() {
  local cpus mem
  cpus="$(slurmd -C 2>/dev/null | sed -n 's/.*CPUs=\([0-9]*\).*/\1/p' | head -1)"
  mem="$(slurmd -C 2>/dev/null | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' | head -1)"
  [ -n "$cpus" ] || cpus="$(nproc)"
  [ -n "$mem" ] || mem="$(free -m | awk '/^Mem:/ {print $2}')"
  # A little under the total: slurmd drains a node whose RealMemory exceeds what it finds.
  mem=$((mem * 95 / 100))
  mkdir -p "$conf_dir" /var/lib/slurm/slurmd /var/lib/slurm/slurmctld /var/log/slurm
  chown -R slurm: /var/lib/slurm /var/log/slurm 2>/dev/null || true
  cat > "$conf_dir/slurm.conf" <<EOF
# Written by joulebench scripts/slurm/local-cluster.sh: one node on localhost.
ClusterName=jb
SlurmctldHost=localhost
SlurmUser=slurm
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
SlurmdSpoolDir=/var/lib/slurm/slurmd
StateSaveLocation=/var/lib/slurm/slurmctld
SlurmctldPidFile=$state/slurmctld.daemon.pid
SlurmdPidFile=$state/slurmd.daemon.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
  # slurmd 22.05 on a cgroup v2 host without systemd needs this even with proctrack/linuxproc.
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    printf 'CgroupPlugin=cgroup/v2\nIgnoreSystemd=yes\n' > "$conf_dir/cgroup.conf"
  fi
}

start_daemon() { # name, command...
  local name="$1"; shift
  alive "$name" && return
  "$@" >>"$state/$name.out" 2>&1 &
  echo $! > "$state/$name.pid"
}

node_state() { sinfo -h -n localhost -o %t 2>/dev/null | head -1; }

start() {
  mkdir -p "$state"
  install_packages
  if alive slurmctld && alive slurmd && [ "$(node_state)" = idle ]; then
    say "already running"; return
  fi
  write_config
  if ! pgrep -x munged >/dev/null; then
    mkdir -p /run/munge && chown munge: /run/munge
    [ -f /etc/munge/munge.key ] || die "no /etc/munge/munge.key; reinstall munge (its postinst makes the key)"
    su munge -s /bin/sh -c munged || die "munged did not start"
    # munged daemonises: its pid comes from its pid file.
    for _ in $(seq 50); do [ -s /run/munge/munged.pid ] && break; sleep 0.1; done
    cp /run/munge/munged.pid "$state/munged.pid"
  fi
  start_daemon slurmctld slurmctld -D
  start_daemon slurmd slurmd -D -N localhost
  local waited=0
  until [ "$(node_state)" = idle ]; do
    if [ "$waited" -ge "$timeout" ]; then
      die "the node is not idle after ${timeout}s (state: '$(node_state)'); see $state/slurmctld.log and $state/slurmd.log"
    fi
    # A node left down/drained by an earlier run comes back on request.
    case "$(node_state)" in down*|drain*) scontrol update nodename=localhost state=resume 2>/dev/null || true ;; esac
    sleep 1; waited=$((waited + 1))
  done
  say "running: node localhost idle, partition debug (state in $state)"
}

stop() {
  local name pid
  for name in slurmd slurmctld munged; do
    [ -f "$state/$name.pid" ] || continue
    pid="$(cat "$state/$name.pid")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$state/$name.pid"
  done
  # A stale pid file makes the next start (and purging the packages) fail.
  rm -f "$state/slurmctld.daemon.pid" "$state/slurmd.daemon.pid" /run/slurmctld.pid /run/slurmd.pid
  say "stopped"
}

status() {
  local name
  for name in munged slurmctld slurmd; do
    if alive "$name"; then echo "$name: running (pid $(cat "$state/$name.pid"))"; else echo "$name: not running"; fi
  done
  command -v sinfo >/dev/null && sinfo 2>/dev/null || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  install) mkdir -p "$state"; install_packages ;;
  *) echo "usage: $0 start|stop|status|install" >&2; exit 2 ;;
esac
