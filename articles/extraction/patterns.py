"""The extraction rules as data: trigger patterns for spaCy's span_ruler and small lexicons.

Each `pattern_*` function returns span_ruler patterns whose label is an event type. Token
patterns match lemmas, so "met", "meets" and "meeting" need one entry each at most.
"""

from __future__ import annotations

MEETING = "meeting"
TARIFF = "tariff_measure"
AGREEMENT = "agreement"
ANNOUNCEMENT = "announcement"
DEADLINE = "deadline"
STATEMENT = "statement"


def lemma_in(*lemmas: str) -> dict:
    return {"LEMMA": {"IN": list(lemmas)}}


def lower_in(*words: str) -> dict:
    return {"LOWER": {"IN": list(words)}}


def pattern_meetings() -> list[dict]:
    """Meetings, calls, visits and rounds of talks."""
    verb = {"POS": {"IN": ["VERB", "AUX"]}}
    return [
        {"label": MEETING, "pattern": [{**lemma_in("meet"), **verb}]},
        # "discussed the projects with Lutnick on Friday" (meeting_reading.discussed_with_a_party)
        {"label": MEETING, "pattern": [{**lemma_in("discuss"), "POS": "VERB"}]},
        {"label": MEETING, "pattern": [lemma_in("meeting", "summit")]},
        {"label": MEETING, "pattern": [{**lemma_in("visit"), **verb}]},
        {"label": MEETING, "pattern": [{**lemma_in("talk"), "POS": "NOUN", "TAG": "NNS"}]},
        {"label": MEETING, "pattern": [lemma_in("negotiation", "consultation", "discussion")]},
        {
            "label": MEETING,
            "pattern": [
                lemma_in("phone", "telephone", "video"),
                lower_in("call", "calls", "conference", "talks", "conversation", "conversations"),
            ],
        },
        {"label": MEETING, "pattern": [lemma_in("videoconference", "teleconference")]},
        # "spoke by phone on Monday", "spoke over the telephone"
        {
            "label": MEETING,
            "pattern": [
                {**lemma_in("speak", "talk"), "POS": "VERB"},
                lower_in("by", "over", "on"),
                {"LOWER": "the", "OP": "?"},
                lower_in("phone", "telephone"),
            ],
        },
        {"label": MEETING, "pattern": [{"LOWER": {"IN": ["call", "calls"]}, "POS": "NOUN"}]},
        {"label": MEETING, "pattern": [lemma_in("talk"), {"LOWER": {"IN": ["with", "between"]}}]},
        {
            "label": MEETING,
            "pattern": [{**lemma_in("speak", "talk"), **verb}, lower_in("with", "by", "to")],
        },
        # "Akazawa and Lutnick talked (for) about 45 minutes" (two parties: meeting_reading)
        {"label": MEETING, "pattern": [{**lemma_in("speak", "talk"), **verb}, lower_in("for")]},
        {
            "label": MEETING,
            "pattern": [
                {**lemma_in("speak", "talk"), **verb},
                lower_in("about", "around", "nearly", "some"),
                {"LIKE_NUM": True},
            ],
        },
        # "Anwar called the Thai prime minister on Saturday": a phone call (only with a person
        # as its object and nothing said of them: meeting_reading.is_phone_call)
        {"label": MEETING, "pattern": [{**lemma_in("call"), "POS": "VERB"}]},
        {
            "label": MEETING,
            "pattern": [lemma_in("round"), {"LOWER": "of"}, lemma_in("talk", "negotiation")],
        },
        {"label": MEETING, "pattern": [{**lemma_in("host"), **verb}]},
        {
            "label": MEETING,
            "pattern": [lemma_in("phone", "telephone", "video"), lemma_in("conversation")],
        },
        {
            "label": MEETING,
            "pattern": [{**lemma_in("visit", "trip"), "POS": "NOUN"}],
        },
        # "the envoy travelled to Lima", "will fly to Ottawa": a trip for talks
        {
            "label": MEETING,
            "pattern": [
                {**lemma_in("travel", "fly"), "POS": "VERB"},
                lower_in("to"),
                {"LOWER": "the", "OP": "?"},  # "will fly to the United States"
                {"ENT_TYPE": {"IN": ["GPE", "LOC"]}},
            ],
        },
        # "will dispatch a senior team to Oslo", "is deploying its minister to the US": a
        # mission for talks (a letter sent to Brasilia is none)
        {
            "label": MEETING,
            "pattern": [
                {**lemma_in("send", "deploy", "dispatch"), "POS": "VERB"},
                {"LOWER": {"NOT_IN": [".", ",", ";"]}, "OP": "{0,4}"},  # "a high-level"
                lemma_in("delegation", "team", "minister", "envoy", "negotiator", "mission"),
                {"IS_PUNCT": False, "OP": "{0,2}"},
                lower_in("to"),
                {"LOWER": "the", "OP": "?"},
                {"ENT_TYPE": {"IN": ["GPE", "LOC"]}},
            ],
        },
    ]


