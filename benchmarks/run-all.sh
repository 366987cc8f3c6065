#!/usr/bin/env bash
# benchmarks/run-all.sh: builds the benchmark jars (benchmarks/jmh/target/benchmarks.jar, benchmarks/probes/target/
# probes.jar, benchmarks/load/target/server-load.jar) and runs the whole benchmark suite, one step
# after another, from the repository root (wherever it is called from):
#
#   1. every JMH benchmark class present in the jar, each in its own JMH run with its JSON written to
#      benchmarks/results/<Class>.json (and its console output to <Class>.log):
#      DecodeBenchmark, TranscribeBenchmark, EmbedBenchmark, IndexBenchmark, AnalysisShareBenchmark,
#      VadBenchmark, DiarizationBenchmark, AnalyzeBenchmark;
#   2. the plain-main probes: DecodeHeapProbe, StageProfile, RecognizerSoak, ServerLoadBenchmark (when present);
#   3. the macro benchmark (MacroBenchmark: an hour of calls, plain Vosk loop against the full analyze);
#   4. benchmarks/results/summary.md: the Markdown tables of BenchmarkSummary, StageBenchmarkSummary and the macro run.
#
# Usage: benchmarks/run-all.sh [--quick] [--only NAME[,NAME...]] [--skip-build] [--keep-going] [--results DIR]
#                              [--hours H]
#   --quick        short settings: JMH 1 fork, 1 warm-up and 1 measured iteration of 1 s (single-shot benchmarks: 1 + 1
#                  ops); small probes (20 MB heap probe, StageProfile on silent30 once, 100-file soak, 5 s server load);
#                  macro on 0.1 h. Checks that everything runs (~25-35 min on 2 cores); the figures are rough.
#                  Without it: each benchmark's own settings, 1 h macro (several hours in all on 2 cores).
#   --only LIST    run only these steps, comma-separated, by short name: Decode, Transcribe, Embed, Index,
#                  AnalysisShare, Vad, Diarization, Analyze, DecodeHeapProbe, StageProfile, RecognizerSoak,
#                  ServerLoad, Macro (e.g. --only Vad,Diarization,Analyze)
#   --skip-build   use the jars already built
#   --keep-going   run the remaining steps after a failure (exit status 1 at the end); default: stop at the first
#   --results DIR  where results go (default benchmarks/results)
#   --hours H      the macro benchmark's corpus size in hours (default 1, or 0.1 with --quick)
# Environment: CALLINTEL_MVN_ARGS (extra Maven arguments for the build, e.g. -o for offline),
#              BENCH_JMH_ARGS (extra JMH arguments for every JMH step, e.g. "-prof gc").
# Needs: a JDK 21+ (chosen by .mvn/jdk.sh as ./mvnw does), ffmpeg and espeak-ng on PATH; the recognition corpus
# reads the LibriVox clips committed in engine-testing. Corpora are generated on
# first use into the temp directory and reused. JMH allows one JMH run per machine at a time (/tmp/jmh.lock):
# a JMH step fails if another one is running.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"

die() {
  echo "run-all: $*" >&2
  exit 1
}

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//' >&2
  exit 2
}

quick=0
only=""
build=1
keep_going=0
results="benchmarks/results"
hours=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --only) [ $# -ge 2 ] || usage; only=",$2,"; shift ;;
    --skip-build) build=0 ;;
    --keep-going) keep_going=1 ;;
    --results) [ $# -ge 2 ] || usage; results="$2"; shift ;;
    --hours) [ $# -ge 2 ] || usage; hours="$2"; shift ;;
    -h|--help) usage ;;
    *) echo "run-all: unknown option $1" >&2; usage ;;
  esac
  shift
done
if [ -z "$hours" ]; then
  if [ "$quick" = 1 ]; then hours=0.1; else hours=1; fi
fi

all_steps="Decode Transcribe Embed Index AnalysisShare Vad Diarization Analyze DecodeHeapProbe StageProfile RecognizerSoak ServerLoad Macro"
if [ -n "$only" ]; then
  for name in ${only//,/ }; do
    case " $all_steps " in *" $name "*) ;; *) die "--only: unknown step '$name' (steps: $all_steps)" ;; esac
  done
