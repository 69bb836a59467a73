#!/usr/bin/env bash
# Renders the production overlay into rendered/production.yaml, which KubernetesManifestsTest
# validates offline (and compares with a fresh rendering where kubectl is installed).
# Run it after changing anything under deploy/kubernetes/, and commit the result.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p rendered
kubectl kustomize overlays/production > rendered/production.yaml
echo "wrote deploy/kubernetes/rendered/production.yaml" >&2