def pattern_tariff_measures() -> list[dict]:
    """Tariffs, duties and levies; the measure's details are read around the trigger."""
    return [
        {
            "label": TARIFF,
            "pattern": [lemma_in("tariff", "duty", "levy", "surcharge", "countermeasure")],
        },
        {
            "label": TARIFF,
            "pattern": [
                {"LOWER": {"IN": ["tariffs", "duties", "levies", "tariff", "countermeasures"]}}
            ],
        },
        # "a 20% tax on all imports from China": a tax on goods crossing the border is a duty
        {
            "label": TARIFF,
            "pattern": [
                lower_in("tax", "taxes"),  # the model lemmatises "taxes" as "taxis"
                {"LOWER": "on"},
                {"LOWER": {"IN": ["all", "its", "their", "the", "some", "many"]}, "OP": "?"},
                {"POS": {"IN": ["ADJ", "PROPN"]}, "OP": "?"},  # "on Brazilian goods"
                lower_in("imports", "goods", "products", "exports", "shipments"),
            ],
        },
        # "reduced steel import quotas by 15%": a safeguard quota is a tariff measure (only
        # when a verb changes it: tariff_measures.is_tariff_measure and quota_change)
        {"label": TARIFF, "pattern": [{"LOWER": {"IN": ["quota", "quotas"]}}]},
        # "similar letters went to Laos and Myanmar", "tariff letters": the 2025 letters that
        # told each partner its rate are announcements (tariff_details.action_of, letter_recipient)
        {
            "label": TARIFF,
            "pattern": [lower_in("similar", "such", "tariff"), lower_in("letter", "letters")],
        },
        # "new import taxes on Peruvian copper": an import tax is a duty by its name
        {"label": TARIFF, "pattern": [{"LOWER": "import"}, lower_in("tax", "taxes")]},
        {
            "label": TARIFF,
            "pattern": [
                {"LIKE_NUM": True},
                lower_in("percent", "%", "per"),
                {"LOWER": "cent", "OP": "?"},
                lemma_in("rate"),
            ],
        },
    ]


def pattern_agreements() -> list[dict]:
    """Deals, agreements and frameworks (not the verb "agree", which usually governs another event)."""
    return [
        {
            "label": AGREEMENT,
            "pattern": [
                {
                    **lemma_in("deal", "agreement", "pact", "accord", "truce"),
                    "POS": {"IN": ["NOUN", "PROPN"]},
                }
            ],
        },
        # a named agreement ("the Comprehensive Trade Agreement"): a proper noun keeps its case
        # in the lemma, so it is matched by its lower-case form
        {
            "label": AGREEMENT,
            "pattern": [
                {
                    **lower_in("agreement", "agreements", "deal", "pact", "accord", "truce"),
                    "POS": "PROPN",
                }
            ],
        },
        {"label": AGREEMENT, "pattern": [{"LOWER": "framework"}]},
        {"label": AGREEMENT, "pattern": [{"LOWER": "joint"}, {"LOWER": "statement"}]},
        # "released a joint fact sheet on Nov. 13", "under a memorandum signed in September"
        {
            "label": AGREEMENT,
            "pattern": [{"LOWER": "joint"}, {"LOWER": "fact"}, lemma_in("sheet")],
        },
        {"label": AGREEMENT, "pattern": [{**lemma_in("memorandum"), "POS": "NOUN"}]},
        {"label": AGREEMENT, "pattern": [lower_in("mou", "mous")]},
        {
            "label": AGREEMENT,
            "pattern": [{**lemma_in("consensus", "understanding"), "POS": "NOUN"}],
        },
        # "agreed with Xi to trim tariffs", "the US and China agreed on Monday to ...": two
        # parties agreeing is a deal (modality.deal_is_made checks that two parties agree)
        {"label": AGREEMENT, "pattern": [{**lemma_in("agree"), "POS": "VERB"}]},
        # "settled their dispute", "resolved the row": ending a dispute is a deal
        {
            "label": AGREEMENT,
            "pattern": [
                {**lemma_in("settle", "resolve", "end"), "POS": "VERB"},
                {"POS": {"IN": ["DET", "PRON"]}, "OP": "*"},
                {"POS": {"IN": ["ADJ", "NOUN", "PROPN"]}, "OP": "*"},
                lemma_in("dispute", "row", "feud", "standoff", "difference"),
            ],
        },
    ]


