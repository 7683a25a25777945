#!/usr/bin/env bash
# formpress benchmark: whole-process wall time (median of RUNS), pages/s, peak memory and PDF
# size for every example and for generated batches of project forms; optionally Typst beside it.
#
#   scripts/bench.sh            full run (RUNS=7, batches up to 5,000 forms)
#   BENCH_SHORT=1 scripts/bench.sh   quick run for CI (RUNS=3, batches up to 100 forms)
#   BENCH_INSTRUCTIONS=1 scripts/bench.sh   also instructions per page, counted by callgrind
#
# Needs a release build (make build) and python3. Typst is timed too when
# `python3 -c "import typst"` works and ../shared/peers exists (pip install typst).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/formpress}
RUNS=${RUNS:-$([ -n "${BENCH_SHORT:-}" ] && echo 3 || echo 7)}
SIZES=${SIZES:-$([ -n "${BENCH_SHORT:-}" ] && echo "1 10 100" || echo "1 10 100 1000 5000")}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -x "$BIN" ] || { echo "no $BIN: run 'make build' first" >&2; exit 1; }

# median KEY FIELD: the median of field FIELD (2 wall seconds, 3 KB, 4 CPU seconds) of the runs of KEY
median() { awk -F'|' -v key="$1" -v field="$2" '$1 == key {print $field}' "$WORK/times" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
# The page dictionaries are compressed in object streams: ask poppler.
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

# measure KEY PDF COMMAND...: RUNS timed runs of COMMAND, one warm-up first
measure() {
  local key=$1 pdf=$2; shift 2
  "$@" >/dev/null 2>&1 || { echo "$key: command failed: $*" >&2; return 1; }
  # One child per run, measured by wait4: wall time from a monotonic clock, peak memory, and CPU
  # time of all its threads, in microseconds (time(1) rounds to 10 ms, too coarse for 10 forms).
  for _ in $(seq "$RUNS"); do
    # FRESH_OUTPUT: each run writes a new folder, as a first run would (replacing files costs
    # the kernel freeing the old ones, and ext4 writes a replacing file's data at once).
    if [ -n "${FRESH_OUTPUT:-}" ]; then rm -rf "$pdf"; sync; fi
    python3 - "$key" "$@" >> "$WORK/times" <<'PY'
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
wall = time.perf_counter() - start
print(f"{sys.argv[1]}|{wall:.4f}|{usage.ru_maxrss}|{usage.ru_utime + usage.ru_stime:.4f}")
PY
  done
  local t m p s
  t=$(median "$key" 2); m=$(median "$key" 3)
  if [ -d "$pdf" ]; then p=$(ls "$pdf" | wc -l); s=$(du -sk "$pdf" | cut -f1); else p=$(pages "$pdf"); s=$(( $(stat -c %s "$pdf") / 1024 )); fi
  printf "%-38s %8.3f s %9.0f pages/s %8.1f MB %9s KB %6s pages\n" "$key" "$t" \
    "$(awk "BEGIN {print ($t > 0) ? $p / $t : 0}")" "$(awk "BEGIN {print $m / 1024}")" "$s" "$p"
}

echo "formpress benchmark, $(nproc) cores, median of $RUNS runs, whole process"
printf "%-38s %10s %17s %11s %12s %12s\n" case wall throughput "peak memory" "PDF size" pages
for example in Examples/*.json; do
  name=$(basename "$example" .json)
  measure "$name" "$WORK/$name.pdf" "$BIN" render "$example" -o "$WORK/$name.pdf" -q
done

# Batches made from the 22 project forms, each named apart (batch-N); the same with every text
# new (novel-N: each text of four characters or more ends in the form's number), as in a real
# county's set, where each form brings texts that no other form has typeset before; and N copies
# of the first form, named apart (copies-N), whose pages are all alike.
for n in $SIZES; do
  python3 - "$n" "$WORK/batch-$n.json" "$WORK/novel-$n.json" "$WORK/copies-$n.json" <<'PY'
import json, re, sys
n, path, novel_path, copies_path = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
forms = json.load(open("Examples/dongkeng-2024-projects.json"))["forms"]
def named(form, i): return dict(form, projectName=form["projectName"] + f"（第{i + 1}项）")
batch = [named(forms[i % len(forms)], i) for i in range(n)]
json.dump({"form": "项目", "layout": "项目", "forms": batch}, open(path, "w"), ensure_ascii=False)
copies = [named(forms[0], i) for i in range(n)]
json.dump({"form": "项目", "layout": "项目", "forms": copies}, open(copies_path, "w"), ensure_ascii=False)
chinese = re.compile("[\u4e00-\u9fff]")
def numbered(value, i):
    if isinstance(value, dict): return {k: v if k.startswith("_") else numbered(v, i) for k, v in value.items()}
    if isinstance(value, list): return [numbered(v, i) for v in value]
    if isinstance(value, str) and len(value) >= 4 and chinese.search(value): return value + f"（{i + 1}）"
    return value
novel = [numbered(dict(forms[i % len(forms)]), i) for i in range(n)]
json.dump({"form": "项目", "layout": "项目", "forms": novel}, open(novel_path, "w"), ensure_ascii=False)
PY
  measure "batch $n, one PDF" "$WORK/b$n.pdf" "$BIN" render "$WORK/batch-$n.json" -o "$WORK/b$n.pdf" -q
  if [ "$n" -ge 1000 ]; then
    measure "batch $n, every text new, one PDF" "$WORK/n$n.pdf" "$BIN" render "$WORK/novel-$n.json" -o "$WORK/n$n.pdf" -q
  fi
  if [ "$n" -ge 100 ]; then
    measure "batch $n, --split" "$WORK/s$n" "$BIN" render "$WORK/batch-$n.json" --split -o "$WORK/s$n" -q
    if [ "$n" -ge 1000 ]; then
      FRESH_OUTPUT=1 measure "batch $n, --split, new folder" "$WORK/f$n" "$BIN" render "$WORK/batch-$n.json" --split -o "$WORK/f$n" -q
      # The smaller files, at the price of deflating each file's fonts in full.
      measure "batch $n, --split, fonts small" "$WORK/z$n" "$BIN" render "$WORK/batch-$n.json" --split -o "$WORK/z$n" -q \
        --font-compression small
    fi
    measure "batch $n, --split --jobs 1" "$WORK/s1-$n" "$BIN" render "$WORK/batch-$n.json" --split -o "$WORK/s1-$n" -q --jobs 1
  fi
done

# Marginal cost per page: time beyond the 1-form run, per page beyond its pages. The sizes are
# run in turn, round after round, and each round's differences taken: a machine whose speed
# drifts between the blocks above would otherwise swamp the few milliseconds of 10 forms.
for kind in batch novel copies; do
  echo
  case $kind in
    batch) echo "time per page beyond the first form (startup excluded), median of $RUNS rounds of every size in turn:" ;;
    novel) echo "the same with every text new (novel batches):" ;;
    copies) echo "the same with every page alike (copies of one form):" ;;
  esac
  python3 - "$RUNS" "$BIN" "$WORK" "$kind" $SIZES <<'PY'
import os, statistics, subprocess, sys, time
runs, binary, work, kind, sizes = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], [int(n) for n in sys.argv[5:]]
def run(n):
    start = time.perf_counter()
    child = subprocess.Popen([binary, "render", f"{work}/{kind}-{n}.json", "-o", f"{work}/m{n}.pdf", "-q"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0: sys.exit(f"{kind} {n}: render failed")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime
def pages(n):
    run(n)
    info = subprocess.run(["pdfinfo", f"{work}/m{n}.pdf"], capture_output=True, text=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))
if sizes[:1] != [1]: sys.exit("SIZES must start with 1")
count = {n: pages(n) for n in sizes}  # (which also warms up)
rounds = [{n: run(n) for n in sizes} for _ in range(runs)]
for n in sizes[1:]:
    extra = count[n] - count[1]
    wall = statistics.median((r[n][0] - r[1][0]) * 1000 / extra for r in rounds)
    cpu = statistics.median((r[n][1] - r[1][1]) * 1000 / extra for r in rounds)
    print(f"  {n:5d} forms: {wall:6.2f} ms/page wall, {cpu:6.2f} ms/page CPU (all threads), {count[n]} pages")
PY
done

# The same in instructions (callgrind counts them the same on a busy machine or a quiet one):
# work per page beyond the first form, on one thread.
if [ -n "${BENCH_INSTRUCTIONS:-}" ] && command -v valgrind >/dev/null; then
  echo
  echo "instructions per page beyond the first form (valgrind --tool=callgrind, --jobs 1; every form here is one page):"
  # valgrind 3.19 cannot read the debug information of a Swift 6 binary: count a stripped copy.
  strip --strip-debug -o "$WORK/formpress" "$BIN"
  instructions() {  # KIND N
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$WORK/formpress" render "$WORK/$1-$2.json" -o "$WORK/i$2.pdf" -q --jobs 1 2>&1 \
      | awk '/refs:/ {gsub(",", "", $NF); print $NF}'
  }
  i1=$(instructions batch 1)
  printf "  %5s form:  %6.1f million instructions in all\n" 1 "$(awk "BEGIN {print $i1 / 1e6}")"
  for n in $SIZES; do
    [ "$n" -gt 1 ] && [ "$n" -le 1000 ] || continue
    iN=$(instructions batch "$n"); cN=$(instructions copies "$n")
    printf "  %5s forms: %6.2f million instructions/page, %6.2f for copies of one form\n" "$n" \
      "$(awk "BEGIN {print ($iN - $i1) / ($n - 1) / 1e6}")" "$(awk "BEGIN {print ($cN - $i1) / ($n - 1) / 1e6}")"
  done
fi

PEERS=../shared/peers
if [ -d "$PEERS" ] && python3 -c "import typst" 2>/dev/null; then
  echo
  echo "Typst on the same forms (../shared/peers), on the same machine in the same run:"
  measure "typst suixi-2024 (004)" "$WORK/ty4.pdf" python3 "$PEERS/typst_render.py" "$PEERS/grids/004.json" "$WORK/ty4.pdf"
  measure "typst dongkeng-2024 (001)" "$WORK/ty1.pdf" python3 "$PEERS/typst_render.py" "$PEERS/grids/001.json" "$WORK/ty1.pdf"
  # The comparison alternates the two, run by run: blocks run minutes apart can land in
  # different spells of this shared machine (one gave Typst a fast spell and formpress a slow one).
  echo "  alternating runs, formpress then Typst, $RUNS of each (medians):"
  python3 - "$RUNS" "$BIN" "$WORK" "$PEERS" <<'PY'
import statistics, subprocess, sys, time
runs, binary, work, peers = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
def timed(command):
    start = time.perf_counter()
    if subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
        sys.exit(f"failed: {' '.join(command)}")
    return time.perf_counter() - start
for example, seed in [("suixi-2024", "004"), ("dongkeng-2024-projects", "001")]:
    ours = [binary, "render", f"Examples/{example}.json", "-o", f"{work}/alt.pdf", "-q"]
    theirs = ["python3", f"{peers}/typst_render.py", f"{peers}/grids/{seed}.json", f"{work}/alt-typst.pdf"]
    pairs = [(timed(ours), timed(theirs)) for _ in range(runs + 1)][1:]  # the first pair warms up
    f, ty = statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)
    print(f"  {example:24s} formpress {f:.4f} s, typst {ty:.4f} s: {ty / f:.1f}x faster")
PY
fi
