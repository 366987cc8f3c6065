#!/usr/bin/env bash
# The degraded set's GSM 06.10 condition: the LibriVox clips through a GSM full-rate phone line (band-limited to
# 300-3400 Hz, 8 kHz, GSM 06.10 in WAV), committed because no encoder for it runs in process. Needs sox.
set -euo pipefail
cd "$(dirname "$0")/src/main/resources/io/callintel/testing/librivox"
mkdir -p gsm
for clip in *.wav; do
  sox "$clip" -r 8000 -c 1 -e gsm-full-rate "gsm/$clip" sinc 300-3400
done
ls -l gsm
