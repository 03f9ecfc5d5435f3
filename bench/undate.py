#!/usr/bin/python3
"""A copy of a JSONL corpus with one article in N undated (md5 of doc_id mod N == 0), to measure
how the stories stage treats reports without a date against the corpus's human labels.
    bench/undate.py <in.jsonl[.gz]> <out.jsonl> [N=6]"""
import gzip, hashlib, json, sys

src, dst = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 6
opener = gzip.open if src.endswith('.gz') else open
total = undated = 0
with opener(src, 'rt', encoding='utf-8') as f, open(dst, 'w', encoding='utf-8') as out:
    for line in f:
        article = json.loads(line)
        total += 1
        if int(hashlib.md5(article['doc_id'].encode()).hexdigest(), 16) % n == 0:
            article['published'] = None
            undated += 1
        out.write(json.dumps(article) + '\n')
print(f'{undated} of {total} articles undated', file=sys.stderr)
