#!/usr/bin/env bash
# Installs the pinned Go tools preadmit runs (opa, gator, kustomize, helm) into .tools/bin.
# Idempotent: a tool whose binary already reports the pinned version is left alone.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/.tools/bin"
mkdir -p "$bin"

# The jail the renderers run in (bubblewrap, from the Debian archive).
bash "$root/scripts/install-bubblewrap.sh"
# The Redis server the tests of the app's Redis mode (REDIS_URL) start (from the Debian archive).
bash "$root/scripts/install-redis.sh"

if ! command -v go >/dev/null 2>&1; then
  echo "preadmit: 'go' (>= 1.26) is needed to install the pinned tools into .tools/bin" >&2
  exit 1
fi

OPA_VERSION=v1.22.3
GATOR_VERSION=v3.23.0
KUSTOMIZE_VERSION=v5.8.1
HELM_VERSION=v3.21.4
# The OPA that gator v3.23.0 (and the Gatekeeper v3.23 webhook) embeds: the test oracle for topdown
# semantics (sprintf, builtins) that preadmit's wasm host reproduces. Installed apart, as opa-gatekeeper.
GATEKEEPER_OPA_VERSION=v1.17.1
# Helm's Makefile injects these; a plain go install would default to Kubernetes v1.20.
HELM_LDFLAGS="-X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=36 -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMinor=36 -X helm.sh/helm/v3/internal/version.version=${HELM_VERSION}"

stamp="$bin/.versions"
touch "$stamp"

installed() { # name version
  [ -x "$bin/$1" ] && grep -qx "$1 $2" "$stamp"
}

record() { # name version
  grep -v "^$1 " "$stamp" > "$stamp.tmp" || true
  echo "$1 $2" >> "$stamp.tmp"
  mv "$stamp.tmp" "$stamp"
}

install() { # name version module [ldflags]
  local name=$1 version=$2 module=$3 ldflags=${4:-}
  if installed "$name" "$version"; then return 0; fi
  echo "preadmit: installing $name $version (go install, first time takes minutes)" >&2
  local gobin="$bin"
  local built
  built=$(basename "$module")
  # go install names a binary after the module path's last element, a major-version suffix dropped.
  case "$built" in v[0-9]*) built=$(basename "$(dirname "$module")") ;; esac
  # A binary whose name differs from its module's last element is built apart, then renamed.
  if [ "$built" != "$name" ]; then gobin="$root/.tools/build/$name"; mkdir -p "$gobin"; fi
  GOBIN="$gobin" CGO_ENABLED=0 GOFLAGS=-mod=mod go install -ldflags "$ldflags" "$module@$version"
  if [ "$gobin" != "$bin" ]; then mv "$gobin/$built" "$bin/$name"; fi
  record "$name" "$version"
}

install opa "$OPA_VERSION" github.com/open-policy-agent/opa
install gator "$GATOR_VERSION" github.com/open-policy-agent/gatekeeper/v3/cmd/gator
install kustomize "$KUSTOMIZE_VERSION" sigs.k8s.io/kustomize/kustomize/v5
install helm "$HELM_VERSION" helm.sh/helm/v3/cmd/helm "$HELM_LDFLAGS"
install opa-gatekeeper "$GATEKEEPER_OPA_VERSION" github.com/open-policy-agent/opa

# kustomize-batch (scripts/kustomize-batch): many kustomize roots built per jailed process, with the same
# kustomize library versions as the kustomize binary above. Rebuilt when its sources change; removed (so every
# root goes to the kustomize CLI) if its kustomize library versions ever differ from the binary's.
batch_src="$root/scripts/kustomize-batch"
batch_id="$KUSTOMIZE_VERSION+$(cat "$batch_src/main.go" "$batch_src/go.mod" "$batch_src/go.sum" | sha256sum | cut -c1-16)"
if ! installed kustomize-batch "$batch_id"; then
  echo "preadmit: building kustomize-batch for kustomize $KUSTOMIZE_VERSION" >&2
  (cd "$batch_src" && CGO_ENABLED=0 GOFLAGS="-mod=readonly -buildvcs=false" go build -trimpath \
    -ldflags "-X sigs.k8s.io/kustomize/api/provenance.version=$KUSTOMIZE_VERSION" -o "$bin/kustomize-batch.tmp" .)
  libs() { go version -m "$1" | awk '$1 == "dep" && ($2 == "sigs.k8s.io/kustomize/api" || $2 == "sigs.k8s.io/kustomize/kyaml") { print $2, $3 }' | sort; }
  if [ "$(libs "$bin/kustomize")" != "$(libs "$bin/kustomize-batch.tmp")" ]; then
    echo "preadmit: kustomize-batch's kustomize libraries differ from kustomize $KUSTOMIZE_VERSION's; update scripts/kustomize-batch/go.mod. Building every root with the kustomize CLI meanwhile." >&2
    rm -f "$bin/kustomize-batch.tmp" "$bin/kustomize-batch"
  else
    mv "$bin/kustomize-batch.tmp" "$bin/kustomize-batch"
    record kustomize-batch "$batch_id"
  fi
fi
