"""The pipeline's batch garbage-collector threshold and the compact JSON writer's shared encoder."""
from __future__ import annotations

import gc
import json


def test_batch_gc_raises_the_youngest_threshold_and_puts_it_back():
    from banmian.pipeline import BATCH_GC_THRESHOLD, batch_gc

    old = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with batch_gc():
            assert gc.get_threshold() == (BATCH_GC_THRESHOLD, 10, 10)
        assert gc.get_threshold() == (700, 10, 10)
        gc.set_threshold(BATCH_GC_THRESHOLD * 2, 5, 5)  # never lowered
        with batch_gc():
            assert gc.get_threshold() == (BATCH_GC_THRESHOLD * 2, 5, 5)
    finally:
        gc.set_threshold(*old)


def test_batch_gc_puts_the_threshold_back_after_an_error():
    from banmian.pipeline import batch_gc

    old = gc.get_threshold()
    try:
        with batch_gc():
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.get_threshold() == old


def test_compact_dumps_is_json_dumps_compact_unescaped():
    from banmian.writers.json import dumps

    for obj in ({"标题": "北京，晴", "n": [1, 2.5, None, True], "s": "a\"b\\c\n\u2028"}, [], {}, "x", 1.0,
                {"nested": [{"k": "引号“”"}, {"e": float("inf")}]}):
        assert dumps(obj) == json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
        assert dumps(obj) == dumps(obj)  # the shared encoder keeps no state between calls
