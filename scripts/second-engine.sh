#!/usr/bin/env bash
# The second Docker engine the tests run on: Docker 26 from Debian 13 (trixie) with
# buildx (BuildKit) and the containerd image store, as GitHub's runners and current
# installs have it, beside the system's Docker 20.10 and never replacing it.
#
#   scripts/second-engine.sh install   download the .debs (a private trixie source list,
#                                      own apt lists and cache) and unpack them into $ROOT
#   scripts/second-engine.sh start     start its dockerd unless its socket answers
#   scripts/second-engine.sh stop      stop the dockerd this script started
#   scripts/second-engine.sh env       print the variables that point docker at it
#
# The daemon has its own data root, exec root, socket, pid file, containerd (started
# by dockerd) and namespace, and its own bridge nrg26br0 with --iptables=false: never
# --bridge=none, which makes dockerd delete the host's docker0. runc is Debian 12's
# (trixie's needs glibc 2.38). Needs root.
set -euo pipefail

ROOT=${NONROOT_GUARD_ENGINE_ROOT:-/opt/nonroot-guard-ci/docker-26}
NAME=nonroot-guard-engine-26
SOCKET=/run/$NAME.sock
BRIDGE=nrg26br0
SUBNET=172.31.126.1/24
PACKAGES=(docker.io docker-cli docker-buildx containerd)

env_lines() {
  echo "DOCKER_HOST=unix://$SOCKET"
  echo "DOCKER_CONFIG=$ROOT/docker-config"
  echo "PATH=$ROOT/usr/bin:$ROOT/usr/sbin:$PATH"
}

answers() {
  DOCKER_HOST=unix://$SOCKET DOCKER_CONFIG=$ROOT/docker-config \
    "$ROOT/usr/bin/docker" version --format '{{.Server.Version}}' >/dev/null 2>&1
}

install() {
  if [ -x "$ROOT/usr/sbin/dockerd" ] && [ -x "$ROOT/usr/libexec/docker/cli-plugins/docker-buildx" ]; then
    return
  fi
  local apt=$ROOT.apt
  mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/debs" "$apt/sources.list.d" "$apt/preferences.d"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" \
    >"$apt/sources.list"
  local opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o "Dir::Etc::SourceParts=$apt/sources.list.d"
    -o "Dir::Etc::PreferencesParts=$apt/preferences.d" -o "Dir::State::Lists=$apt/lists"
    -o "Dir::Cache=$apt/cache" -o "APT::Sandbox::User=root")
  apt-get "${opts[@]}" update -qq
  (cd "$apt/debs" && apt-get "${opts[@]}" download -qq "${PACKAGES[@]}")
  rm -rf "$ROOT.new" && mkdir -p "$ROOT.new"
  for deb in "$apt/debs"/*.deb; do dpkg-deb -x "$deb" "$ROOT.new"; done
  mkdir -p "$ROOT.new/docker-config/cli-plugins"
  ln -s "$ROOT/usr/libexec/docker/cli-plugins/docker-buildx" "$ROOT.new/docker-config/cli-plugins/docker-buildx"
  echo '{ "features": { "containerd-snapshotter": true } }' >"$ROOT.new/daemon.json"
  rm -rf "$ROOT" && mv "$ROOT.new" "$ROOT"
}

start() {
  answers && return
  command -v runc >/dev/null || { echo "second-engine: runc is missing (apt-get install runc)" >&2; exit 1; }
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
    ip addr add "$SUBNET" dev "$BRIDGE"
    ip link set "$BRIDGE" up
  fi
  local log=/tmp/$NAME.log
  (PATH=$ROOT/usr/bin:$ROOT/usr/sbin:$PATH setsid "$ROOT/usr/sbin/dockerd" \
    --config-file "$ROOT/daemon.json" \
    --data-root "/var/lib/$NAME" --exec-root "/run/$NAME" --pidfile "/run/$NAME.pid" \
    --host "unix://$SOCKET" \
    --containerd-namespace "$NAME" --containerd-plugins-namespace "$NAME-plugins" \
    --bridge "$BRIDGE" --iptables=false --ip-masq=false >"$log" 2>&1 &)
  for _ in $(seq 1 60); do
    answers && return
    sleep 1
  done
  echo "second-engine: dockerd did not answer on $SOCKET within 60 s" >&2
  tail -n 30 "$log" >&2
  exit 1
}

stop() {
  [ -f "/run/$NAME.pid" ] && kill "$(cat "/run/$NAME.pid")" 2>/dev/null || true
}

case "${1:-}" in
install) install ;;
start) start ;;
stop) stop ;;
env) env_lines ;;
*)
  echo "usage: scripts/second-engine.sh install|start|stop|env" >&2
  exit 2
  ;;
esac
