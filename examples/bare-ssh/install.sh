#!/bin/sh
# Installs gitward's pre-receive shim into a plain bare repository.
#
#   install.sh [--copy] [--shim FILE] [--force] REPO_DIR
#       Link (default) or copy the shim to REPO_DIR/hooks/pre-receive.
#       An existing hooks/pre-receive that is not gitward's is left alone unless --force
#       (git runs only one pre-receive per repository: merge the two by hand instead).
#
# Every value is passed to commands as an argument; nothing is evaluated as shell code.
set -eu

die() {
  printf 'install.sh: %s\n' "$1" >&2
  exit 2
}

# A path that starts with '-' would read as an option to cp, ln, mv or tar: anchor it.
safe_path() {
  case $1 in
    -*) printf './%s' "$1" ;;
    *) printf '%s' "$1" ;;
  esac
}

here=$(cd "$(dirname "$0")" && pwd)
shim="$here/../../server-hooks/pre-receive"
mode=link
force=no
while [ $# -gt 0 ]; do
  case $1 in
    --copy) mode=copy; shift ;;
    --force) force=yes; shift ;;
    --shim) [ $# -ge 2 ] || die "--shim needs a file"; shim=$(safe_path "$2"); shift 2 ;;
    --help|-h) sed -n '2,8p' "$0"; exit 0 ;;
    --) shift; break ;;
    -*) die "unknown option: $1" ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] || die "usage: install.sh [--copy] [--shim FILE] [--force] REPO_DIR"
repo=$(safe_path "$1")

[ -f "$shim" ] || die "no shim at $shim (pass --shim <gitward package>/server-hooks/pre-receive)"
# A symlink must point at the real shim: it finds dist/bundle/bin.js next to itself.
shim=$(cd "$(dirname "$shim")" && pwd)/$(basename "$shim")
[ -f "$repo/HEAD" ] && [ -d "$repo/objects" ] || die "$repo is not a bare git repository"

target="$repo/hooks/pre-receive"
[ -d "$target" ] && die "$target is a directory"
if [ "$force" = no ] && [ -e "$target" ] && ! grep -q -F 'gitward pre-receive shim' "$target"; then
  die "$target exists and is not gitward's shim (--force replaces it)"
fi
mkdir -p "$repo/hooks"
# Build beside the target, then rename over it: a push never sees a half-written hook.
tmp="$repo/hooks/.gitward.tmp.$$"
rm -f "$tmp"
if [ "$mode" = copy ]; then
  cp "$shim" "$tmp"
  chmod 0755 "$tmp"
else
  ln -s "$shim" "$tmp"
fi
mv -f "$tmp" "$target"
printf 'installed %s (%s of %s)\n' "$target" "$mode" "$shim"