fi
wanted() {
  [ -z "$only" ] || [[ "$only" == *",$1,"* ]]
}

# shellcheck source=../.mvn/jdk.sh
. "$root/.mvn/jdk.sh"
callintel_select_jdk javac || die "no JDK 21 or newer (see above)"
java="$JAVA_HOME/bin/java"

for tool in ffmpeg espeak-ng; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not on PATH: the benchmark corpora are synthesised with it"
done

jar="benchmarks/jmh/target/benchmarks.jar"
probes="benchmarks/probes/target/probes.jar"
load="benchmarks/load/target/server-load.jar"
modules="models,benchmarks/jmh,benchmarks/probes,benchmarks/load"
if [ "$build" = 1 ]; then
  echo "run-all: building $jar, $probes and $load (and unpacking the models if needed)..." >&2
  # shellcheck disable=SC2086 # CALLINTEL_MVN_ARGS is a list of arguments, split on purpose
  ./mvnw -q -B ${CALLINTEL_MVN_ARGS:-} -pl "$modules" -am package -DskipTests \
    || die "the build failed (see above); to retry by hand: ./mvnw -pl $modules -am package -DskipTests"
fi
for built in "$jar" "$probes" "$load"; do
  [ -f "$built" ] || die "$built does not exist: run without --skip-build"
done
[ -f models/vosk-model-en-us/am/final.mdl ] || die "models/vosk-model-en-us is missing: build the models module (./mvnw -pl models package)"
[ -f models/e5-small-v2-q/model.onnx ] || die "models/e5-small-v2-q is missing: build the models module (./mvnw -pl models package)"

mkdir -p "$results" || die "cannot create $results"
# Results are measurements of one machine at one time: never committed by accident.
[ -f "$results/.gitignore" ] || printf '*\n' > "$results/.gitignore"

# Vosk allocates natively from many threads; two malloc arenas keep resident memory flat (as ./callintel does).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
jvm=("$java" --enable-native-access=ALL-UNNAMED)
benchmarks_in_jar="$("$java" -jar "$jar" -l 2>/dev/null)" || die "cannot list the benchmarks in $jar"

if [ "$quick" = 1 ]; then
  jmh_quick=(-f 1 -wi 1 -i 1 -w 1s -r 1s)
else
  jmh_quick=()
fi
read -r -a jmh_extra <<<"${BENCH_JMH_ARGS:-}"

summary_rows=()
failures=0
started_all=$(date +%s)
echo "run-all: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $("$java" -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# run_step NAME LOG OUTPUT COMMAND...: runs it with its output shown and kept in LOG, records status and time.
run_step() {
  local name="$1" log="$2" output="$3"
  shift 3
  local start status
  start=$(date +%s)
  echo >&2
  echo "run-all: === $name ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)) ===" >&2
  set +e
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  set -e
  local seconds=$(( $(date +%s) - start ))
  if [ "$status" = 0 ]; then
    summary_rows+=("| $name | ok | $seconds | $output |")
  else
    summary_rows+=("| $name | **FAILED (exit $status)** | $seconds | $log |")
    failures=$((failures + 1))
    echo "run-all: $name FAILED with exit status $status; its output is in $log" >&2
    if [ "$keep_going" = 0 ]; then
      print_summary
      exit 1
    fi
  fi
}

print_summary() {
  echo >&2
  echo "run-all: steps ($(( ($(date +%s) - started_all) / 60 )) min in all; results in $results)" >&2
  {
    echo "| step | status | seconds | output |"
    echo "|---|---|---:|---|"
    printf '%s\n' "${summary_rows[@]}"
  } >&2
}

# 1. JMH benchmarks, one class per JMH run.
for name in Decode Transcribe Embed Index AnalysisShare Vad Diarization Analyze; do
  wanted "$name" || continue
  class="${name}Benchmark"
  if ! grep -q "^io\.callintel\.bench\.$class\." <<<"$benchmarks_in_jar"; then
    echo "run-all: $class is not in this build: skipped" >&2
    summary_rows+=("| $class | skipped (not in the jar) | 0 | - |")
    continue
  fi
  run_step "$class" "$results/$class.log" "$results/$class.json" \
    "$java" -jar "$jar" "^io\.callintel\.bench\.$class\." -foe true -rf json -rff "$results/$class.json" \
    "${jmh_quick[@]}" "${jmh_extra[@]}"
