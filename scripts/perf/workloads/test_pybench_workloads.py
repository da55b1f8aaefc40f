"""Small real Python workloads for recording pytest-benchmark noise (scripts/perf/record-noise.sh)."""
import hashlib
import json
import re
import zlib

DATA = bytes(range(256)) * 256
WORDS = [f"word{i % 977}" for i in range(5000)]
DOC = {"items": [{"id": i, "name": f"n{i}", "tags": ["a", "b"], "score": i * 0.5} for i in range(300)]}
TEXT = " ".join(WORDS)
PATTERN = re.compile(r"word(\d+)7\b")


def test_sorted_words(benchmark):
    benchmark(sorted, WORDS)


def test_dict_count(benchmark):
    def count():
        counts = {}
        for w in WORDS:
            counts[w] = counts.get(w, 0) + 1
        return counts

    benchmark(count)


def test_json_roundtrip(benchmark):
    benchmark(lambda: json.loads(json.dumps(DOC)))


def test_sha256(benchmark):
    benchmark(lambda: hashlib.sha256(DATA).hexdigest())


def test_zlib_compress(benchmark):
    benchmark(zlib.compress, DATA, 6)


def test_regex_findall(benchmark):
    benchmark(PATTERN.findall, TEXT)


def test_list_comprehension(benchmark):
    benchmark(lambda: [x * x for x in range(20000) if x % 3])
