"""Reference data: the officials of the seed article and the leading 2025 trade negotiators.

Roles carry dates where they are public record; unknown dates stay empty rather than guessed.
"""

from __future__ import annotations

import datetime

from django.db import migrations
from django.utils.text import slugify

D = datetime.date

# (full name, country code, aliases, [(title, organization, start, end), ...])
OFFICIALS = [
    ("Donald Trump", "US", ["Trump", "President Trump", "Donald J. Trump"],
     [("President of the United States", "The White House", D(2025, 1, 20), None)]),
    ("Scott Bessent", "US", ["Bessent"],
     [("Secretary of the Treasury", "U.S. Department of the Treasury", D(2025, 1, 28), None)]),
    ("Howard Lutnick", "US", ["Lutnick"],
     [("Secretary of Commerce", "U.S. Department of Commerce", D(2025, 2, 21), None)]),
    ("Jamieson Greer", "US", ["Greer"],
     [("United States Trade Representative", "Office of the U.S. Trade Representative",
       D(2025, 2, 27), None)]),
    ("JD Vance", "US", ["Vance", "J.D. Vance"],
     [("Vice President of the United States", "The White House", D(2025, 1, 20), None)]),
    ("Marco Rubio", "US", ["Rubio"],
     [("Secretary of State", "U.S. Department of State", D(2025, 1, 21), None)]),
    ("Ryosei Akazawa", "JP", ["Akazawa"],
     [("Minister in charge of Economic Revitalization", "Cabinet Office of Japan",
       D(2024, 10, 1), D(2025, 10, 21)),
      ("Minister of Economy, Trade and Industry", "METI", D(2025, 10, 21), None)]),
    ("Shigeru Ishiba", "JP", ["Ishiba"],
     [("Prime Minister of Japan", "Cabinet of Japan", D(2024, 10, 1), D(2025, 10, 21))]),
    ("Sanae Takaichi", "JP", ["Takaichi"],
     [("Prime Minister of Japan", "Cabinet of Japan", D(2025, 10, 21), None)]),
    ("Yoji Muto", "JP", ["Muto"],
     [("Minister of Economy, Trade and Industry", "METI", D(2024, 10, 1), D(2025, 10, 21))]),
    ("Katsunobu Kato", "JP", [],
     [("Minister of Finance", "Ministry of Finance of Japan", D(2024, 10, 1), D(2025, 10, 21))]),
    ("Xi Jinping", "CN", ["Xi", "President Xi"],
     [("President of the People's Republic of China", "", D(2013, 3, 14), None)]),
    ("He Lifeng", "CN", ["Vice Premier He"],
     [("Vice Premier", "State Council of China", D(2023, 3, 12), None)]),
    ("Li Chenggang", "CN", [],
     [("China International Trade Representative", "Ministry of Commerce of China",
       D(2025, 4, 11), None)]),
    ("Wang Wentao", "CN", [],
     [("Minister of Commerce", "Ministry of Commerce of China", D(2020, 12, 26), None)]),
    ("Maroš Šefčovič", "EU", ["Sefcovic", "Šefčovič", "Maros Sefcovic"],
     [("European Commissioner for Trade and Economic Security", "European Commission",
       D(2024, 12, 1), None)]),
    ("Ursula von der Leyen", "EU", ["von der Leyen", "Von der Leyen"],
     [("President of the European Commission", "European Commission", D(2019, 12, 1), None)]),
    ("Keir Starmer", "GB", ["Starmer"],
     [("Prime Minister of the United Kingdom", "", D(2024, 7, 5), None)]),
    ("Jonathan Reynolds", "GB", ["Reynolds"],
     [("Secretary of State for Business and Trade", "Department for Business and Trade",
       D(2024, 7, 5), D(2025, 9, 5))]),
    ("Peter Kyle", "GB", [],
     [("Secretary of State for Business and Trade", "Department for Business and Trade",
       D(2025, 9, 5), None)]),
    ("Lee Jae-myung", "KR", ["Lee Jae Myung"],
     [("President of South Korea", "", D(2025, 6, 4), None)]),
    ("Yeo Han-koo", "KR", ["Yeo Han Koo"],
     [("Trade Minister", "Ministry of Trade, Industry and Energy", None, None)]),
    ("Koo Yun-cheol", "KR", ["Koo Yun Cheol"],
     [("Minister of Economy and Finance", "Ministry of Economy and Finance", None, None)]),
    ("Kim Jung-kwan", "KR", ["Kim Jung Kwan"],
     [("Minister of Trade, Industry and Energy", "", None, None)]),
    ("Ahn Duk-geun", "KR", ["Ahn Duk Geun"],
     [("Minister of Trade, Industry and Energy", "", D(2023, 12, 29), None)]),
    ("Choi Sang-mok", "KR", ["Choi Sang Mok"],
     [("Minister of Economy and Finance", "", D(2023, 12, 29), None)]),
    ("Mark Carney", "CA", ["Carney"],
     [("Prime Minister of Canada", "", D(2025, 3, 14), None)]),
    ("Justin Trudeau", "CA", ["Trudeau"],
     [("Prime Minister of Canada", "", D(2015, 11, 4), D(2025, 3, 14))]),
    ("Dominic LeBlanc", "CA", ["LeBlanc"],
     [("Minister responsible for Canada-U.S. Trade", "Government of Canada", None, None)]),
    ("Claudia Sheinbaum", "MX", ["Sheinbaum"],
     [("President of Mexico", "", D(2024, 10, 1), None)]),
    ("Marcelo Ebrard", "MX", ["Ebrard"],
     [("Secretary of Economy", "Secretaría de Economía", D(2024, 10, 1), None)]),
    ("Narendra Modi", "IN", ["Modi"],
     [("Prime Minister of India", "", D(2014, 5, 26), None)]),
    ("Piyush Goyal", "IN", ["Goyal"],
     [("Minister of Commerce and Industry", "", D(2019, 5, 31), None)]),
]


def load_officials(apps, schema_editor):
    Jurisdiction = apps.get_model("timeline", "Jurisdiction")
    Official = apps.get_model("timeline", "Official")
    OfficialRole = apps.get_model("timeline", "OfficialRole")
    countries = {j.code: j for j in Jurisdiction.objects.all()}
    for full_name, code, aliases, roles in OFFICIALS:
        official, created = Official.objects.get_or_create(
            slug=slugify(full_name),
            defaults={
                "full_name": full_name,
                "aliases": "\n".join(aliases),
                "jurisdiction": countries.get(code),
                "is_reviewed": True,
            },
        )
        if created:
            for title, organization, start, end in roles:
                OfficialRole.objects.create(
                    official=official, title=title, organization=organization, start=start, end=end
                )


def unload_officials(apps, schema_editor):
    Official = apps.get_model("timeline", "Official")
    Official.objects.filter(slug__in=[slugify(row[0]) for row in OFFICIALS]).delete()


class Migration(migrations.Migration):
    dependencies = [("timeline", "0002_load_countries")]
    operations = [migrations.RunPython(load_officials, unload_officials)]
