# usage: jfr print --stack-depth 96 --events jdk.ExecutionSample <run.jfr> | python3 bench/stage_profile.py <bench-1m.json> <run>/manifest.json
# Splits a JFR recording of a bench run into its stages by time (walls laid end to end from the manifest's start) and
# prints each stage's top frames: where a sample was, and what it passed through.
import sys, re, json, collections, datetime
bench = json.load(open(sys.argv[1])); man = json.load(open(sys.argv[2]))
started = datetime.datetime.fromisoformat(man['started'].replace('Z', '+00:00'))
stages = bench['pipeline']['stages']
# The bench writes its stages in the order they ran; 'other' (no wall of its own) is left out.
order = [s for s, v in stages.items() if v.get('wall_seconds')]
# Frames listed under "through": the project's, and the library work a stage is made of.
THROUGH = ('newsframe', 'lucene', 'parquet', 'Parquet', 'Sort', 'Shuffle', 'Encoder', 'GeneratedClass', 'HashJoin', 'Aggregat', 'regex')
bounds = []; t = 0.0
for s in order:
    w = stages[s]['wall_seconds']; bounds.append((s, t, t + w)); t += w
day = started.date()
self_c = collections.defaultdict(collections.Counter)
incl = collections.defaultdict(collections.Counter)
tot = collections.Counter()
def flush(ts, frames):
    if ts is None or not frames: return
    rel = (ts - started).total_seconds()
    st = 'outside'
    for s, a, b in bounds:
        if a <= rel < b: st = s; break
    tot[st] += 1
    self_c[st][frames[0]] += 1
    for f in set(frames):
        if any(k in f for k in THROUGH):
            incl[st][f] += 1
ts = None; frames = []; instack = False
for line in sys.stdin:
    l = line.strip()
    if l.startswith('startTime ='):
        flush(ts, frames); frames = []
        hh = l.split('=')[1].strip()
        tm = datetime.datetime.strptime(hh, '%H:%M:%S.%f').time()
        ts = datetime.datetime.combine(day, tm, tzinfo=started.tzinfo)
        if ts < started - datetime.timedelta(hours=1): ts += datetime.timedelta(days=1)
    elif l.startswith('stackTrace = ['): instack = True
    elif instack and l == ']': instack = False
    elif instack and l and l != '...':
        frames.append(re.sub(r'\(.*', '', l))
flush(ts, frames)
N = sum(tot.values())
print(f'samples {N}; per stage: ' + ', '.join(f'{s} {tot[s]}' for s in order + ['outside']))
for s in order:
    n = tot[s] or 1
    print(f'\n== {s}: {tot[s]} samples ({stages[s]["wall_seconds"]} s wall)')
    print('  self (top 15):')
    for f, c in self_c[s].most_common(15): print(f'   {100*c/n:5.1f}% {f}')
    print('  through (newsframe, Lucene, Parquet, sort, shuffle, joins, aggregates, codegen, regex; top 25):')
    for f, c in incl[s].most_common(25): print(f'   {100*c/n:5.1f}% {f}')
