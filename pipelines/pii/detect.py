"""``detect(text, entities, id_patterns)``: the first release's entry point, kept as is.

It runs an ``Engine`` (see ``engine``) with the given entity types and ID
patterns; engines are cached per (entities, id_patterns). Detection rules live in
``recognizers``; the overlap rule in ``_spans.resolve``: the longer span wins, then
the higher score, then the type earlier in ``_spans.PRIORITY``, then the earlier
start. Spans never include titles or credentials ("Dr. " and ", MD" stay outside).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from ._spans import ENTITY_TYPES, Span


@lru_cache(maxsize=64)
def _engine(entities: tuple[str, ...], id_patterns: tuple[str, ...]):
    from .engine import Engine, EngineOptions

    return Engine(EngineOptions(entities=entities, id_patterns=id_patterns))


def detect(text: str, entities: Iterable[str] = ENTITY_TYPES, id_patterns: Sequence[str] = ()) -> list[Span]:
    """Find personal data in ``text``: sorted, non-overlapping spans of the requested types.

    ``id_patterns`` are extra regular expressions for organisation-specific
    identifiers (reported as ``ID``); a named group ``id`` narrows the span to
    that group, otherwise the whole match is the span.
    """
    if isinstance(entities, str):
        raise TypeError("entities must be a sequence of type names, not one string")
    return _engine(tuple(sorted(set(entities))), tuple(id_patterns)).detect(text)
