"""Developer tool: regenerate the name gazetteer files from Faker's person lists.

Run ``python -m pipelines.pii._build_names`` with Faker installed. Faker is a
dev-only dependency: the library reads the generated files, never Faker itself.
Faker is MIT-licensed; its en_US lists are themselves derived from US Census
and SSA name frequency tables, the other locales from national name statistics.

* ``data/names_en_US.tsv``: Faker's en_US first (by gender) and last names.
* ``data/names_intl.tsv``: first and last names of Faker's other Latin-script
  locales (``INTL_LOCALES``; romanized lists for zh_CN and ja_JP), minus the
  en_US names, names shorter than three letters, common English words (Faker's
  en_US lorem word list plus ``COMMON_WORDS``) and the surrogate pools of
  ``_names`` (which must stay disjoint from the gazetteer), and place names
  (``_places``: cities, states, countries; "London", "Paris" are places first).
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

OUT = Path(__file__).with_name("data") / "names_en_US.tsv"
OUT_INTL = Path(__file__).with_name("data") / "names_intl.tsv"

INTL_LOCALES = (
    "en_GB", "en_IE", "en_IN", "en_NG", "en_KE", "en_PK", "en_NZ", "de_DE", "de_AT", "de_CH", "fr_FR",
    "fr_CA", "es_ES", "es_MX", "es_CO", "es_AR", "it_IT", "pt_BR", "pt_PT", "nl_NL", "nl_BE", "pl_PL",
    "cs_CZ", "sk_SK", "sv_SE", "no_NO", "da_DK", "fi_FI", "hu_HU", "ro_RO", "hr_HR", "sl_SI", "lt_LT",
    "lv_LV", "et_EE", "tr_TR", "id_ID", "yo_NG", "ig_NG", "ha_NG", "tw_GH", "zu_ZA", "sw", "ga_IE",
    "zh_CN", "ja_JP",
)
_FIRST_ATTRS = ("first_names", "first_names_female", "first_names_male", "first_romanized_names")
_LAST_ATTRS = ("last_names", "last_romanized_names")
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏȘșȚț'’-]{3,}")
# Everyday words that Faker's lorem list lacks but that start sentences in
# customer-support and e-mail text (names that are also such words need a cue).
COMMON_WORDS = frozenset("""
hello hi hey dear thanks thank cheers regards best kind warm sincerely yours please sorry okay ok
team support help issue problem order refund account card bank phone mobile email mail router
internet service customer client agent caller user admin manager office branch store shop delivery
parcel package invoice ticket case update status today tomorrow yesterday morning evening night
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december spring summer autumn winter christmas easter
north south east west street road lane avenue city town village hill park bridge river lake
sent from via app web online offline login password code number amount total price fee charge
new old good great fine nice happy glad sure true false yes no not none all any each every
will can may might must shall should would could did does done went gone got get let make made
unit flat floor house home work job rose hope grace joy faith honor honour patience charity
""".split())


def _faker_names(locale: str) -> tuple[set[str], set[str]]:
    p = importlib.import_module(f"faker.providers.person.{locale}").Provider
    first: set[str] = set()
    last: set[str] = set()
    for attrs, acc in ((_FIRST_ATTRS, first), (_LAST_ATTRS, last)):
        for a in attrs:
            for n in getattr(p, a, None) or ():
                for part in str(n).split():
                    if _LATIN.fullmatch(part):
                        acc.add(part)
    return first, last


def main() -> None:
    import faker
    from faker.providers.lorem.en_US import Provider as Lorem
    from faker.providers.person.en_US import Provider

    from ._names import SURROGATE_FIRST_F, SURROGATE_FIRST_M, SURROGATE_LAST

    rows: list[str] = []
    for tag, names in (
        ("F", Provider.first_names_female),
        ("M", Provider.first_names_male),
        ("L", Provider.last_names),
    ):
        rows.extend(f"{tag}\t{n}" for n in sorted(set(names)))
    header = [
        "# Name gazetteer for pipelines.pii (PERSON detection and surrogate gender).",
        f"# Source: Faker {faker.VERSION}, faker/providers/person/en_US "
        "(first_names_female, first_names_male, last_names); MIT license.",
        "# Regenerate: python -m pipelines.pii._build_names",
        "# Format: F|M|L <TAB> name  (F/M = female/male first name, L = last name)",
    ]
    OUT.write_text("\n".join(header + rows) + "\n", encoding="utf-8", newline="\n")

    known = {n.lower() for n in (*Provider.first_names_female, *Provider.first_names_male, *Provider.last_names)}
    banned = known | {w.lower() for w in Lorem.word_list} | COMMON_WORDS | {
        n.lower() for n in SURROGATE_FIRST_F + SURROGATE_FIRST_M + SURROGATE_LAST}
    first: set[str] = set()
    last: set[str] = set()
    for loc in INTL_LOCALES:
        f, l_ = _faker_names(loc)
        first |= {n.lower() for n in f}
        last |= {n.lower() for n in l_}
    from ._places import places

    banned |= set(places().names)
    first -= banned
    last -= banned | first
    rows = [f"N\t{n}" for n in sorted(first)] + [f"L\t{n}" for n in sorted(last)]
    header = [
        "# International name gazetteer for pipelines.pii (PERSON detection only; no gender).",
        f"# Source: Faker {faker.VERSION}, faker/providers/person/<locale> first and last name lists "
        f"(MIT license) of: {' '.join(INTL_LOCALES)}.",
        "# Latin script only; minus en_US names, names under 3 letters, common English words, surrogate pools,",
        "# place names (pipelines.pii._places).",
        "# Regenerate: python -m pipelines.pii._build_names",
        "# Format: N|L <TAB> lower-case name  (N = first name, L = last name)",
    ]
    OUT_INTL.write_text("\n".join(header + rows) + "\n", encoding="utf-8", newline="\n")


if __name__ == "__main__":
    main()
