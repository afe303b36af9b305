"""Every country (ISO 3166-1, from pycountry) plus the European Union, with news aliases."""

from __future__ import annotations

from django.db import migrations

# Names as English-language news writes them, where ISO's short name reads oddly.
SHORT_NAMES = {
    "US": "United States",
    "GB": "United Kingdom",
    "KR": "South Korea",
    "KP": "North Korea",
    "RU": "Russia",
    "IR": "Iran",
    "SY": "Syria",
    "VN": "Vietnam",
    "LA": "Laos",
    "TW": "Taiwan",
    "BO": "Bolivia",
    "VE": "Venezuela",
    "TZ": "Tanzania",
    "MD": "Moldova",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "BN": "Brunei",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "PS": "Palestine",
    "VA": "Vatican City",
    "TR": "Turkey",
}

# Aliases and demonyms that trade news uses, one list per ISO code.
ALIASES = {
    "US": ["U.S.", "US", "U.S.A.", "USA", "America", "American", "Americans", "Washington",
           "United States of America", "the States"],
    "JP": ["Japanese", "Tokyo"],
    "CN": ["Chinese", "Beijing", "PRC", "People's Republic of China", "mainland China"],
    "KR": ["Korea", "Korean", "South Korean", "Republic of Korea", "ROK", "Seoul"],
    "KP": ["North Korean", "DPRK", "Pyongyang"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain", "British", "London"],
    "EU": ["EU", "E.U.", "European Union", "Brussels", "European Commission", "the bloc"],
    "CA": ["Canadian", "Canadians", "Ottawa"],
    "MX": ["Mexican", "Mexicans", "Mexico City"],
    "IN": ["Indian", "New Delhi"],
    "DE": ["German", "Berlin"],
    "FR": ["French", "Paris"],
    "IT": ["Italian", "Rome"],
    "ES": ["Spanish", "Madrid"],
    "NL": ["Dutch", "the Netherlands"],
    "BR": ["Brazilian", "Brasilia"],
    "AU": ["Australian", "Canberra"],
    "NZ": ["New Zealander"],
    "TW": ["Taiwanese", "Taipei"],
    "VN": ["Vietnamese", "Viet Nam", "Hanoi"],
    "TH": ["Thai", "Bangkok"],
    "MY": ["Malaysian", "Kuala Lumpur"],
    "ID": ["Indonesian", "Jakarta"],
    "PH": ["Philippine", "Filipino", "Manila"],
    "SG": ["Singaporean"],
    "CH": ["Swiss", "Bern"],
    "TR": ["Turkish", "Türkiye", "Ankara"],
    "RU": ["Russian", "Moscow", "Russian Federation"],
    "IR": ["Iranian", "Tehran"],
    "SA": ["Saudi", "Riyadh"],
    "AE": ["UAE", "Emirati"],
    "IL": ["Israeli"],
    "ZA": ["South African", "Pretoria"],
    "AR": ["Argentine", "Argentinian", "Buenos Aires"],
    "CL": ["Chilean"],
    "CO": ["Colombian"],
    "PE": ["Peruvian"],
    "NO": ["Norwegian", "Oslo"],
    "SE": ["Swedish", "Stockholm"],
    "PL": ["Polish", "Warsaw"],
    "IE": ["Irish", "Dublin"],
    "BE": ["Belgian"],
    "AT": ["Austrian"],
    "UA": ["Ukrainian", "Kyiv"],
    "PK": ["Pakistani"],
    "BD": ["Bangladeshi"],
    "KH": ["Cambodian"],
    "LK": ["Sri Lankan"],
    "EG": ["Egyptian"],
    "NG": ["Nigerian"],
}


def load_countries(apps, schema_editor):
    import pycountry

    Jurisdiction = apps.get_model("timeline", "Jurisdiction")
    rows = []
    for country in pycountry.countries:
        code = country.alpha_2
        name = SHORT_NAMES.get(code) or getattr(country, "common_name", None) or country.name
        official = getattr(country, "official_name", country.name)
        aliases = [a for a in ALIASES.get(code, []) if a != name]
        for extra in (country.name, official):
            if extra and extra != name and extra not in aliases:
                aliases.append(extra)
        rows.append(
            Jurisdiction(code=code, name=name, official_name=official, aliases="\n".join(aliases))
        )
    rows.append(
        Jurisdiction(
            code="EU",
            name="European Union",
            official_name="European Union",
            aliases="\n".join(a for a in ALIASES["EU"] if a != "European Union"),
            is_bloc=True,
        )
    )
    Jurisdiction.objects.bulk_create(rows, ignore_conflicts=True)


def unload_countries(apps, schema_editor):
    apps.get_model("timeline", "Jurisdiction").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("timeline", "0001_initial")]
    operations = [migrations.RunPython(load_countries, unload_countries)]
