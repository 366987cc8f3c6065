#!/usr/bin/env bash
# Records the speech clips the synthesized test calls are rendered from
# (src/main/resources/io/callintel/testing/speech/). Needs the synthesizers and ffmpeg:
#   apt-get install espeak-ng flite festival festvox-kallpc16k festvox-kdlpc16k festvox-us-slt-hts ffmpeg
# Running the tests needs none of them.
#
# The tests run with -Dcallintel.speech.record: each line a test renders without a clip is synthesized by its
# voice's synthesizer and written as Ogg Opus. With --all, every clip is removed first, so that what is left is
# exactly the clips the tests use (the synthesizers are deterministic: unchanged lines come back the same,
# unless a synthesizer itself changed). Other arguments go to Maven.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
clips="$root/engine-testing/src/main/resources/io/callintel/testing/speech"
for tool in espeak-ng flite text2wave ffmpeg; do
  command -v "$tool" >/dev/null || { echo "regenerate-speech: $tool is missing (see the apt-get line at the top of $0)" >&2; exit 1; }
done
mkdir -p "$clips"
if [ "${1:-}" = "--all" ]; then
  shift
  rm -f "$clips"/*.flac "$clips"/*.opus
fi
cd "$root"
# Accuracy floors may fail while lines change; recording must still reach every module.
./mvnw -B test -pl engine-testing,engine-asr,engine-classify,engine-server -am \
  -Dmaven.test.failure.ignore=true -Dcallintel.speech.record="$clips" "$@"
echo "regenerate-speech: $(find "$clips" -type f | wc -l) clips, $(du -sh "$clips" | cut -f1)"
