#!/bin/sh
# Generates throwaway OpenPGP keys for the example policy (ed25519, no expiry, so the example
# does not rot) and writes ONLY the public halves:
#   keys/alice.asc  keys/bob.asc  keys/carol.asc
# Usage: ./make-demo-keys.sh [OUT_DIR] [KEEP_GNUPGHOME]
#   OUT_DIR         where the .asc files go (default: keys/ next to this script)
#   KEEP_GNUPGHOME  if given, the private keyring is kept there (for signing demo commits);
#                   otherwise it is deleted, so no private key ever lands in the repository.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-"$here/keys"}
keep=${2:-}
home=$(mktemp -d "${TMPDIR:-/tmp}/gitward-demo-gnupg.XXXXXX")
trap 'rm -rf "$home"' EXIT
chmod 700 "$home"
mkdir -p "$out"
for person in alice bob carol; do
  GNUPGHOME="$home" gpg --batch --quiet --passphrase '' \
    --quick-gen-key "$person (gitward demo) <$person@example.com>" ed25519 sign never
  GNUPGHOME="$home" gpg --batch --quiet --armor --export "$person@example.com" > "$out/$person.asc"
  echo "wrote $out/$person.asc"
done
if [ -n "$keep" ]; then
  mkdir -p "$keep" && chmod 700 "$keep"
  cp -R "$home"/. "$keep"/
  echo "private keyring kept in $keep (GNUPGHOME=$keep git commit -S ...)"
fi
