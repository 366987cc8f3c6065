#!/usr/bin/env bash
# Makes a data directory with a release's own server: ./make-data-directory.sh RELEASE_DIR OUT_DIR CLIP.wav
# RELEASE_DIR is an unpacked distribution (bin/callintel); OUT_DIR must not exist.
set -euo pipefail
release=$1 data=$2 clip=$3 port=18391
org=33bbb237-6256-4c81-b423-a5bd16af5a32
key=$("$release/bin/callintel" api-key --data "$data" --org $org --name fixture 2>/dev/null)
"$release/bin/callintel" serve --data "$data" --port $port >"$data.log" 2>&1 &
server=$!
trap 'kill $server; wait $server || true' EXIT
for _ in $(seq 60); do curl -sf localhost:$port/health >/dev/null && break; sleep 2; done
api=http://localhost:$port/v1alpha/callintel
auth="Authorization: Token $key"
field() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }
usecase=$(curl -sf -X POST $api/usecase -H "$auth" -H 'Content-Type: application/json' -d '{
  "org_uuid": "'$org'", "usecase_name": "Previous release", "usecase_desc": "Made by the release before migrations",
  "tags": ["legacy"], "analysis_config": {
    "analysis_questions": ["Does the speaker talk about a family? (Yes/No)"],
    "analysis_buckets": [
      {"objective_bucket_name": "Family story", "description": "A story about a family and its estate"},
      {"objective_bucket_name": "Sales call", "description": "A salesperson offers a product"}]}}' | field '["usecase_uuid"]')
recording=$(curl -sf -X POST $api/acme/default/direct-upload -H "$auth" -F file=@"$clip" -F usecase_uuid=$usecase \
  -F 'metadata={"call_date": "2026-11-20"}' | field '["recording_uuid"]')
for _ in $(seq 120); do
  state=$(curl -sf -X POST $api/org-usecases/get-recording-details -H "$auth" -H 'Content-Type: application/json' \
    -d '{"recording_uuid": "'$recording'"}' | field '["state"]')
  [ "$state" = ANALYSIS_COMPLETED ] || [ "$state" = FAILED ] && break
  sleep 2
done
echo "key $key, use case $usecase, recording $recording: $state"
