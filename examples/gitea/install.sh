#!/bin/sh
# Installs gitward's pre-receive shim as a Gitea/Forgejo repository hook.
#
#   install.sh [--copy] [--shim FILE] [--force] REPO_DIR
#       Link (default) or copy the shim to REPO_DIR/hooks/pre-receive.d/gitward.
#       REPO_DIR is <ROOT>/<owner>/<name>.git under Gitea's [repository] ROOT
#       (default <APP_DATA_PATH>/gitea-repositories). Gitea's own hooks/pre-receive runs
#       every executable in hooks/pre-receive.d/ with the push's stdin; this script leaves
#       that dispatcher and Gitea's own hooks/pre-receive.d/gitea untouched.
#       --force installs even when REPO_DIR has no such dispatcher.
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
    --help|-h) sed -n '2,12p' "$0"; exit 0 ;;
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

# Without Gitea's dispatcher nothing would ever run hooks/pre-receive.d/: the hook would be
# installed and silently inert. Say so instead.
dispatcher="$repo/hooks/pre-receive"
if [ "$force" = no ] && ! { [ -f "$dispatcher" ] && grep -q -F -e 'hooks/${hookname}.d' -e 'pre-receive.d' "$dispatcher"; }; then
  die "$dispatcher does not run hooks/pre-receive.d/* (not a Gitea repository? run Gitea's 'Resynchronize git hooks', or use examples/bare-ssh; --force skips this check)"
fi

dir="$repo/hooks/pre-receive.d"
target="$dir/gitward"
[ -d "$target" ] && die "$target is a directory"
mkdir -p "$dir"
# Build beside the hook directory (same file system, but outside the directory the forge runs),
# then rename over the target: a push never sees a half-written hook.
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
