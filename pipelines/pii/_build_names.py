"""Developer tool: regenerate ``data/names_en_US.tsv`` from Faker's en_US person lists.

Run ``python -m pipelines.pii._build_names`` with Faker installed. Faker is a
dev-only dependency: the library reads the generated file, never Faker itself.
Faker is MIT-licensed; its en_US lists are themselves derived from US Census
and SSA name frequency tables.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).with_name("data") / "names_en_US.tsv"


def main() -> None:
    import faker
    from faker.providers.person.en_US import Provider

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


if __name__ == "__main__":
    main()