done

# 2. Plain-main probes.
if [ "$quick" = 1 ]; then
  heap_args=(--size-mb 20); stage_args=(--audio silent30 --repeat 1); soak_args=(--files 100 --every 50)
  server_args=(--warmup-s 2 --duration-s 5 --rates 1000 --upload-mb 20 --upload-runs 2 --memory-uploads 8 --memory-mb 20 --memory-rounds 1)
else
  heap_args=(); stage_args=(--audio dense,silent30 --repeat 2); soak_args=(--files 1000 --every 100)
  server_args=()
fi
if wanted DecodeHeapProbe; then
  run_step DecodeHeapProbe "$results/DecodeHeapProbe.log" "$results/decode-heap.json" \
    "${jvm[@]}" -Xmx256m -cp "$probes" io.callintel.bench.probe.DecodeHeapProbe "${heap_args[@]}" --out "$results/decode-heap.json"
fi
if wanted StageProfile; then
  run_step StageProfile "$results/StageProfile.log" "$results/StageProfile.log" \
    "${jvm[@]}" -Xmx2g -cp "$probes" io.callintel.bench.probe.StageProfile "${stage_args[@]}"
fi
if wanted RecognizerSoak; then
  run_step RecognizerSoak "$results/RecognizerSoak.log" "$results/soak.json" \
    "${jvm[@]}" -Xmx512m -cp "$probes" io.callintel.bench.probe.RecognizerSoak "${soak_args[@]}" --workers 2 --callers 2 \
    --out "$results/soak.json"
fi
if wanted ServerLoad; then
  run_step ServerLoadBenchmark "$results/ServerLoadBenchmark.log" "$results/server-load.json" \
    "${jvm[@]}" -jar "$load" "${server_args[@]}" --out "$results/server-load.json"
fi

# 3. The macro benchmark.
if wanted Macro; then
  run_step MacroBenchmark "$results/MacroBenchmark.log" "$results/macro.json" \
    "${jvm[@]}" -Xmx2g -cp "$probes" io.callintel.bench.probe.MacroBenchmark --hours "$hours" --out "$results/macro.json"
fi

# 4. The tables, from whatever results exist now.
{
  echo "# Benchmark results ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); $("$java" -version 2>&1 | head -1);"\
       "$(uname -sr); load at the end $(cut -d' ' -f1-3 /proc/loadavg)$([ "$quick" = 1 ] && echo '; --quick settings')"
  for class in DecodeBenchmark TranscribeBenchmark EmbedBenchmark IndexBenchmark AnalysisShareBenchmark; do
    if [ -s "$results/$class.json" ]; then
      echo; echo "## $class"; echo
      "$java" -cp "$jar" io.callintel.bench.BenchmarkSummary "$results/$class.json" 2>&1 || true
    fi
  done
  stage_json=()
  for class in VadBenchmark DiarizationBenchmark AnalyzeBenchmark; do
    if [ -s "$results/$class.json" ]; then stage_json+=("$results/$class.json"); fi
  done
  if [ ${#stage_json[@]} -gt 0 ]; then
    echo; echo "## VAD, diarization, end-to-end analyze"; echo
    "${jvm[@]}" -cp "$jar" io.callintel.bench.StageBenchmarkSummary "${stage_json[@]}" 2>&1 || true
  fi
  if [ -s "$results/MacroBenchmark.log" ] && grep -q '^| run ' "$results/MacroBenchmark.log"; then
    echo; echo "## MacroBenchmark"; echo
    sed -n '/^Machine: /,$p' "$results/MacroBenchmark.log" | grep -v '^macro: '
  fi
} > "$results/summary.md"
echo >&2
cat "$results/summary.md"
print_summary
if [ "$failures" -gt 0 ]; then
  echo "run-all: $failures step(s) failed" >&2
  exit 1
fi
echo "run-all: all steps done; tables in $results/summary.md" >&2