def pattern_announcements() -> list[dict]:
    """Announcements and executive acts."""
    return [
        {"label": ANNOUNCEMENT, "pattern": [{**lemma_in("announce", "unveil"), "POS": "VERB"}]},
        {"label": ANNOUNCEMENT, "pattern": [{"LOWER": "executive"}, lemma_in("order")]},
        {"label": ANNOUNCEMENT, "pattern": [{**lemma_in("sign"), "POS": "VERB"}]},
    ]


def pattern_deadlines() -> list[dict]:
    """Deadlines and expiries."""
    return [
        {"label": DEADLINE, "pattern": [lemma_in("deadline")]},
        {"label": DEADLINE, "pattern": [{**lemma_in("expire", "lapse"), "POS": "VERB"}]},
        {"label": DEADLINE, "pattern": [{**lemma_in("run"), "POS": "VERB"}, {"LOWER": "out"}]},
    ]


def all_patterns() -> list[dict]:
    return [
        *pattern_meetings(),
        *pattern_tariff_measures(),
        *pattern_agreements(),
        *pattern_announcements(),
        *pattern_deadlines(),
    ]


# --- lexicons for interpretation ------------------------------------------------------------

# Verbs by which a tariff letter goes to a partner ("sent Pretoria a letter", "letters to be
# mailed to Seoul"): the recipient is the measure's target (tariff_details.letter_recipient) and
# the sending its announcement (tariff_dating.is_unveiling).
LETTER_SENDING_VERBS = frozenset(
    {"send", "address", "write", "deliver", "issue", "post", "dispatch", "mail", "go"}
)
# Tariffs that "rise", "climb" or "jump" go up by themselves: raised when a rate is told,
# a drift and no measure when none is (tariff_details.rises_vaguely).
RISING_VERBS = frozenset({"rise", "climb", "jump", "soar"})

# Verb lemmas -> tariff action, read from the words governing or near the tariff trigger.
TARIFF_ACTIONS: dict[str, str] = {
    "impose": "imposed",
    "slap": "imposed",
    "unleash": "imposed",
    "levy": "imposed",
    "hit": "imposed",
    "apply": "imposed",
    "introduce": "imposed",
    "place": "imposed",
    "put": "imposed",
    "charge": "imposed",
    "face": "imposed",
    "effect": "imposed",
    "start": "imposed",
    "set": "imposed",  # "the agreement sets a 12% duty"
    "raise": "raised",
    "increase": "raised",
    "hike": "raised",
    "double": "raised",
    **dict.fromkeys(RISING_VERBS, "raised"),  # "the tariff will rise to 50% on August 27"
    "halve": "lowered",  # "halved the tariff to 15%"
    "lift": "removed",
    "remove": "removed",
    "scrap": "removed",
    "drop": "removed",
    "end": "removed",
    "eliminate": "removed",
    "abolish": "removed",
    "revoke": "removed",
    "cut": "lowered",
    "lower": "lowered",
    "reduce": "lowered",
    "ease": "lowered",
    "slash": "lowered",
    "fall": "lowered",
    "roll": "lowered",
    "trim": "lowered",
    "pause": "paused",
    "push": "paused",
    "suspension": "paused",
    "reduction": "lowered",
    "removal": "removed",
    "suspend": "paused",
    "delay": "paused",
    "postpone": "paused",
    "hold": "paused",
    "reprieve": "paused",
    "extension": "paused",  # "more time on the duties: an extension to August"
    "postponement": "paused",
    "defer": "paused",
    "halt": "paused",
    "exempt": "exempted",
    "exclude": "exempted",
    "spare": "exempted",
    "exemption": "exempted",
    "waive": "exempted",
    "waiver": "exempted",
    "announce": "announced",
    "threaten": "announced",
    "unveil": "announced",
    "propose": "announced",
    "warn": "announced",
    "plan": "announced",
    "resume": "resumed",
    "reinstate": "resumed",
    "restore": "resumed",
    "snap": "resumed",
}

