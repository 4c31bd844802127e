#!/usr/bin/env bash
# Runs the whole system on this machine, data kept in .local-data/, until Ctrl-C.
# Options go to the launcher, e.g. ./run-local.sh --kafka-port=19092 --data-dir=/var/tmp/trading
set -euo pipefail
cd "$(dirname "$0")"

bin/install-prerequisites

echo "building ..."
./mvnw -q -B install -DskipTests -Dspotless.check.skip=true
mkdir -p target
./mvnw -q -B -pl local-run dependency:build-classpath -Dmdep.outputFile="$PWD/target/local-run.classpath"
repository=$(./mvnw -q -B help:evaluate -Dexpression=settings.localRepository -DforceStdout)

mkdir -p .local-data/logs
# log.file also lets the Flink web UI show the JobManager log. The fixed locale is for the in-JVM Kafka broker,
# which does not start under some locales (tr_TR).
exec java -Xmx1g @local-run/flink-jvm.options -Duser.language=en -Duser.country=US \
  -Dlogback.configurationFile=local-run-logback.xml \
  -Dmocktrading.log.dir="$PWD/.local-data/logs" \
  -Dlog.file="$PWD/.local-data/logs/local-stack.log" \
  -Dmocktrading.maven.repository="$repository" \
  -cp "local-run/target/classes:$(cat target/local-run.classpath)" \
  com.mocktrading.localrun.LocalRun "$@"
