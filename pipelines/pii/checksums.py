"""Check digits used by detection, surrogates and canaries (standard library only)."""

from __future__ import annotations


def luhn_ok(digits: str) -> bool:
    """True when the all-digit string passes the Luhn (mod 10) check."""
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = ord(c) - 48
        if i & 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def luhn_complete(partial: str) -> str:
    """``partial`` followed by the Luhn check digit that makes it valid."""
    for d in "0123456789":
        if luhn_ok(partial + d):
            return partial + d
    raise AssertionError("unreachable")


def _iban_number(s: str) -> int:
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4]))


def iban_ok(compact: str) -> bool:
    """ISO 13616 mod-97 check on an upper-case IBAN without spaces."""
    return 15 <= len(compact) <= 34 and compact[:2].isalpha() and compact[2:4].isdigit() and compact.isalnum() \
        and _iban_number(compact) % 97 == 1


def iban_with_check(country: str, bban: str) -> str:
    """The compact IBAN for ``country`` + ``bban`` with correct check digits."""
    check = 98 - _iban_number(country + "00" + bban) % 97
    return f"{country}{check:02d}{bban}"