# Verbs by which a duty is put on ("the levies imposed by Washington", "the duty it slapped on").
IMPOSING_VERBS = frozenset({"impose", "levy", "slap", "unleash", "introduce", "announce", "apply"})
# Verbs by which a target answers a duty with its own ("responded in kind", "retaliated").
RETALIATING_VERBS = frozenset({"respond", "answer", "retaliate", "reciprocate", "hit"})

# Phrases that settle the action whatever the verb.
TARIFF_ACTION_PHRASES: dict[str, str] = {
    "on hold": "paused",
    "take effect": "imposed",
    "took effect": "imposed",
    "takes effect": "imposed",
    "came into force": "imposed",
    "come into force": "imposed",
    "went into effect": "imposed",
    "go into effect": "imposed",
    "into effect": "imposed",  # "comes into effect", "came into effect"
    "into force": "imposed",  # "entered into force"
    "kick in": "imposed",
    "kicks in": "imposed",
    "kicked in": "imposed",
    "be effective": "imposed",  # "will be effective from April 9"
    "become effective": "imposed",
    "becomes effective": "imposed",
    "be applicable": "imposed",  # "will be applicable after 21 days"
    "become applicable": "imposed",
    "roll back": "lowered",
    "rolled back": "lowered",
    "rid of": "removed",  # "an order to get rid of tariffs on beef"
    "reimbursement": "lowered",
    "relief": "lowered",
}

# Sector words -> canonical sector names.
SECTORS: dict[str, str] = {
    "auto": "autos",
    "autos": "autos",
    "car": "autos",
    "cars": "autos",
    "vehicle": "autos",
    "vehicles": "autos",
    "automobile": "autos",
    "automobiles": "autos",
    "automotive": "autos",
    "carmaker": "autos",
    "carmakers": "autos",
    "auto parts": "autos",
    "steel": "steel",
    "aluminum": "aluminium",
    "aluminium": "aluminium",
    "copper": "copper",
    "lumber": "lumber",
    "timber": "lumber",
    "pharmaceutical": "pharmaceuticals",
    "pharmaceuticals": "pharmaceuticals",
    "drugs": "pharmaceuticals",
    "medicines": "pharmaceuticals",
    "semiconductor": "semiconductors",
    "semiconductors": "semiconductors",
    "chips": "semiconductors",
    "energy": "energy",
    "oil": "energy",
    "lng": "energy",
    "coal": "energy",
    "agricultural": "agriculture",
    "farm": "agriculture",
    "soybeans": "agriculture",
    "rice": "agriculture",
    "beef": "agriculture",
    "corn": "agriculture",
    "aircraft": "aircraft",
    "ships": "shipbuilding",
    "shipbuilding": "shipbuilding",
    "textiles": "textiles",
    "apparel": "textiles",
    "electronics": "electronics",
    "smartphones": "electronics",
    "solar": "energy",
    "machinery": "machinery",
}

# Words that make a tariff universal rather than aimed at one partner.
UNIVERSAL_WORDS = frozenset(
    {"universal", "baseline", "across-the-board", "blanket", "global", "worldwide"}
)
UNIVERSAL_PHRASES = (
    "all trading partners",
    "all imports",
    "all countries",
    "every country",
    "most countries",
    "dozens of trading partners",
    "all u.s. trading partners",
)

