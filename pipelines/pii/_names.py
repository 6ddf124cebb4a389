"""Name lists: the detection gazetteer (a data file, loaded lazily) and the surrogate pools.

The gazetteer ``data/names_en_US.tsv`` is generated from Faker's en_US person
lists by ``_build_names.py`` (see the file's header for the Faker version). The
bundled sample (``data/sample``) is generated with the same Faker lists, so the
recall measured on that sample is optimistic for gazetteer hits; the sample
also plants names absent from the gazetteer to exercise context-based detection.

The surrogate pools below are deliberately disjoint from the gazetteer (a unit
test checks it), so that a surrogate never reproduces a real-looking name from
the source data and a second detection pass can tell surrogates apart.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).with_name("data") / "names_en_US.tsv"
#: First and last names of Faker's other Latin-script locales (see ``_build_names``):
#: membership only (detection), never gender.
_DATA_INTL = Path(__file__).with_name("data") / "names_intl.tsv"

SURROGATE_FIRST_F = (
    "Adelaide", "Beatrix", "Clementine", "Delphine", "Elowen", "Florentina", "Genevieve",
    "Henrietta", "Imogen", "Juniper", "Katarina", "Leonora", "Marguerite", "Nerissa", "Ophelia",
    "Philippa", "Rosalind", "Seraphina", "Theodora", "Ursula", "Violetta", "Winifred", "Xanthe",
    "Ysolde", "Zelda", "Annika", "Briony", "Cordelia", "Esme", "Fenella",
)
SURROGATE_FIRST_M = (
    "Ambrose", "Benedict", "Cassius", "Desmond", "Eustace", "Florian", "Gideon", "Horatio",
    "Ichabod", "Jasper", "Killian", "Lysander", "Magnus", "Norbert", "Octavian", "Percival",
    "Quentin", "Rupert", "Silas", "Tobias", "Ulysses", "Valentin", "Wendell", "Xerxes", "Yorick",
    "Zebulon", "Alaric", "Bertram", "Crispin", "Dashiell",
)
SURROGATE_LAST = (
    "Ashdown", "Blackwood", "Calloway", "Dunmore", "Eastwick", "Fairbanks", "Glenister",
    "Hartwell", "Ingersoll", "Jarrow", "Kingsley", "Lockhart", "Merriweather", "Northcott",
    "Oakhurst", "Pemberton", "Quimby", "Ravenscroft", "Sutherland", "Thornbury", "Underhill",
    "Vandermeer", "Whitlock", "Yardley", "Abernathy", "Bellamy", "Cartwright", "Delacroix",
    "Ellsworth", "Fenwick",
)


class Gazetteer:
    """Lower-cased first names by gender and last names (en_US), plus ``intl``:
    names of other locales, used for membership (``in``) only."""

    __slots__ = ("female", "male", "last", "first", "intl", "intl_first", "_all")

    def __init__(self, female: frozenset[str], male: frozenset[str], last: frozenset[str],
                 intl_first: frozenset[str] = frozenset(), intl_last: frozenset[str] = frozenset()) -> None:
        self.female, self.male, self.last = female, male, last
        self.first = female | male
        self.intl_first = intl_first
        self.intl = intl_first | intl_last
        self._all = self.first | last | self.intl

    def is_first(self, token: str) -> bool:
        """A listed first name (any locale)."""
        n = token.lower()
        return n in self.first or n in self.intl_first

    def gender(self, first_name: str) -> str | None:
        """'F' or 'M' when the first name is listed for exactly one gender."""
        n = first_name.lower()
        f, m = n in self.female, n in self.male
        return "F" if f and not m else "M" if m and not f else None

    def __contains__(self, token: str) -> bool:
        return token.lower() in self._all


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The name gazetteer; parsed once and then loaded from the on-disk cache (``_cache``)."""
    from . import _cache

    def build() -> tuple:
        sets: dict[str, set[str]] = {"F": set(), "M": set(), "L": set()}
        for line in _DATA.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                tag, name = line.split("\t", 1)
                sets[tag].add(name.strip().lower())
        intl: dict[str, set[str]] = {"N": set(), "L": set()}
        if _DATA_INTL.exists():
            for line in _DATA_INTL.read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    tag, name = line.split("\t", 1)
                    intl[tag].add(name.strip())
        return (frozenset(sets["F"]), frozenset(sets["M"]), frozenset(sets["L"]),
                frozenset(intl["N"]), frozenset(intl["L"]))

    def valid(v) -> bool:
        return isinstance(v, tuple) and len(v) == 5 and all(isinstance(x, frozenset) for x in v)

    sources = [__file__, str(_DATA)] + ([str(_DATA_INTL)] if _DATA_INTL.exists() else [])
    return Gazetteer(*_cache.cached("names", lambda: sources, build, valid))
