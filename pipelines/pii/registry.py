"""One registry of recognizers: name -> class, imported on first use.

``get_recognizer("emial")`` raises ``KeyError`` with a "did you mean 'email'?" hint.
Third-party recognizers can be added with ``register(name, "package.module:Class")``.
"""

from __future__ import annotations

import importlib

from ._spans import suggest

# name -> "module:Class" (modules relative to this package start with ".")
_REGISTRY: dict[str, str] = {
    "email": ".recognizers:EmailRecognizer",
    "phone": ".recognizers:PhoneRecognizer",
    "date": ".recognizers:DateRecognizer",
    "age": ".recognizers:AgeRecognizer",
    "address": ".recognizers:AddressRecognizer",
    "zip": ".recognizers:ZipRecognizer",
    "id": ".recognizers:IdRecognizer",
    "national_id": ".recognizers:NationalIdRecognizer",
    "credit_card": ".recognizers:CreditCardRecognizer",
    "iban": ".recognizers:IbanRecognizer",
    "ip": ".recognizers:IpRecognizer",
    "url": ".recognizers:UrlRecognizer",
    "person": ".recognizers:PersonRecognizer",
    "place": ".recognizers:PlaceRecognizer",
    "nrp": ".recognizers:NrpRecognizer",
    "organization": ".recognizers:OrganizationRecognizer",
    "structured": ".structured:StructuredRecognizer",
    "ner": ".ner:NerRecognizer",
}
#: Recognizers an Engine uses unless ``EngineOptions.recognizers`` says otherwise
#: ("ner" joins them when ``EngineOptions.ner`` is set).
DEFAULT_RECOGNIZERS: tuple[str, ...] = tuple(n for n in _REGISTRY if n != "ner")
_loaded: dict[str, type] = {}


def names() -> tuple[str, ...]:
    """Every registered recognizer name."""
    return tuple(_REGISTRY)


def check_name(name: str) -> str:
    if name not in _REGISTRY:
        raise KeyError(f"unknown recognizer {name!r}{suggest(name, _REGISTRY)}; known: {sorted(_REGISTRY)}")
    return name


def get_recognizer(name: str) -> type:
    """The recognizer class registered under ``name`` (its module is imported now)."""
    cls = _loaded.get(name)
    if cls is None:
        target = _REGISTRY[check_name(name)]
        module, _, attr = target.partition(":")
        mod = importlib.import_module(module, __package__) if module.startswith(".") else importlib.import_module(module)
        cls = _loaded[name] = getattr(mod, attr)
    return cls


def register(name: str, target: str) -> None:
    """Register ``"package.module:Class"`` (a ``recognizers.Recognizer`` subclass) under ``name``."""
    if ":" not in target:
        raise ValueError("a recognizer target is 'package.module:ClassName'")
    _REGISTRY[name] = target
    _loaded.pop(name, None)