# Cues of status, read in the trigger's clause. Order matters: speculation beats plans.
SPECULATIVE_CUES = frozenset(
    {
        "could",
        "might",
        "may",
        "possibility",
        "possible",
        "possibly",
        "if",
        "hope",
        "hoping",
        "hopes",
        "hoped",  # the model's lemma for it is "hop"
        "would",
        "'d",
        "potential",
        "potentially",
        "perhaps",
        "consider",
        "considering",
        "considered",
        "mull",
        "mulling",
        "weigh",
        "weighing",
        "seek",
        "seeking",
        "aim",
        "aiming",
        "unless",
        "likely",
        "unlikely",
        "prepared",
        "ready",
        "willing",
        "threaten",
        "threatened",
        "threatens",
        "want",
        "wants",
        # demands: what one side asks of the other has not happened
        "urge",
        "urged",
        "urges",
        "press",
        "pressed",
        "demand",
        "demanded",
        "demands",
        "push",
        "pushing",
        "try",
        "trying",
        "strive",
        # forecasts and aims: "confident of a deal", "talks with a view to a deal"
        "hopeful",
        "confident",
        "view",
        "should",
        "must",  # an obligation is not yet done: "must conclude a deal by March 31"
    }
)
PLANNED_CUES = frozenset(
    {
        "will",
        "shall",
        "plan",
        "plans",
        "planned",
        "planning",
        "schedule",
        "scheduled",
        "expected",
        "set",
        "due",
        "to",
        "upcoming",
        "next",
        "prepare",
        "preparing",
        "intend",
        "intends",
        "arrange",
        "arranged",
        "going",
    }
)
CANCELLED_CUES = frozenset(
    {"cancel", "cancelled", "canceled", "called off", "postponed", "scrapped"}
)

# Reporting verbs: a statement event when an official says something dated and nothing else
# happens in the sentence.
REPORTING_VERBS = frozenset(
    {
        "say",
        "tell",
        "state",
        "warn",
        "urge",
        "insist",
        "stress",
        "vow",
        "pledge",
        "declare",
        "confirm",
        "deny",
        "write",
        "post",
        "acknowledge",
        "reiterate",
        "emphasize",
        "emphasise",
        "admit",
    }
)

# Location words that are venues rather than cities.
VENUE_WORDS = frozenset(
    {
        "office",
        "house",
        "villa",
        "palace",
        "hotel",
        "resort",
        "club",
        "headquarters",
        "embassy",
        "residence",
        "course",
        "building",
    }
)

# Verbs that announce a measure: "said on Monday he would impose", "threatened on Friday to".
ANNOUNCING_VERBS = frozenset(
    {
        "say",
        "announce",
        "threaten",
        "warn",
        "float",
        "sign",
        "tell",
        "write",
        "propose",
        "vow",
        "pledge",
        "unveil",
        "order",
        "post",
        "declare",
        "confirm",
        "decide",
        "send",
        "inform",  # "informed Portugal that it would impose a 30% tariff"
        "notify",
    }
)
# Reporting verbs strong enough to make a statement even without a date of their own.
STRONG_STATEMENT_VERBS = frozenset(
    {
        "urge",
        "warn",
        "vow",
        "pledge",
        "demand",
        "criticize",
        "criticise",
        "condemn",
        "regret",
        "welcome",
        "insist",
        "threaten",
        "accuse",
        "reject",
        "call",
    }
)
# Speakers that are institutions rather than people.
INSTITUTION_WORDS = frozenset(
    {
        "ministry",
        "commission",
        "government",
        "office",
        "department",
        "administration",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "embassy",
        "council",
        "cabinet",
        "white",
        "division",  # "the President's Media Division said"
        "secretariat",
        "presidency",
    }
)

# Verbs by which deals are made: an agreement noun is an event only with one of these.
DEAL_VERBS = frozenset(
    {
        "extend",  # "extended their truce by 90 days": the extension is agreed
        "confirm",  # "the two leaders confirmed a trade understanding"
        "renew",
        "reach",
        "strike",
        "sign",
        "seal",
        "clinch",
        "agree",
        "announce",
        "conclude",
        "finalize",
        "finalise",
        "unveil",
        "secure",
        "hammer",
        "ink",
        "forge",
        "issue",
        "release",
        "approve",
        "adopt",
        "endorse",
        "struck",
        "make",
        "close",
        "complete",
        "wrap",
        "settle",
    }
)

# Verbs that tell how things stand, not something done: "continues to be hit by a 10% tariff",
# "tariffs that stand at 55%", "goods face a 25% duty".
STATE_LEMMAS = frozenset(
    {"continue", "remain", "stay", "keep", "face", "apply", "hit", "stand", "hover", "sit"}
)
