#!/usr/bin/env bash
# Re-records the speech clips the synthesized test calls are rendered from
# (src/main/resources/io/callintel/testing/speech/). Needs espeak-ng and flac
# (apt-get install espeak-ng flac); running the tests needs neither.
#
# Every clip is removed, then the tests run with -Dcallintel.speech.record: each line a test renders
# is synthesized again, so what is left is exactly the clips the tests use. espeak-ng is
# deterministic, so unchanged lines come back byte-identical unless espeak-ng itself changed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
clips="$root/engine-testing/src/main/resources/io/callintel/testing/speech"
for tool in espeak-ng flac; do
  command -v "$tool" >/dev/null || { echo "regenerate-speech: $tool is missing (apt-get install espeak-ng flac)" >&2; exit 1; }
done
mkdir -p "$clips"
rm -f "$clips"/*.flac
cd "$root"
# Accuracy floors may fail while lines change; recording must still reach every module.
./mvnw -B test -pl engine-testing,engine-asr,engine-classify,engine-server -am \
  -Dmaven.test.failure.ignore=true -Dcallintel.speech.record="$clips" "$@"
echo "regenerate-speech: $(ls "$clips"/*.flac | wc -l) clips, $(du -sh "$clips" | cut -f1)"
