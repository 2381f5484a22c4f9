#!/usr/bin/env bash
# Installs bubblewrap (bwrap), the jail kustomize and helm run in, from the Debian archive when it is
# missing and we are root. Idempotent: nothing happens when bwrap is already there. Without it (and not
# root, or no apt-get) preadmit refuses to render kustomize and helm roots, and says how to install it.
set -euo pipefail

if command -v bwrap >/dev/null 2>&1 || [ -x /usr/bin/bwrap ]; then exit 0; fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "preadmit: bubblewrap (bwrap) is missing; kustomize and helm roots will not render without it." >&2
  echo "preadmit: install the 'bubblewrap' package as root (Debian/Ubuntu: apt-get install bubblewrap)." >&2
  exit 0
fi

echo "preadmit: installing bubblewrap (Debian package) for the renderer jail" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends bubblewrap >/dev/null
bwrap --version >&2
