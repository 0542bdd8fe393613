# Sourced by .ci/test.sh and bench/run.sh (from the repository root): use the local OpenSearch
# for the rest of the calling script. Starts it when it is not running and stops it again when
# the script exits; a node that was already running is left alone.

opensearch_for_this_script() {
  _opensearch_started_here=0
  if ! services/opensearch.sh status >/dev/null 2>&1; then
    services/opensearch.sh start >&2 || return 1
    _opensearch_started_here=1
  fi
  trap _stop_opensearch_started_here EXIT
}

_stop_opensearch_started_here() {
  if [[ "${_opensearch_started_here:-0}" == 1 ]]; then services/opensearch.sh stop >&2 || true; fi
}
