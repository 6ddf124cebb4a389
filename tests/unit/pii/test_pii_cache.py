"""The on-disk gazetteer cache: same values as a fresh build, rebuilt when stale or damaged,
never a reason to fail."""
from __future__ import annotations

import pytest

from pipelines.pii import _cache, _names, _places


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("RELEASE_GATE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("RELEASE_GATE_NO_CACHE", raising=False)
    return tmp_path / "cache"


def test_builds_once_then_loads(cache_dir, tmp_path):
    src = tmp_path / "src.txt"
    src.write_text("a")
    calls = []

    def build():
        calls.append(1)
        return {"x": 1}, frozenset({"a", "b"})

    assert _cache.cached("t", lambda: [str(src)], build) == ({"x": 1}, frozenset({"a", "b"}))
    assert _cache.cached("t", lambda: [str(src)], build) == ({"x": 1}, frozenset({"a", "b"}))
    assert len(calls) == 1 and len(list(cache_dir.iterdir())) == 1
    src.write_text("changed")  # a changed source is a new cache entry
    _cache.cached("t", lambda: [str(src)], build)
    assert len(calls) == 2 and len(list(cache_dir.iterdir())) == 2


def test_damaged_or_invalid_entries_are_rebuilt(cache_dir, tmp_path):
    src = tmp_path / "src.txt"
    src.write_text("a")
    _cache.cached("t", lambda: [str(src)], lambda: (1, 2))
    (entry,) = cache_dir.iterdir()
    entry.write_bytes(b"\x00garbage")
    assert _cache.cached("t", lambda: [str(src)], lambda: (1, 2)) == (1, 2)
    assert _cache.cached("t", lambda: [str(src)], lambda: (3, 4), valid=lambda v: v == (3, 4)) == (3, 4)


def test_off_unwritable_or_unstatable_still_gives_the_value(tmp_path, monkeypatch):
    monkeypatch.setenv("RELEASE_GATE_NO_CACHE", "1")
    assert _cache.cache_dir() is None
    assert _cache.cached("t", list, lambda: 7) == 7
    monkeypatch.delenv("RELEASE_GATE_NO_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("RELEASE_GATE_CACHE_DIR", str(blocker / "sub"))  # cannot be created
    assert _cache.cached("t", list, lambda: 8) == 8
    assert _cache.cached("t", lambda: [str(tmp_path / "missing")], lambda: 9) == 9


def test_gazetteers_from_the_cache_equal_a_fresh_build(cache_dir, monkeypatch):
    try:
        for _ in range(2):  # build (and store), then load
            _places.places.cache_clear()
            _names.gazetteer.cache_clear()
            pl, gz = _places.places(), _names.gazetteer()
        assert {p.name.split("-")[0] for p in cache_dir.iterdir()} == {"places", "names"}
        names, state_codes, city_pop = _places._build_places()
        assert pl.names == names and list(pl.state_codes.items()) == list(state_codes.items())
        assert pl.city_pop == city_pop
        fresh = _places.Places(names, state_codes, city_pop)
        assert pl.first_words == fresh.first_words and pl.max_words == fresh.max_words
        monkeypatch.setenv("RELEASE_GATE_NO_CACHE", "1")
        _names.gazetteer.cache_clear()
        built = _names.gazetteer()
        assert (gz.female, gz.male, gz.last, gz.intl_first, gz.intl) == \
            (built.female, built.male, built.last, built.intl_first, built.intl)
    finally:
        _places.places.cache_clear()
        _names.gazetteer.cache_clear()
