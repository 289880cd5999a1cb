#!/bin/sh
# Installs gitward's pre-receive shim as a GitLab server hook.
#
#   install.sh [--copy] [--shim FILE] REPO_DIR
#       Link (default) or copy the shim to REPO_DIR/custom_hooks/pre-receive.d/gitward.
#       REPO_DIR is the repository's directory on the Gitaly node
#       (<storage path>/@hashed/xx/yy/<hash>.git; the admin area shows the relative path).
#   install.sh --tar OUT.tar [--shim FILE]
#       Write a custom_hooks tarball (a copy of the shim) for
#       `gitaly hooks set` (GitLab 15.11 and later).
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
tarball=
while [ $# -gt 0 ]; do
  case $1 in
    --copy) mode=copy; shift ;;
    --shim) [ $# -ge 2 ] || die "--shim needs a file"; shim=$(safe_path "$2"); shift 2 ;;
    --tar) [ $# -ge 2 ] || die "--tar needs an output file"; mode=tar; tarball=$(safe_path "$2"); shift 2 ;;
    --help|-h) sed -n '2,11p' "$0"; exit 0 ;;
    --) shift; break ;;
    -*) die "unknown option: $1" ;;
    *) break ;;
  esac
done

[ -f "$shim" ] || die "no shim at $shim (pass --shim <gitward package>/server-hooks/pre-receive)"
# A symlink must point at the real shim: it finds dist/bundle/bin.js next to itself.
shim=$(cd "$(dirname "$shim")" && pwd)/$(basename "$shim")

if [ "$mode" = tar ]; then
  [ $# -eq 0 ] || die "--tar takes no REPO_DIR"
  stage=$(mktemp -d "${TMPDIR:-/tmp}/gitward-gitlab.XXXXXX")
  trap 'rm -rf "$stage"' EXIT
  mkdir -p "$stage/custom_hooks/pre-receive.d"
  cp "$shim" "$stage/custom_hooks/pre-receive.d/gitward"
  chmod 0755 "$stage/custom_hooks/pre-receive.d/gitward"
  tar -C "$stage" -cf "$tarball" custom_hooks
  printf 'wrote %s (custom_hooks/pre-receive.d/gitward)\n' "$tarball"
  exit 0
fi

[ $# -eq 1 ] || die "usage: install.sh [--copy] [--shim FILE] REPO_DIR"
repo=$(safe_path "$1")
[ -f "$repo/HEAD" ] && [ -d "$repo/objects" ] || die "$repo is not a bare git repository"
dir="$repo/custom_hooks/pre-receive.d"
target="$dir/gitward"
[ -d "$target" ] && die "$target is a directory"
mkdir -p "$dir"
# Build beside the hook directory (same file system, but outside the directory the forge runs),
# then rename over the target: a push never sees a half-written hook.
tmp="$repo/custom_hooks/.gitward.tmp.$$"
rm -f "$tmp"
if [ "$mode" = copy ]; then
  cp "$shim" "$tmp"
  chmod 0755 "$tmp"
else
  ln -s "$shim" "$tmp"
fi
mv -f "$tmp" "$target"
printf 'installed %s (%s of %s)\n' "$target" "$mode" "$shim"
