#!/usr/bin/env bash
# Submits this image's job (/opt/flink/usrlib/job.jar) to the Flink session cluster at $FLINK_JOBMANAGER under NAME,
# unless a job of that name runs there already; resumes from the newest retained checkpoint of the job's earlier
# runs (kept under /flink/checkpoints/NAME), so that a restarted compose system continues where it stopped.
# Usage: submit-job.sh NAME JOB-ARGUMENTS...
set -euo pipefail
name=$1
shift
jobmanager=${FLINK_JOBMANAGER:?set FLINK_JOBMANAGER to the job manager host:port}
checkpoints=/flink/checkpoints/$name
flink=/opt/flink/bin/flink

if "$flink" list --running --jobmanager "$jobmanager" | grep -q " : $name (RUNNING)"; then
  echo "$name is running already"
  exit 0
fi
restore=()
newest=$(ls -1dt "$checkpoints"/*/chk-*/_metadata 2>/dev/null | head -n 1 || true)
if [ -n "$newest" ]; then
  restore=(--fromSavepoint "$(dirname "$newest")" --allowNonRestoredState)
  echo "$name resumes from $(dirname "$newest")"
fi
exec "$flink" run --detached --jobmanager "$jobmanager" "${restore[@]}" \
  -Dexecution.checkpointing.dir="file://$checkpoints" /opt/flink/usrlib/job.jar "$@"
