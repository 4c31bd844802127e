#!/usr/bin/env bash
# Builds the jars the images are made of: each service's boot jar, each job's shaded jar, and each tool's jar with
# its runtime libraries in its target/lib. The Dockerfile's "compiled" stage runs it inside Docker, bin/verify-images
# on this machine. Extra arguments go to Maven (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q package -DskipTests -Dspotless.check.skip=true "$@"
# In one reactor with the modules the tools are made of, so that those resolve to the jars just built.
./mvnw -B -q package dependency:copy-dependencies -DskipTests -Dspotless.check.skip=true \
  -pl price-simulator,schema-bootstrap,consistency-check,dev-issuer -am \
  -DincludeScope=runtime -DoutputDirectory=target/lib "$@"
