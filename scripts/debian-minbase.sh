#!/usr/bin/env bash
# Builds the fixture base nonroot-guard-fixture/debian-minbase:test: a real Debian
# (bookworm, debootstrap --variant=minbase, about 7,000 files, with useradd,
# groupadd, su and setuid files) from Debian's package mirror, the only source
# of a real distribution base this machine has. The root filesystem is cached
# as a tarball, so only the first run downloads. Needs root and debootstrap.
set -euo pipefail
tag=nonroot-guard-fixture/debian-minbase:test
cache_dir=${NONROOT_GUARD_CACHE:-/var/cache/nonroot-guard}
cache=$cache_dir/debian-bookworm-minbase.tar

if docker image inspect "$tag" >/dev/null 2>&1; then exit 0; fi
if [ ! -s "$cache" ]; then
  if ! command -v debootstrap >/dev/null 2>&1; then
    echo "debian-minbase: debootstrap is missing: apt-get install debootstrap" >&2
    exit 1
  fi
  mkdir -p "$cache_dir"
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
  tar -C "$root" -cf "$cache.tmp" .
  mv "$cache.tmp" "$cache"
fi
docker import --change 'CMD ["/bin/bash"]' "$cache" "$tag" >/dev/null
echo "debian-minbase: imported $tag"
