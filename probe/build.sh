#!/bin/sh
# Builds the probe: dist/probe/linux-amd64 and dist/probe/linux-arm64,
# static (musl), stripped and reproducible (same bytes on every build with the
# same Debian toolchain). Runs the unit tests first.
#
#   probe/build.sh           build into dist/probe/
#   probe/build.sh --check   build into a temporary directory and compare with
#                            the committed dist/probe/ binaries (CI)
#   probe/build.sh --out DIR [-DNAME=VALUE ...]
#                            build into DIR with some limits lowered (the tests'
#                            probes for limits no image reaches cheaply)
#
# Needs (Debian 12): musl-tools, gcc-aarch64-linux-gnu, musl-dev:arm64
#   dpkg --add-architecture arm64 && apt-get update &&
#   apt-get install musl-tools gcc-aarch64-linux-gnu musl-dev:arm64
# Optional: qemu-user-static (smoke-tests the arm64 binary).
# This script never installs anything.
set -eu

export LC_ALL=C TZ=UTC
umask 022

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

usage() {
	echo "usage: probe/build.sh [--check | --out DIR [-DNAME=VALUE ...]]" >&2
	exit 2
}
mode=build
out=
defines=
case "${1:-}" in
'') ;;
--check) mode=check ;;
--out)
	[ $# -ge 2 ] || usage
	mode=out
	out=$2
	shift 2
	for d in "$@"; do
		# Only the limits' #ifndef names: nothing else of the build may change.
		case "$d" in
		-D[A-Z_]*=[0-9]*) defines="$defines $d" ;;
		*) usage ;;
		esac
	done
	;;
*) usage ;;
esac

# --- toolchain ------------------------------------------------------------
missing=
need() { # need COMMAND-OR-FILE PACKAGE
	case "$1" in
	/*) [ -e "$1" ] || missing="$missing $2" ;;
	*) command -v "$1" >/dev/null 2>&1 || missing="$missing $2" ;;
	esac
}
need musl-gcc musl-tools
need x86_64-linux-gnu-gcc gcc
need objcopy binutils
need aarch64-linux-gnu-gcc gcc-aarch64-linux-gnu
need aarch64-linux-gnu-objcopy binutils-aarch64-linux-gnu
need /usr/lib/aarch64-linux-musl/musl-gcc.specs musl-dev:arm64
need /usr/lib/aarch64-linux-musl/libc.a musl-dev:arm64
if [ -n "$missing" ]; then
	pkgs=$(printf '%s\n' $missing | sort -u | tr '\n' ' ' | sed 's/ $//')
	echo "probe/build.sh: missing build dependencies: $pkgs" >&2
	case "$pkgs" in
	*:arm64*) echo "  dpkg --add-architecture arm64 && apt-get update" >&2 ;;
	esac
	echo "  apt-get install $pkgs" >&2
	exit 1
fi

# --- flags ----------------------------------------------------------------
# Fixed flags, no timestamps, no build-id, source paths mapped to ".", no
# .comment (it names the exact compiler build): the output depends only on
# probe.c and the toolchain.
CFLAGS="-std=c11 -Os -pipe
	-Wall -Wextra -Werror -Wshadow -Wconversion -Wno-sign-conversion
	-ffile-prefix-map=$here=. -fdebug-prefix-map=$here=.
	-fno-ident -fno-asynchronous-unwind-tables -fno-unwind-tables
	-ffunction-sections -fdata-sections
	-fstack-protector-strong -fno-pie"
LDFLAGS="-static -no-pie -s
	-Wl,--gc-sections -Wl,--build-id=none -Wl,--hash-style=gnu
	-Wl,-z,noexecstack -Wl,-z,relro -Wl,-z,now"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# Compile from inside probe/ so that only the relative name reaches the
# object files.
cc_build() { # cc_build CC OBJCOPY OUT
	# --out's lowered limits go into the binaries only: the unit tests check the release's.
	(cd "$here" && $1 $CFLAGS $defines -o "$3.tmp" probe.c $LDFLAGS)
	$2 --remove-section=.comment --remove-section=.note.gnu.build-id \
		--remove-section=.gnu.build.attributes "$3.tmp" "$3"
	rm -f "$3.tmp"
	chmod 0755 "$3"
}

# --- unit tests -------------------------------------------------------------
echo "probe: unit tests"
# With the release's flags (warnings as errors, -Os, stack protector), so the
# tests exercise the code the binaries are made of; the tests use only part
# of probe.c's functions.
(cd "$here" && musl-gcc $CFLAGS -Wno-unused-function -o "$work/test_probe" test_probe.c \
	-static -no-pie)
"$work/test_probe"

# --- binaries -------------------------------------------------------------
mkdir -p "$work/out"
cc_build musl-gcc objcopy "$work/out/linux-amd64"
cc_build aarch64-linux-musl-gcc aarch64-linux-gnu-objcopy "$work/out/linux-arm64"

# Smoke tests: the amd64 binary runs here; arm64 under qemu when available.
"$work/out/linux-amd64" --version >/dev/null
if "$work/out/linux-amd64" --no-such-flag 2>/dev/null; then
	echo "probe: bad arguments did not fail" >&2
	exit 1
fi
if command -v qemu-aarch64-static >/dev/null 2>&1; then
	qemu-aarch64-static "$work/out/linux-arm64" --version >/dev/null
	rc=0
	qemu-aarch64-static "$work/out/linux-arm64" --no-such-flag 2>/dev/null || rc=$?
	[ "$rc" = 2 ] || {
		echo "probe: arm64 binary: bad arguments gave exit $rc, want 2" >&2
		exit 1
	}
	echo "probe: arm64 smoke test passed (qemu-aarch64-static)"
else
	echo "probe: qemu-user-static not installed: arm64 binary not executed"
fi

for arch in amd64 arm64; do
	f="$work/out/linux-$arch"
	printf 'probe: linux-%s  %s bytes  sha256 %s\n' "$arch" "$(wc -c <"$f" | tr -d ' ')" \
		"$(sha256sum "$f" | cut -d' ' -f1)"
done

if [ "$mode" = out ]; then
	mkdir -p "$out"
	cp "$work/out/linux-amd64" "$work/out/linux-arm64" "$out/"
	echo "probe: wrote $out/linux-amd64 and $out/linux-arm64 ($defines )"
	exit 0
fi

if [ "$mode" = check ]; then
	status=0
	for arch in amd64 arm64; do
		if ! cmp -s "$work/out/linux-$arch" "$root/dist/probe/linux-$arch"; then
			echo "probe: dist/probe/linux-$arch differs from a fresh build of probe/probe.c" >&2
			status=1
		fi
	done
	[ "$status" = 0 ] && echo "probe: dist/probe/ matches the sources"
	exit "$status"
fi

mkdir -p "$root/dist/probe"
for arch in amd64 arm64; do
	# Replace atomically: a running probe mount never sees a partial file.
	cp "$work/out/linux-$arch" "$root/dist/probe/.linux-$arch.new"
	mv -f "$root/dist/probe/.linux-$arch.new" "$root/dist/probe/linux-$arch"
done
echo "probe: wrote dist/probe/linux-amd64 and dist/probe/linux-arm64"
