"""Demonyms that trade news uses for countries 0002 left without one.

"Kenyan officials spoke to US officials": without the demonym the country is not a party of
the event. Capitals are left out: a wire dateline ("Doha, Oct 7 (PTI)") names where the story
was filed, and a capital there would make its country a party.
"""

from __future__ import annotations

from django.db import migrations

MORE_ALIASES = {
    "KE": ["Kenyan"],
    "GH": ["Ghanaian"],
    "ET": ["Ethiopian"],
    "TZ": ["Tanzanian"],
    "UG": ["Ugandan"],
    "RW": ["Rwandan"],
    "ZM": ["Zambian"],
    "ZW": ["Zimbabwean"],
    "AO": ["Angolan"],
    "MZ": ["Mozambican"],
    "NA": ["Namibian"],
    "BW": ["Botswanan"],
    "MG": ["Malagasy"],
    "MU": ["Mauritian"],
    "CI": ["Ivorian"],
    "SN": ["Senegalese"],
    "MA": ["Moroccan"],
    "DZ": ["Algerian"],
    "TN": ["Tunisian"],
    "QA": ["Qatari"],
    "KW": ["Kuwaiti"],
    "BH": ["Bahraini"],
    "OM": ["Omani"],
    "JO": ["Jordanian"],
    "IQ": ["Iraqi"],
    "LB": ["Lebanese"],
    "KZ": ["Kazakh", "Kazakhstani"],
    "UZ": ["Uzbek"],
    "KG": ["Kyrgyz"],
    "TJ": ["Tajik"],
    "TM": ["Turkmen"],
    "MN": ["Mongolian"],
    "NP": ["Nepali", "Nepalese"],
    "MM": ["Burmese"],
    "LA": ["Laotian"],
    "BN": ["Bruneian"],
    "HU": ["Hungarian"],
    "CZ": ["Czech"],
    "SK": ["Slovak"],
    "SI": ["Slovenian"],
    "HR": ["Croatian"],
    "RS": ["Serbian"],
    "RO": ["Romanian"],
    "BG": ["Bulgarian"],
    "GR": ["Greek"],
    "PT": ["Portuguese"],
    "DK": ["Danish"],
    "FI": ["Finnish"],
    "IS": ["Icelandic"],
    "EE": ["Estonian"],
    "LV": ["Latvian"],
    "LT": ["Lithuanian"],
    "LU": ["Luxembourgish"],
    "GL": ["Greenlandic"],
    "EC": ["Ecuadorian"],
    "GT": ["Guatemalan"],
    "SV": ["Salvadoran"],
    "HN": ["Honduran"],
    "NI": ["Nicaraguan"],
    "CR": ["Costa Rican"],
    "PA": ["Panamanian"],
    "DO": ["Dominican"],
    "CU": ["Cuban"],
    "JM": ["Jamaican"],
    "VE": ["Venezuelan"],
    "BO": ["Bolivian"],
    "PY": ["Paraguayan"],
    "UY": ["Uruguayan"],
}


def jurisdictions_with_names(apps):
    """(jurisdiction, its new names) for each country of the table that exists."""
    Jurisdiction = apps.get_model("timeline", "Jurisdiction")
    for code, names in MORE_ALIASES.items():
        jurisdiction = Jurisdiction.objects.filter(code=code).first()
        if jurisdiction is not None:
            yield jurisdiction, names


def add_aliases(apps, schema_editor):
    for jurisdiction, names in jurisdictions_with_names(apps):
        aliases = [a for a in jurisdiction.aliases.split("\n") if a]
        added = [n for n in names if n not in aliases and n != jurisdiction.name]
        if added:
            jurisdiction.aliases = "\n".join([*aliases, *added])
            jurisdiction.save(update_fields=["aliases"])


def remove_aliases(apps, schema_editor):
    for jurisdiction, names in jurisdictions_with_names(apps):
        kept = [a for a in jurisdiction.aliases.split("\n") if a and a not in names]
        jurisdiction.aliases = "\n".join(kept)
        jurisdiction.save(update_fields=["aliases"])


class Migration(migrations.Migration):
    dependencies = [("timeline", "0018_country_summary")]
    operations = [migrations.RunPython(add_aliases, remove_aliases)]
