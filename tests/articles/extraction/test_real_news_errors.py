"""Regression tests for the classes of error found on real wire copy (issue 9), through the
real pipeline. Every text here is the team's own, written to show one class of error; none is
taken from an article.
"""

from __future__ import annotations

import datetime

import pytest

from articles.extraction.modality import path_cleared_for
from articles.extraction.model import load_model
from articles.extraction.pipeline import extract
from articles.services import build_gazetteer

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
D = datetime.date
FRIDAY = D(2025, 6, 6)


@pytest.fixture
def run():
    gazetteer = build_gazetteer()
    return lambda text, published=FRIDAY: extract(text, published_at=published, gazetteer=gazetteer)


def of_type(events, kind):
    return [e for e in events if e.type == kind]


def announced_and_applied(events):
    """The two measures a sentence naming both days gives: the announcement, then the measure
    on the day it applies."""
    announced, applied = sorted(of_type(events, "tariff_measure"), key=lambda e: e.date.start)
    return announced, applied


# 1. Narrative time -------------------------------------------------------------------------


def test_a_deals_contents_are_dated_with_the_deal(run):
    events = run(
        "London and Ottawa settled their dispute on Wednesday. The agreement sets a 12% duty "
        "on Canadian lumber and scraps the 8% levy on British whisky."
    )
    (deal,) = of_type(events, "agreement")
    assert deal.date.start == D(2025, 6, 4)
    measures = {e.tariff.rate_percent: e for e in of_type(events, "tariff_measure")}
    assert set(measures) == {12.0, 8.0}
    for measure in measures.values():
        assert measure.date.start == D(2025, 6, 4)
        assert measure.date_source == "story"  # marked as inherited, not stated
        assert "no date of its own" in measure.date.explanation
    assert measures[8.0].tariff.action == "removed"
    assert measures[8.0].tariff.target_country == "United Kingdom"


def test_a_present_tense_report_is_dated_on_the_publication_day(run):
    (measure,) = run("Canada has lifted its 25% counter-tariffs on American steel.")
    assert (measure.date.start, measure.date_source) == (FRIDAY, "publication")


def test_a_state_takes_no_date_from_the_story(run):
    events = run(
        "Tokyo and Washington held talks on Thursday. Japan continues to be hit by a 10% "
        "tariff on most goods."
    )
    assert not [e for e in of_type(events, "tariff_measure") if e.date is not None]


# 2. Reporting frames and clause attachment -------------------------------------------------


def test_a_date_inside_a_subordinate_clause_belongs_to_that_clause(run):
    events = run(
        "The prime minister said on Tuesday that the two governments had settled the dispute, "
        "following a call with the president two days before the March 1 deadline."
    )
    assert [(e.type, e.date.start) for e in events] == [
        ("agreement", D(2025, 6, 3)),
        ("meeting", D(2025, 2, 27)),
        ("deadline", D(2025, 3, 1)),
    ]
    assert of_type(events, "meeting")[0].date_source == "anchored"


def test_an_announced_measure_is_dated_on_the_announcement(run):
    measure, applied = announced_and_applied(
        run(
            "Commerce minister Ana Ruiz said Thursday she would raise duties on Chinese steel to "
            "40% from June 1.",
            published=D(2025, 5, 16),
        )
    )
    assert (measure.date.start, measure.status) == (D(2025, 5, 15), "happened")
    assert (measure.tariff.action, measure.tariff.rate_percent) == ("announced", 40.0)
    assert measure.tariff.in_force_from == "2025-06-01"
    # the issue's own example: an announcement on Thursday and a planned rise from June 1
    assert (applied.date.start, applied.status) == (D(2025, 6, 1), "planned")
    assert (applied.tariff.action, applied.tariff.rate_percent) == ("raised", 40.0)


def test_an_agreement_date_in_the_frame_dates_its_content(run):
    events = run("The United States and Vietnam agreed on Monday to cut tariffs to 20%.")
    (deal,) = of_type(events, "agreement")
    (measure,) = of_type(events, "tariff_measure")
    assert deal.date.start == measure.date.start == D(2025, 6, 2)


# 3. Acts vs threats, comparisons and states ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The new rate is well below the 45% he had threatened in March.",
        "The 19% rate matches the one announced for Indonesia.",
        "Soybean purchases from the United States rose by 75 percent.",
        "The truce will keep tariffs frozen through 2028.",
    ],
)
def test_comparisons_states_and_figures_are_not_measures(run, text):
    assert of_type(run(text), "tariff_measure") == []


def test_no_event_is_dated_by_a_background_year(run):
    events = run("Trump met Xi in Busan on Thursday, their first meeting since 2019.")
    assert [e.date.start for e in events] == [D(2025, 6, 5)]


def test_a_demand_is_not_an_act(run):
    events = run(
        "Akazawa met Lutnick on Tuesday. He urged Washington to remove the 25% car tariff."
    )
    assert all(e.status != "happened" for e in of_type(events, "tariff_measure"))


# 4. Consistency ------------------------------------------------------------------------------


def test_a_called_off_meeting_is_cancelled_and_the_calling_off_is_dated(run):
    events = run(
        "Canada said on Monday it had postponed the meeting with U.S. officials scheduled for "
        "Thursday.",
        published=D(2025, 5, 13),
    )
    (meeting,) = of_type(events, "meeting")
    assert (meeting.status, meeting.date.start) == ("cancelled", D(2025, 5, 15))
    (calling_off,) = of_type(events, "announcement")
    assert (calling_off.date.start, calling_off.status) == (D(2025, 5, 12), "happened")


def test_nothing_happened_after_publication(run):
    events = run(
        "The envoy flew to Geneva. Talks begin on Monday, and a 10% tariff takes effect on June 12."
    )
    for event in events:
        if event.date is not None and event.date.start > FRIDAY:
            assert event.status != "happened", event


# 5. Parties vs venues ----------------------------------------------------------------------


def test_a_venue_is_a_location_not_a_party(run):
    (meeting,) = run("U.S. and Chinese negotiators met in Stockholm on Monday.")
    assert set(meeting.countries) == {"United States", "China"}
    assert meeting.location == "Stockholm"


def test_a_commodity_names_no_party(run):
    events = run(
        "Washington on Wednesday imposed a 25% tariff on India over its Russian oil purchases."
    )
    (measure,) = of_type(events, "tariff_measure")
    assert "Russia" not in measure.countries


# 6. People the gazetteer does not know -----------------------------------------------------


def test_a_titled_unknown_person_is_a_participant_with_the_titles_country(run):
    (meeting,) = run("Philippine trade secretary Cristina Roque met Greer in Washington on Friday.")
    assert {"Cristina Roque", "Jamieson Greer"} <= set(meeting.participants)
    (person,) = meeting.new_people
    assert (person.country, person.titles) == ("Philippines", ("trade secretary",))


# 7. Duplicates -------------------------------------------------------------------------------


def test_one_sentence_with_two_targets_gives_one_measure_each(run):
    events = run("Washington on Monday imposed a 25% tariff on steel from Canada and Mexico.")
    measures = of_type(events, "tariff_measure")
    assert sorted(m.tariff.target_country for m in measures) == ["Canada", "Mexico"]


def test_a_measure_told_twice_is_one_event(run):
    events = run(
        "Trump announced on Tuesday a 21% tariff on goods from Peru. "
        '"Peru will pay a 21% tariff," he said.'
    )
    assert len(of_type(events, "tariff_measure")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Akazawa met Bessent in Washington on May 1, 99999999 months after Trump imposed tariffs.",
        "Akazawa met Bessent in Washington on May 1, 9999999 days before Trump imposed tariffs.",
        "The call came 99999999 days before the March 1 deadline.",
    ],
)
def test_offsets_off_the_calendar_leave_the_date_unshifted(run, text):
    events = run(text, published=D(2025, 5, 3))
    assert all(e.date is None or e.date.start.year in {2025, 2026} for e in events)


# Negated meetings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The minister said on Thursday: “This week we are not negotiating.”",
        "There are no talks scheduled between Ottawa and Canberra on Thursday.",
        "The two ministers did not meet in Geneva on Thursday.",
    ],
)
def test_a_negated_meeting_is_no_meeting(run, text):
    assert of_type(run(text), "meeting") == []


def test_talks_that_failed_still_took_place(run):
    (meeting,) = of_type(
        run("Talks between Ottawa and Canberra on Thursday did not produce a deal."), "meeting"
    )
    assert meeting.date.start == D(2025, 6, 5)


# States and statistics are not measures ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The minister said on Thursday that the average tariff on goods entering Chile stands "
        "at 6 percent.",
        "The minister said on Thursday that 60 percent of Chilean exports enter duty free.",
        "The two sides are still far from a deal that could cut the duties on Chilean copper "
        "that stand at 40%.",
    ],
)
def test_a_state_or_a_statistic_is_not_a_tariff_measure(run, text):
    assert of_type(run(text), "tariff_measure") == []


# Acts told in the simple past take the sentence's or the story's date ------------------------


def test_a_deal_signed_in_a_clause_of_a_dated_meeting_is_dated_with_it(run):
    events = run(
        "The Chilean president is meeting the Peruvian president in Lima this morning, where "
        "both leaders signed a fisheries agreement."
    )
    (deal,) = of_type(events, "agreement")
    assert deal.date.start == FRIDAY
    assert deal.status == "happened"


def test_a_cut_effective_immediately_has_happened(run):
    (cut,) = of_type(
        run("Chile will cut its tariff on Peruvian wine to 5 percent, effective immediately."),
        "tariff_measure",
    )
    assert (cut.status, cut.tariff.rate_percent) == ("happened", 5.0)


def test_the_storys_meeting_told_again_with_more_names_is_one_meeting(run):
    events = run(
        "Chile and Peru held final talks in Lima on Tuesday, led by Chilean minister Ana "
        "Torres. On that day, Chilean minister Ana Torres held a two-hour meeting with "
        "Peruvian minister Luis Vega."
    )
    assert len(of_type(events, "meeting")) == 1


# Countermeasures answer someone else's tariffs -----------------------------------------------


def test_countermeasures_are_the_answering_sides_measure_against_the_other(run):
    events = run(
        "Canada will suspend its countermeasures to U.S. steel tariffs for six months, a "
        "government spokesperson said on Tuesday. Ottawa shelves US tariff countermeasures"
    )
    measures = of_type(events, "tariff_measure")
    assert measures
    for measure in measures:
        assert (measure.tariff.imposing_country, measure.tariff.target_country) == (
            "Canada",
            "United States",
        )
        assert measure.tariff.action == "paused"


# A known measure as a topic is not news ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The court will hear on Tuesday whether the president may use emergency powers to "
        "justify his sweeping tariffs.",
        "Chile's president called the tariffs unfair on Tuesday.",
    ],
)
def test_a_known_measure_named_as_a_topic_is_no_measure(run, text):
    assert of_type(run(text), "tariff_measure") == []


def test_a_known_measure_acted_on_is_still_a_measure(run):
    (measure,) = of_type(
        run("Chile will raise the tariffs on Peruvian wine on Tuesday."), "tariff_measure"
    )
    assert measure.date.start == D(2025, 6, 10)


def test_a_duty_in_a_whether_question_is_no_measure(run):
    events = run(
        "The order set a March 1 deadline for the minister to report so that the president "
        "can decide whether imposing a further duty on Chilean copper is warranted."
    )
    assert of_type(events, "tariff_measure") == []
    assert len(of_type(events, "deadline")) == 1


def test_a_named_agreement_is_an_agreement_not_an_announcement(run):
    events = run(
        "The Comprehensive Trade Agreement between Chile and Peru will be signed at the summit "
        "next week."
    )
    (deal,) = of_type(events, "agreement")
    assert (deal.status, deal.date.start) == ("planned", D(2025, 6, 9))
    assert of_type(events, "announcement") == []


def test_two_leaders_agreeing_to_cut_tariffs_is_a_deal_and_a_cut(run):
    events = run(
        "President Trump and Prime Minister Keir Starmer agreed on May 8 to lower duties on "
        "British cars."
    )
    (deal,) = of_type(events, "agreement")
    assert deal.date.start == D(2025, 5, 8)
    (cut,) = of_type(events, "tariff_measure")
    assert cut.tariff.action == "lowered"


def test_an_event_in_an_after_clause_does_not_take_the_main_clauses_date(run):
    events = run(
        "After imposing steep tariffs on its neighbours, the government changed course last "
        "month in lifting the duties on Peruvian copper."
    )
    assert not [
        e
        for e in of_type(events, "tariff_measure")
        if e.tariff.action == "imposed" and e.date is not None
    ]


def test_a_day_range_is_one_interval(run):
    (meeting,) = of_type(
        run("Chile's trade minister will visit Lima on June 16-18 for talks with Peru."),
        "meeting",
    )
    assert (meeting.date.start, meeting.date.end) == (D(2025, 6, 16), D(2025, 6, 18))


def test_meetings_in_an_after_phrase_do_not_take_the_main_clauses_date(run):
    events = run(
        "After meetings in Lima and Quito, Chile and Peru agreed on Monday to extend their truce."
    )
    assert not [e for e in of_type(events, "meeting") if e.date is not None]
    assert of_type(events, "agreement")[0].date.start == D(2025, 6, 2)


def test_a_leaders_post_about_a_call_tells_a_call_held(run):
    (call,) = of_type(
        run(
            "The president posted on Friday: “Great to speak with my friend President Boric today."
        ),
        "meeting",
    )
    assert (call.status, call.date.start) == ("happened", FRIDAY)


def test_no_signs_of_cutting_tariffs_is_no_cut(run):
    events = run(
        "Chile's cabinet gave no sign of scrapping or easing its duties on Peruvian "
        "steel, the minister said on Tuesday."
    )
    assert of_type(events, "tariff_measure") == []


def test_every_city_of_a_venue_list_is_a_venue(run):
    (meeting,) = of_type(run("Chile and Peru held talks in Lima and Madrid on Tuesday."), "meeting")
    assert set(meeting.countries) == {"Chile", "Peru"}


@pytest.mark.parametrize(
    "text",
    [
        "Chile is still finalising its agreement with Peru, the minister said on Tuesday.",
        "Chile keeps up its efforts to clinch a trade deal with Peru by June 30.",
    ],
)
def test_a_deal_in_the_making_or_sought_is_not_made(run, text):
    assert of_type(run(text), "agreement") == []


def test_a_post_meeting_press_conference_is_no_meeting(run):
    events = run("At a post-meeting press conference on Tuesday, Chile's minister spoke of Peru.")
    assert of_type(events, "meeting") == []


def test_a_cabinet_meeting_is_not_talks(run):
    events = run("Chile's cabinet held an emergency meeting on Monday about Peru's tariffs.")
    assert of_type(events, "meeting") == []


def test_agreeing_on_a_negotiation_framework_is_no_deal(run):
    events = run("Chile and Peru agreed on Monday on a negotiation framework.")
    assert of_type(events, "agreement") == []


def test_a_tariff_cut_sought_as_a_purpose_is_no_measure(run):
    events = run(
        "Chile announced on Friday that it will drop some duties in an effort to move talks on "
        "to ease pressure from Peru's tariffs on Chilean copper."
    )
    measures = of_type(events, "tariff_measure")
    assert len(measures) == 1
    assert measures[0].tariff.imposing_country != "Peru"


def test_this_weeks_meeting_is_the_meeting_told_with_its_day(run):
    events = run(
        "Chile's minister Ana Torres met Peru's minister Luis Vega on Tuesday in Lima. This "
        "week's meeting came after months of tension between Chile and Peru."
    )
    (meeting,) = of_type(events, "meeting")
    assert meeting.date.start == D(2025, 6, 3)


def test_the_end_of_a_pause_is_a_deadline(run):
    events = run("Chile paused its tariffs on Peruvian wine on Monday until September 30.")
    (pause,) = of_type(events, "tariff_measure")
    assert pause.tariff.action == "paused"
    (deadline,) = of_type(events, "deadline")
    assert deadline.date.start == D(2025, 9, 30)


def test_a_deal_reached_in_the_present_perfect_is_dated_on_publication(run):
    (deal,) = of_type(
        run("Chile and Peru have reached a trade agreement, the Chilean president said."),
        "agreement",
    )
    assert (deal.date.start, deal.status) == (FRIDAY, "happened")


@pytest.mark.parametrize(
    "text",
    [
        "Chile is hopeful, though a deal has not been reached with Lima.",
        "Chile and Peru have held several rounds of negotiations on a trade agreement.",
    ],
)
def test_no_deal_and_a_history_of_rounds_take_no_date(run, text):
    events = run(text)
    assert not [e for e in events if e.type in {"agreement", "meeting"} and e.date is not None]


def test_extending_a_truce_is_an_agreement(run):
    (deal,) = of_type(
        run("Chile and Peru extended their truce by 90 days on Thursday."), "agreement"
    )
    assert (deal.status, deal.date.start) == ("happened", D(2025, 6, 5))
    assert set(deal.countries) == {"Chile", "Peru"}


def test_a_cut_for_several_countries_is_one_measure_each(run):
    events = run("Chile has lowered tariff rates for Peru, Bolivia and Ecuador to 9% on Friday.")
    targets = {e.tariff.target_country for e in of_type(events, "tariff_measure")}
    assert targets == {"Peru", "Bolivia", "Ecuador"}


def test_a_story_that_dates_nothing_tells_the_days_news(run):
    (deal,) = of_type(
        run(
            "The Chilean and Peruvian ministers signed the free trade agreement at a ceremony in Lima."
        ),
        "agreement",
    )
    assert (deal.date.start, deal.date_source) == (FRIDAY, "publication")


def test_a_perfect_lead_takes_the_storys_first_dated_event(run):
    events = run(
        "Chile has reduced tariffs on Peruvian copper. The two governments signed a trade deal "
        "on Wednesday."
    )
    (cut,) = of_type(events, "tariff_measure")
    assert cut.date.start == D(2025, 6, 4)


def test_the_two_sides_are_the_articles_two_countries(run):
    events = run(
        "Chile and Peru began talks on Monday. Peru raised its tariff on Chilean wine to 20% on "
        "Tuesday. The two sides "
        "reached a deal on Thursday."
    )
    deals = of_type(events, "agreement")
    assert deals and set(deals[-1].countries) == {"Chile", "Peru"}


def test_a_recent_visit_takes_no_date_from_the_story(run):
    events = run(
        "Chile raised its tariff on Peruvian wine to 30% on Tuesday. Both sides responded well "
        "to the idea during the Chilean president's recent visit to Lima."
    )
    assert not [e for e in of_type(events, "meeting") if e.date is not None]


def test_a_deal_aimed_at_cutting_tariffs_cuts_nothing(run):
    events = run(
        "Chile and Peru are preparing to start negotiations on Tuesday for a trade agreement "
        "aimed at reducing tariffs on copper."
    )
    assert of_type(events, "tariff_measure") == []


def test_a_day_next_year_is_that_day_of_next_year(run):
    (deadline,) = of_type(
        run("Chile's safeguard duties on steel will lapse on December 31 next year."),
        "deadline",
    )
    assert deadline.date.start == D(2026, 12, 31)


def test_a_tariff_said_not_to_fit_the_data_is_no_measure(run):
    events = run(
        "In a statement on Tuesday, the Chilean president said the 20 percent duty does not "
        "match the trade figures."
    )
    assert of_type(events, "tariff_measure") == []


def test_an_offset_is_not_how_long_a_measure_runs(run):
    events = run(
        "Three days after unveiling a 25% duty on Chilean copper, the Peruvian president said "
        "the reprieve would run until April 2."
    )
    assert not [
        e
        for e in of_type(events, "tariff_measure")
        if e.date is not None and e.date.end == D(2026, 4, 2)
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Chile's minister said Thursday's agreement with Peru buys time for both.", D(2025, 6, 5)),
        (
            '"Chile will put the pact with Peru into effect, as the two sides agreed on 27 May," '
            "she said.",
            D(2025, 5, 27),
        ),
        (
            "The presidents of Chile and Peru confirmed a trade understanding on May 2.",
            D(2025, 5, 2),
        ),
    ],
)
def test_a_deal_named_by_its_day_agreed_as_dated_or_confirmed(run, text, day):
    deals = of_type(run(text), "agreement")
    assert [d.date.start for d in deals] == [day]


def test_no_suggestion_of_budging_on_a_tariff_is_no_measure(run):
    events = run(
        "Chile's president said on Tuesday there is no suggestion Peru will budge on a 15 "
        "percent tariff for Chilean wine."
    )
    assert of_type(events, "tariff_measure") == []


@pytest.mark.parametrize(
    "text",
    [
        "Peru had previously faced a 30% rate on its copper, the Chilean minister said on Monday.",
        "Bringing Chile's duties on Peruvian copper down to 10% is part of implementing the deal.",
    ],
)
def test_a_former_rate_or_a_goal_is_no_measure(run, text):
    assert of_type(run(text), "tariff_measure") == []


# Fourth pass (stop 16) -----------------------------------------------------------------------


def test_a_meeting_of_officials_the_gazetteer_cannot_place_is_between_the_storys_countries(run):
    events = run(
        "Norway sells more salmon to the United States than to any other market. Fisheries "
        "Minister Ola Brekke met his opposite number in Washington on Tuesday. Norway hopes the "
        "United States will listen."
    )
    (meeting,) = of_type(events, "meeting")
    assert set(meeting.countries) == {"Norway", "United States"}
    assert meeting.participants == ("Ola Brekke",)


def test_a_deal_named_without_its_parties_is_the_storys_deal(run):
    events = run(
        "Australia and the United States signed a pact on graphite supplies on Monday. "
        '"Today\'s agreement opens a new chapter," the prime minister said. Australia will ship '
        "more graphite to the United States.",
        published=D(2025, 6, 2),
    )
    (deal,) = of_type(events, "agreement")
    assert set(deal.countries) == {"Australia", "United States"}
    assert len(deal.evidence) == 2  # one event, told twice


def test_a_cut_a_step_is_meant_to_bring_is_not_a_cut(run):
    events = run(
        "Seoul's trade minister met Lutnick on Saturday for more talks on the investment fund, "
        "which is meant to lower the U.S. duty on Korean cars to 15%."
    )
    assert of_type(events, "meeting")
    assert not of_type(events, "tariff_measure")


def test_a_partners_duty_named_as_a_grievance_is_a_state_not_a_measure(run):
    events = run(
        "Washington raised the matter on Friday, noting that Ghana imposes a 20 percent tariff "
        "on American rice."
    )
    assert not [e for e in of_type(events, "tariff_measure") if e.tariff.rate_percent == 20.0]


def test_a_cut_announced_on_a_day_is_planned_and_dated_on_that_day(run):
    (cut,) = of_type(
        run(
            "The Norwegian government said on Friday that U.S. duties on its exports will be "
            "cut to 12% from 30%."
        ),
        "tariff_measure",
    )
    assert (cut.tariff.action, cut.status, cut.date.start) == ("lowered", "planned", FRIDAY)


def test_a_cut_agreed_on_a_past_day_stays_planned(run):
    events = run(
        "On May 8 Prime Minister Jonas Gahr Store and the US president agreed to lower duties "
        "on Norwegian salmon."
    )
    (cut,) = of_type(events, "tariff_measure")
    assert (cut.status, cut.date.start) == ("planned", D(2025, 5, 8))
    (deal,) = of_type(events, "agreement")
    assert deal.status == "happened"


def test_a_new_duty_announced_on_a_day_is_still_an_announcement_that_happened(run):
    (measure,) = of_type(
        run("Trump said on Wednesday he would impose a 30% tariff on Norwegian salmon."),
        "tariff_measure",
    )
    assert (measure.tariff.action, measure.status) == ("announced", "happened")


def test_a_round_originally_scheduled_that_never_took_place_is_cancelled(run):
    events = run(
        "Norwegian and US negotiators met in Bergen on Monday. The fifth round of talks in "
        "Oslo, originally set for June 3, never took place after a row over fish."
    )
    (held,) = [e for e in of_type(events, "meeting") if e.date.start == D(2025, 6, 2)]
    assert held.status == "happened"
    (round_,) = [e for e in of_type(events, "meeting") if e.date.start == D(2025, 6, 3)]
    assert round_.status == "cancelled"


def test_a_negotiation_deadline_is_not_a_meeting(run):
    events = run(
        "The minister said the letter, which came ahead of the earlier July 9 negotiation "
        "deadline, surprised Oslo.",
        published=D(2025, 7, 15),
    )
    assert not of_type(events, "meeting")
    assert [e.date.start for e in of_type(events, "deadline")] == [D(2025, 7, 9)]


def test_a_measure_announced_in_a_when_clause_takes_the_main_clauses_day(run):
    measure, applied = sorted(
        of_type(
            run(
                "Norway relaxed on Wednesday when the US president announced that salmon would "
                "be excluded from the 25% tariff starting August 1.",
                published=D(2025, 7, 31),
            ),
            "tariff_measure",
        ),
        key=lambda e: e.date.start,
    )
    assert (measure.tariff.action, measure.status) == ("exempted", "happened")
    assert measure.date.start == D(2025, 7, 30)  # announced then; in force from August 1
    assert (applied.tariff.action, applied.date.start) == ("exempted", D(2025, 8, 1))


def test_a_visit_counted_among_the_years_meetings_is_the_planned_visit_not_the_year(run):
    events = run(
        "Oslo and Washington will hold talks in Rome next week. His visit to Rome will be the "
        "third face-to-face meeting of the two ministers this year.",
        published=D(2025, 9, 12),
    )
    (meeting,) = of_type(events, "meeting")
    assert (meeting.date.start, meeting.date.end) == (D(2025, 9, 15), D(2025, 9, 21))


def test_an_agreed_waiver_of_duties_is_an_exemption_still_to_come(run):
    (measure,) = of_type(
        run(
            "On Monday the US agreed to waive its import duties on Norwegian salmon.",
            published=D(2025, 12, 2),
        ),
        "tariff_measure",
    )
    assert (measure.tariff.action, measure.tariff.target_country) == ("exempted", "Norway")
    assert (measure.status, measure.date.start) == ("planned", D(2025, 12, 1))


def test_a_duty_named_in_the_means_of_a_cut_is_not_a_second_measure(run):
    events = run(
        "Trump met Norway's prime minister in Oslo on Thursday. Trump said duties imposed on "
        "Norwegian imports would be cut to 12% from 22% by halving the rate of duties tied to "
        "salmon to 5%.",
        published=D(2025, 10, 30),
    )
    (cut,) = of_type(events, "tariff_measure")
    assert (cut.tariff.action, cut.tariff.rate_percent, cut.status) == ("lowered", 12.0, "planned")


def test_a_deal_once_hoped_for_by_a_day_now_past_is_no_event(run):
    events = run(
        "Oslo had at first hoped to wrap up the pact by early July, but aides now say the "
        "talks will run on for weeks.",
        published=D(2025, 7, 18),
    )
    assert not of_type(events, "agreement")


def test_the_day_a_round_of_talks_runs_until_is_no_deadline(run):
    events = run(
        "Norway and the US began a second round of talks on Tuesday. The talks, scheduled to "
        "run through July 11, are being held in Washington.",
        published=D(2025, 7, 9),
    )
    assert of_type(events, "meeting")
    assert not of_type(events, "deadline")


def test_a_tariff_word_in_the_name_of_an_agreement_is_no_measure():
    from articles.extraction import tariff_measures
    from articles.extraction.components import TRIGGERS_KEY
    from articles.extraction.pipeline import get_nlp

    doc = get_nlp(build_gazetteer())(
        "Norway and the US on Tuesday began talks on the proposed Reciprocal Tariff Agreement, "
        "weeks after Washington put a 15% tariff on Norwegian salmon."
    )
    verdicts = {
        t.text: tariff_measures.is_tariff_measure(t, t.sent)
        for t in doc.spans[TRIGGERS_KEY]
        if t.label_ == "tariff_measure"
    }
    assert verdicts["Tariff"] is False  # a name
    assert verdicts["tariff"] is True  # a measure


def test_a_date_in_the_possessive_belongs_to_its_noun_not_to_the_meeting(run):
    events = run(
        "Kari Berg met Jamieson Greer to settle points left over from last month's salmon deal.",
        published=D(2025, 8, 22),
    )
    (deal,) = of_type(events, "agreement")
    assert deal.date.start == D(2025, 7, 1)
    assert not [e for e in of_type(events, "meeting") if e.date.start.month == 7]


def test_an_announcement_still_to_come_is_no_event(run):
    events = run("More details will be announced at noon.")
    assert not of_type(events, "announcement")


# Stop 17 ------------------------------------------------------------------------------------


def test_a_known_surname_inside_a_longer_name_is_someone_else(run):
    """The gazetteer knows "Lee" (Lee Jae-myung) and "Kim" (Kim Jung-kwan); a Kenyan minister
    named Lee and a Korean official named Kim Yong-beom are neither."""
    events = run(
        "Kenyan trade minister Lee Kinyanjui held talks with Jamieson Greer on Wednesday. "
        "Korean policy chief Kim Yong-beom met Howard Lutnick in Washington on Thursday. "
        '"We made some progress," Kim told reporters on Thursday.'
    )
    kenya = next(e for e in of_type(events, "meeting") if e.date.start == D(2025, 6, 4))
    assert "Lee Kinyanjui" in kenya.participants
    assert "Lee Jae-myung" not in kenya.participants
    assert "South Korea" not in kenya.countries
    korea = next(e for e in of_type(events, "meeting") if e.date.start == D(2025, 6, 5))
    assert "Kim Yong-beom" in korea.participants
    assert "Kim Jung-kwan" not in korea.participants
    (said,) = of_type(events, "statement")
    assert list(said.participants) == ["Kim Yong-beom"]  # the bare surname is the namesake


def test_a_known_person_named_in_full_keeps_the_bare_surname(run):
    events = run(
        "Industry Minister Kim Jung-kwan and policy chief Kim Yong-beom met Commerce Secretary "
        "Howard Lutnick on Thursday."
    )
    (meeting,) = of_type(events, "meeting")
    assert {"Kim Jung-kwan", "Kim Yong-beom", "Howard Lutnick"} <= set(meeting.participants)


def test_a_title_case_word_after_a_known_name_is_no_namesake(run):
    events = run(
        "U.S. Lowers Levy on Chinese Goods After Trump-Xi Talks\n\n"
        "The United States cut the tariff on Chinese goods to 10% on Thursday after talks "
        "between Trump and Xi in Busan."
    )
    for event in events:
        assert "Xi Talks" not in event.participants


@pytest.mark.parametrize(
    "sentence",
    [
        "Taiwan held two videoconferences with U.S. officials on Thursday.",
        "Japanese Prime Minister Shigeru Ishiba spoke by phone with Donald Trump on Thursday.",
        "Trump and Modi held a telephone conversation on Thursday.",
    ],
)
def test_calls_and_videoconferences_are_meetings(run, sentence):
    (meeting,) = of_type(run(sentence), "meeting")
    assert meeting.date.start == D(2025, 6, 5)
    assert meeting.status == "happened"


def test_a_deal_noun_with_a_past_date_of_its_own_was_made_then(run):
    events = run(
        "Metal duties rose sharply, which led to a trade deal between Brussels and Washington "
        "in April.",
    )
    (deal,) = of_type(events, "agreement")
    assert (deal.date.start, deal.date.end) == (D(2025, 4, 1), D(2025, 4, 30))
    assert deal.status == "happened"
    assert {"European Union", "United States"} <= set(deal.countries)


def test_a_deal_noun_with_a_future_date_is_not_made(run):
    events = run(
        "Officials are working toward a trade deal between Brussels and Washington in July."
    )
    assert not [e for e in of_type(events, "agreement") if e.status == "happened"]


def test_court_rulings_and_hearings_on_tariffs_are_events(run):
    events = run(
        "In May, the U.S. appeals court upheld the trade court's judgment that the emergency "
        "law gives no power to impose the tariffs. The Supreme Court will hear the levy case "
        "on July 9, its clerk said on Tuesday.",
    )
    acts = sorted(of_type(events, "other"), key=lambda e: e.date.start)
    assert [(a.date.start, a.status) for a in acts] == [
        (D(2025, 5, 1), "happened"),
        (D(2025, 7, 9), "planned"),
    ]
    assert list(acts[0].countries) == ["United States"]
    assert not of_type(events, "tariff_measure")  # the tariffs are what the court ruled on


def test_lawsuits_and_trade_dispute_filings_are_events(run):
    events = run(
        "A furniture importer sued the administration on Tuesday for a refund of the duties it "
        "paid. On Wednesday Chile asked the WTO for dispute consultations on the copper duties.",
    )
    acts = sorted(of_type(events, "other"), key=lambda e: e.date.start)
    assert [a.date.start for a in acts] == [D(2025, 6, 3), D(2025, 6, 4)]
    assert "Chile" in acts[1].countries
    assert not of_type(events, "meeting")  # the consultations asked for are not held


def test_courts_ruling_on_other_matters_and_habits_are_no_events(run):
    events = run(
        "The country's top court upheld the former president's conviction on Monday. "
        "Levy disputes normally get a hearing some months after an appeal, judges say."
    )
    assert not of_type(events, "other")


def test_a_judge_is_the_only_participant_of_a_courts_order(run):
    events = run(
        "Judge Maria Okafor of the trade court issued an order on Tuesday requiring refunds of "
        "the tariffs Donald Trump imposed."
    )
    (order,) = of_type(events, "other")
    assert list(order.participants) == ["Maria Okafor"]


def test_signing_an_order_is_no_event_of_its_own(run):
    """What an order does is the event (from the sentences that tell it); the bare signing,
    or a law's name ("the Trade Expansion Act of 1962"), gives no entry and no 1962 date."""
    events = run(
        "The president signed the decree on Tuesday, citing powers from the Trade Expansion "
        "Act of 1962. It raises the duty on imported steel to 50% from Wednesday."
    )
    assert not of_type(events, "announcement")
    assert all(e.date is None or e.date.start.year == 2025 for e in events)
    (measure,) = of_type(events, "tariff_measure")
    assert measure.tariff.rate_percent == 50.0


def test_a_given_name_before_a_known_surname_is_someone_else(run):
    events = run(
        "On Monday, Eric Trump met Japanese Prime Minister Shigeru Ishiba in Tokyo. Trump said "
        "on Tuesday that the talks with Japan went well."
    )
    monday = next(e for e in of_type(events, "meeting") if e.date.start == D(2025, 6, 2))
    assert "Eric Trump" in monday.participants
    assert "Donald Trump" not in monday.participants
    (said,) = of_type(events, "statement")
    assert list(said.participants) == ["Donald Trump"]  # a given name first: no remapping


def test_a_quoted_remark_is_dated_by_the_event_its_speaker_was_at(run):
    """An undated quote of a named official belongs to the day of the meeting he attended;
    with no such event it stays out (an undated remark is no timeline entry)."""
    events = run(
        "Trade Minister Piyush Goyal met Jamieson Greer in New Delhi on Tuesday. "
        '"We covered a lot of ground," Goyal told reporters after the meeting. '
        '"Tariffs hurt everyone," said Mark Carney, Canada\'s prime minister.'
    )
    (said,) = of_type(events, "statement")
    assert list(said.participants) == ["Piyush Goyal"]
    assert said.date.start == D(2025, 6, 3)


def test_the_speaker_is_the_subject_not_someone_named_in_an_aside(run):
    events = run(
        "Marcos, the first Asian leader to meet Donald Trump this year, told reporters on "
        'Tuesday that the two countries were "close allies".'
    )
    for said in of_type(events, "statement"):
        assert "Donald Trump" not in said.participants


@pytest.mark.parametrize(
    "sentence",
    [
        "Both governments will work hard to meet the leaders' expectations by December.",
        "Negotiators hope to wrap up the talks on goods before the year is out.",
    ],
)
def test_meeting_a_target_or_aiming_to_conclude_talks_is_no_meeting(run, sentence):
    assert not of_type(run(sentence), "meeting")


def test_talks_concluded_on_a_day_were_held(run):
    (meeting,) = of_type(
        run("The two sides concluded their talks in Jakarta on Tuesday."), "meeting"
    )
    assert meeting.date.start == D(2025, 6, 3)


def test_upcoming_talks_are_planned_whatever_the_verb(run):
    events = run("The minister confirmed on Tuesday the upcoming video talks with U.S. officials.")
    assert [e.status for e in of_type(events, "meeting")] in ([], ["planned"])  # never held


def test_a_deal_announced_on_a_past_date_in_a_relative_clause_was_made_then(run):
    events = run(
        "The waiver depends on the trade pact the British government announced with the U.S. "
        "early last month."
    )
    (deal,) = of_type(events, "agreement")
    assert (deal.date.start, deal.date.end) == (D(2025, 5, 1), D(2025, 5, 10))
    assert set(deal.countries) == {"United Kingdom", "United States"}


def test_a_short_mention_of_someone_named_in_full_before_is_that_person(run):
    """The gazetteer does not know Brazil's president; the article names him in full first
    (with the particle "da"), then by one word."""
    events = run(
        "Brazilian President Luiz Inacio Lula da Silva met Donald Trump in Kuala Lumpur on "
        "Sunday. Lula said on Monday that he was hopeful about a settlement."
    )
    (meeting,) = of_type(events, "meeting")
    assert "Luiz Inacio Lula da Silva" in meeting.participants
    (said,) = of_type(events, "statement")
    assert list(said.participants) == ["Luiz Inacio Lula da Silva"]
    assert said.date.start == D(2025, 6, 2)


def test_a_pronoun_or_a_bare_title_speaks_for_the_person_named_before(run):
    events = run(
        "Indonesian negotiator Haryo Limanseto met U.S. officials in Washington on Monday. "
        '"We see a broader approach now," he told a briefing on Tuesday. Commerce Minister '
        "Piyush Goyal arrived in Brussels on Tuesday. The minister said on Wednesday that the "
        "round was going well."
    )
    speakers = {e.date.start: list(e.participants) for e in of_type(events, "statement")}
    assert speakers == {D(2025, 6, 3): ["Haryo Limanseto"], D(2025, 6, 4): ["Piyush Goyal"]}


def test_two_speakers_on_one_day_make_two_statements_one_speaker_one(run):
    events = run(
        "Canada's Mark Carney said on Tuesday that talks would go on. Carney also told reporters "
        "on Tuesday that the steel duties had to go. Donald Trump said on Tuesday that Canada "
        "was not serious."
    )
    by_speaker = sorted(tuple(e.participants) for e in of_type(events, "statement"))
    assert by_speaker == [("Donald Trump",), ("Mark Carney",)]


def test_a_town_and_its_country_are_the_venue_not_a_party(run):
    events = run(
        "The two leaders signed off on the trade deal between Britain and the United States on "
        "Monday at the G7 summit in Kananaskis, Canada."
    )
    (deal,) = of_type(events, "agreement")
    assert set(deal.countries) == {"United Kingdom", "United States"}


def test_a_legal_act_told_as_done_takes_the_storys_date(run):
    events = run(
        "The trade court heard the importers' case on Thursday. A furniture importer filed a "
        "lawsuit against the government to recover the tariffs it paid."
    )
    acts = of_type(events, "other")
    assert len(acts) == 2  # the hearing, and the suit dated by the story
    assert all(a.date is not None and a.date.start == D(2025, 6, 5) for a in acts)


def test_a_deadline_written_without_the_abbreviations_period_is_dated(run):
    events = run(
        "Negotiators in the region are trying to win better terms before the Aug 1 deadline."
    )
    (deadline,) = of_type(events, "deadline")
    assert deadline.date.start == D(2025, 8, 1)
    assert not of_type(events, "agreement")


def test_trying_to_secure_deals_makes_none(run):
    events = run(
        "Governments across the region are trying to secure fairer trade deals with the U.S. "
        "before the Aug 1 deadline."
    )
    assert not of_type(events, "agreement")


def test_a_deal_not_reached_is_no_deal(run):
    events = run(
        "Ministers said on Thursday that an agreement was not reached before the deadline."
    )
    assert not of_type(events, "agreement")


def test_the_rate_of_the_duty_a_measure_comes_on_top_of_is_not_its_rate(run):
    events = run(
        "The duties are due to start in two weeks and will be stacked on top of the 25 percent "
        "levies the president announced earlier."
    )
    for measure in of_type(events, "tariff_measure"):
        if measure.date is not None and measure.date.start > FRIDAY:
            assert measure.tariff.rate_percent != 25.0  # 25% is the earlier duties' rate


def test_a_title_case_trade_word_after_a_known_name_is_no_namesake(run):
    events = run(
        "Washington Cuts Levy On Beijing After Trump-Xi Talks\n\n"
        "Washington cut its levy on Chinese goods to 10% on Thursday."
    )
    assert all("Xi Talks" not in e.participants for e in events)


def test_an_end_date_does_not_date_the_deal_that_sets_it(run):
    events = run("The two governments extended their truce until Nov. 10.")
    for deal in of_type(events, "agreement"):
        assert deal.date is None or deal.date.start.year == 2025  # never "Nov. 10" of 2024
    (deadline,) = of_type(events, "deadline")
    assert deadline.date.start == D(2025, 11, 10)


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Mexico's president won a 90-day pause on the new U.S. tariffs on Thursday.", "Mexico"),
        ("India secured an exemption from the American steel tariffs on Thursday.", "India"),
    ],
)
def test_who_wins_relief_is_who_the_tariffs_hit(run, sentence, target):
    (measure,) = of_type(run(sentence), "tariff_measure")
    assert measure.tariff.target_country == target
    assert measure.tariff.imposing_country in {None, "United States"}


def test_a_rate_named_inside_the_measures_own_phrase_is_its_rate(run):
    events = run(
        "He said on Thursday he had asked Washington to reconsider its tariffs, including the 25 "
        "percent duty on cars that took effect earlier this week."
    )
    assert 25.0 in {m.tariff.rate_percent for m in of_type(events, "tariff_measure")}


def test_a_legal_act_is_titled_by_its_own_words(run):
    events = run(
        "The Supreme Court will hear the levy case on July 9, its clerk said on Tuesday. "
        "In May, the U.S. appeals court upheld the trade court's judgment on the tariffs."
    )
    titles = sorted(e.title for e in of_type(events, "other"))
    assert titles == [
        "Planned: Supreme Court will hear levy case",
        "U.S. appeals court upheld trade court's judgment",
    ]


# Sixth pass (stop 18) ----------------------------------------------------------------------


def test_a_call_that_led_to_an_act_is_dated_by_the_act(run):
    events = run(
        "The prime minister said Sunday that she had agreed to give Ottawa more time on the "
        'levies, after a "very warm call" from Canadian Prime Minister Mark Carney.',
        published=D(2025, 5, 25),
    )
    (call,) = of_type(events, "meeting")
    assert call.status == "happened"
    assert (call.date.start, call.date.end) == (D(2025, 5, 25), D(2025, 5, 25))
    assert "Mark Carney" in call.participants


def test_a_call_still_to_come_before_a_decision_stays_planned(run):
    events = run(
        "Trump said on Monday he would decide on the levies after a call with Xi Jinping next week.",
        published=D(2025, 5, 26),
    )
    (call,) = of_type(events, "meeting")
    assert call.status == "planned"
    assert call.date.start == D(2025, 6, 2)


def test_talks_planned_on_a_trip_the_story_has_dated_take_its_date(run):
    events = run(
        "Industry Minister Kim Jung-kwan travelled to Washington on Friday for tariff talks. "
        "He is expected to meet Howard Lutnick and later Chris Wright.",
        published=D(2025, 8, 22),
    )
    (planned,) = [e for e in of_type(events, "meeting") if e.status == "planned"]
    assert (planned.date.start, planned.date.end) == (D(2025, 8, 22), D(2025, 8, 22))
    assert {"Kim Jung-kwan", "Howard Lutnick", "Chris Wright"} <= set(planned.participants)


def test_a_trip_starting_on_a_day_is_dated_there_not_by_since(run):
    events = run(
        "Economy Minister Budi Santoso, who has led the talks since the tariff announcement in "
        "April, set off on a three-day trip to Washington starting Tuesday, his spokesman said.",
        published=D(2025, 7, 10),
    )
    (trip,) = of_type(events, "meeting")
    assert trip.status == "happened"  # "set off" is no plan ("set to", "set for")
    assert trip.date.start == D(2025, 7, 8)


def test_deals_with_several_partners_are_one_deal_each(run):
    events = run(
        "The president put his name to the order on Friday after announcing that Washington had "
        "concluded framework agreements with Peru, Chile, Ecuador and Bolivia.",
        published=D(2025, 11, 14),
    )
    deals = of_type(events, "agreement")
    assert sorted(tuple(sorted(d.countries)) for d in deals) == [
        ("Bolivia", "United States"),
        ("Chile", "United States"),
        ("Ecuador", "United States"),
        ("Peru", "United States"),
    ]
    assert all(d.date.start == D(2025, 11, 14) for d in deals)


def test_one_deal_with_two_partners_stays_one(run):
    events = run("Washington signed a trade deal with Ecuador and Guatemala on Friday.")
    (deal,) = of_type(events, "agreement")
    assert {"Ecuador", "Guatemala", "United States"} <= set(deal.countries)


def test_two_meetings_of_one_day_with_other_parties_stay_two(run):
    events = run(
        "Mexico's deputy trade minister Luis Rosendo Gutierrez, after a meeting in Washington "
        "with U.S. officials on Wednesday, said the talks had gone well.\n\n"
        "The Indian delegation, led by Special Secretary L Satya Srinivas, is in Brussels for "
        "the 14th round of negotiations.",
        published=D(2025, 6, 4),
    )
    meetings = of_type(events, "meeting")
    assert len(meetings) == 2
    assert not any({"Mexico", "India"} <= set(m.countries) for m in meetings)


def test_issuing_a_statement_is_a_statement(run):
    events = run(
        "Greer issued a statement on Wednesday, hours after the new duties were imposed.",
        published=D(2025, 4, 3),
    )
    (statement,) = of_type(events, "statement")
    assert list(statement.participants) == ["Jamieson Greer"]
    assert statement.date.start == D(2025, 4, 2)


def test_a_presidential_division_speaks_for_its_government(run):
    events = run(
        "The Prime Minister's Media Division said on 3rd May that Nepal expects to conclude its "
        "tariff negotiations with Washington shortly.",
        published=D(2025, 5, 5),
    )
    (statement,) = of_type(events, "statement")
    assert statement.date.start == D(2025, 5, 3)
    assert "Nepal" in statement.countries


def test_talks_terminated_are_cancelled_on_the_day_they_end(run):
    events = run(
        "Every negotiation on trade with Ottawa was terminated because of a TV commercial, the "
        "American president said on Thursday.",
        published=D(2025, 10, 24),
    )
    (talks,) = of_type(events, "meeting")
    assert talks.status == "cancelled"
    assert talks.date.start == D(2025, 10, 23)
    assert not of_type(events, "announcement")


def test_talks_planned_for_a_day_and_called_off_keep_their_day(run):
    events = run(
        "The talks scheduled for Thursday were called off on Tuesday.",
        published=D(2025, 6, 4),
    )
    (talks,) = of_type(events, "meeting")
    assert (talks.status, talks.date.start) == ("cancelled", D(2025, 6, 5))


def test_a_headline_restating_a_dated_measure_is_that_measure(run):
    events = run(
        "Washington cuts its duty on Peruvian copper to 10 percent\n\n"
        "On Tuesday the president cut the duty on Peruvian copper to 10 percent from 30 percent.",
        published=D(2025, 11, 6),
    )
    (measure,) = of_type(events, "tariff_measure")
    assert measure.date.start == D(2025, 11, 4)
    assert (measure.tariff.rate_percent, measure.tariff.action) == (10.0, "lowered")


def test_the_year_a_meeting_is_counted_in_does_not_date_it(run):
    events = run(
        "Their talks in Rome will be the third in-person meeting between the two finance chiefs "
        "this year as they work to keep a tariff truce alive.",
        published=D(2025, 9, 12),
    )
    assert not [m for m in of_type(events, "meeting") if m.date and m.date.precision == "year"]


def test_a_deadline_told_twice_without_parties_is_one_deadline(run):
    events = run(
        "Oslo races the clock: the deadline falls on Friday.\n\n"
        "A deadline remains in place for Friday, his aide noted, yet commerce will continue.",
        published=D(2025, 7, 30),
    )
    (deadline,) = of_type(events, "deadline")
    assert deadline.date.start == D(2025, 8, 1)


def test_reiterating_and_acknowledging_are_statements(run):
    events = run(
        "On Tuesday, negotiator Ryosei Akazawa reiterated that a final deal was still some way off.",
        published=D(2025, 9, 10),
    )
    (statement,) = of_type(events, "statement")
    assert list(statement.participants) == ["Ryosei Akazawa"]
    assert statement.date.start == D(2025, 9, 9)


def test_duties_answered_are_news_when_told_with_their_own_act(run):
    events = run(
        "Canberra will not hit back, echoing how it answered the levies on beef and wool "
        "imposed worldwide by Washington earlier this month.",
        published=D(2025, 3, 30),
    )
    (measure,) = of_type(events, "tariff_measure")
    assert (measure.status, measure.tariff.action) == ("happened", "imposed")
    assert measure.tariff.imposing_country == "United States"
    assert (measure.date.start, measure.date.end) == (D(2025, 3, 1), D(2025, 3, 29))


def test_an_extension_on_tariffs_until_a_day_is_a_pause(run):
    events = run(
        "Trump said on Sunday he had agreed to give Seoul an extension on tariffs until August 12, "
        "after a long call with its president.",
        published=D(2025, 6, 1),
    )
    (measure,) = of_type(events, "tariff_measure")
    assert measure.tariff.action == "paused"
    assert measure.date.start == D(2025, 6, 1)


def test_speaking_with_reporters_is_no_meeting(run):
    events = run(
        "After speaking with reporters on Monday, the minister left for the airport.",
        published=D(2025, 6, 3),
    )
    assert not of_type(events, "meeting")


def test_talks_said_to_be_underway_are_held_on_the_publication_day(run):
    events = run(
        "Negotiations between Jakarta and Washington over the new duties are underway, officials "
        "in both capitals confirmed.",
        published=D(2025, 7, 30),
    )
    (talks,) = of_type(events, "meeting")
    assert (talks.status, talks.date.start, talks.date.end) == (
        "happened",
        D(2025, 7, 30),
        D(2025, 7, 30),
    )


def test_a_response_in_kind_is_the_targets_own_measure(run):
    events = run(
        "Ottawa slapped duties on American steel earlier this year, which led Washington to "
        "respond in kind.",
        published=D(2025, 7, 30),
    )
    pairs = {
        (m.tariff.imposing_country, m.tariff.target_country)
        for m in of_type(events, "tariff_measure")
    }
    assert pairs == {("Canada", "United States"), ("United States", "Canada")}


def test_a_cut_reported_by_the_targets_official_keeps_its_own_day(run):
    events = run(
        "American levies on Brazilian beef are set to be cut by October 1, Brazil's vice "
        "president Geraldo Alckmin told reporters on Tuesday.",
        published=D(2025, 9, 10),
    )
    (measure,) = of_type(events, "tariff_measure")
    assert (measure.status, measure.tariff.action) == ("planned", "lowered")
    assert measure.date.start == D(2025, 10, 1)


def test_a_cut_announced_by_the_imposer_is_dated_on_the_announcement(run):
    events = run(
        "Howard Lutnick, the commerce chief, said on Tuesday that American levies on Brazilian "
        "beef would be cut from October 1.",
        published=D(2025, 9, 10),
    )
    measure, applied = sorted(of_type(events, "tariff_measure"), key=lambda e: e.date.start)
    # the issue's convention: Tuesday's event is the announcement, done; the cut is planned
    assert (measure.tariff.action, measure.status) == ("announced", "happened")
    assert measure.date.start == D(2025, 9, 9)
    assert (applied.tariff.action, applied.date.start) == ("lowered", D(2025, 10, 1))
    assert applied.status == "planned"


def test_a_joint_statement_issued_is_a_deal_not_also_a_statement(run):
    events = run(
        "Lima and Washington issued a joint statement on Wednesday laying out their trade "
        "framework.",
        published=D(2025, 7, 5),
    )
    assert [e.type for e in events] == ["agreement"]


def test_a_meeting_its_participant_speaks_of_as_it_ends_is_dated_by_the_telling(run):
    events = run(
        "Chile's deputy trade minister Ana Rojas, following a meeting with American officials "
        "in Washington, told journalists on Wednesday that copper had been discussed.",
        published=D(2025, 2, 27),
    )
    (meeting,) = of_type(events, "meeting")
    assert (meeting.status, meeting.date.start) == ("happened", D(2025, 2, 26))
    assert meeting.location == "Washington"


def test_a_tax_on_imports_is_a_duty_and_a_tax_on_firms_is_not(run):
    events = run(
        "In May Washington put a 20% tax on all imports from Chile.\n\n"
        "Ottawa scrapped its digital services tax on tech firms in June.",
        published=D(2025, 7, 1),
    )
    (measure,) = of_type(events, "tariff_measure")
    assert (measure.tariff.rate_percent, measure.tariff.target_country) == (20.0, "Chile")
    assert measure.date.start == D(2025, 5, 1)


def test_a_deadlines_own_date_does_not_date_the_talks_around_it(run):
    events = run(
        "The cabinet said on Monday it was ready to pursue negotiations past the Aug. 7 deadline.",
        published=D(2025, 8, 5),
    )
    assert not [m for m in of_type(events, "meeting") if m.date and m.date.start == D(2025, 8, 7)]
    (deadline,) = of_type(events, "deadline")
    assert deadline.date.start == D(2025, 8, 7)


def test_a_measure_already_in_place_is_not_dated_by_the_story(run):
    events = run(
        "Officials of Peru and the United States met in Lima on Monday. Washington has already "
        "slapped a 20% tax on all imports from Peru.",
        published=D(2025, 3, 30),
    )
    (measure,) = of_type(events, "tariff_measure")
    assert measure.tariff.rate_percent == 20.0
    assert measure.date is None


def test_a_joint_statement_released_on_a_past_day_by_its_parties_was_made_then(run):
    events = run(
        "Budi said the pact grew out of a joint statement by the two nations issued on July 22.",
        published=D(2025, 12, 24),
    )
    deals = [d for d in of_type(events, "agreement") if d.date is not None]
    assert [(d.date.start, d.status) for d in deals] == [(D(2025, 7, 22), "happened")]


def test_two_kinds_of_duty_cut_to_one_rate_on_one_day_stay_two(run):
    events = run(
        "On Nov. 4 the president cut the fentanyl-related duty on Chinese imports to 10 percent. "
        "A second order issued on Nov. 4 also lowered the reciprocal tariff on China to "
        "10 percent from 34 percent.",
        published=D(2025, 11, 5),
    )
    cuts = [m for m in of_type(events, "tariff_measure") if m.tariff.action == "lowered"]
    assert len(cuts) == 2
    assert {m.date.start for m in cuts} == {D(2025, 11, 4)}


# Seventh pass (stop 19) ---------------------------------------------------------------------


def test_a_dated_threat_on_a_condition_is_speculative_and_dated_by_its_telling(run):
    events = run(
        "The president on Sunday said he would slap a 60% duty on Brazilian coffee if Brasilia "
        "went ahead with its new digital tax.",
        published=D(2025, 9, 9),
    )
    (threat,) = of_type(events, "tariff_measure")
    assert threat.status == "speculative"
    assert threat.tariff.action == "announced"
    assert threat.tariff.rate_percent == 60.0
    assert (threat.date.start, threat.date.end) == (D(2025, 9, 7), D(2025, 9, 7))


def test_a_scheduled_rise_with_an_escape_clause_stays_planned(run):
    events = run(
        "Duties on imported sofas are set to climb to 40 per cent on March 1 unless "
        "exporters strike a deal with Washington first.",
        published=D(2025, 12, 2),
    )
    (rise,) = of_type(events, "tariff_measure")
    assert rise.status == "planned"
    assert rise.date.start == D(2026, 3, 1)


def test_a_photo_caption_tells_no_meeting(run):
    events = run(
        "Trade Minister Ana Ruiz (L) and USTR Jamieson Greer (R) meet in "
        "Washington for tariff talks. Chilean Trade Minister Ana Ruiz met Jamieson Greer in "
        "Washington on Friday to discuss copper tariffs.",
        published=D(2025, 8, 4),
    )
    (meeting,) = of_type(events, "meeting")
    assert (meeting.date.start, meeting.date.end) == (D(2025, 8, 1), D(2025, 8, 1))


def test_a_caption_with_the_photos_date_tells_no_meeting(run):
    events = run(
        "Finance Minister Tomas Berg arrives to meet Scott Bessent at the Treasury, May 12, 2025.",
        published=D(2025, 5, 11),
    )
    assert of_type(events, "meeting") == []


def test_talks_about_lowering_tariffs_are_no_tariff_cut(run):
    events = run(
        "Sri Lankan officials restated on Friday their commitment to reducing tariff and "
        "non-tariff barriers in their talks with Washington.",
        published=D(2025, 4, 27),
    )
    assert of_type(events, "tariff_measure") == []


def test_talks_held_until_a_day_to_come_run_from_publication_to_that_day(run):
    events = run(
        "Trade envoy Ryosei Akazawa is to hold talks with Scott Bessent in Washington through "
        "Friday.",
        published=D(2025, 4, 16),
    )
    (talks,) = of_type(events, "meeting")
    assert talks.status == "planned"
    assert (talks.date.start, talks.date.end) == (D(2025, 4, 16), D(2025, 4, 18))
    assert of_type(events, "deadline") == []


def test_a_meeting_dated_last_month_inside_a_hopeful_clause_was_held(run):
    events = run(
        "Islamabad hoped the negotiations could wrap up soon after a video meeting between "
        "Muhammad Aurangzeb and Howard Lutnick early last month.",
        published=D(2025, 7, 19),
    )
    held = [e for e in of_type(events, "meeting") if e.status == "happened"]
    assert len(held) == 1
    assert (held[0].date.start, held[0].date.end) == (D(2025, 6, 1), D(2025, 6, 10))


def test_an_hour_written_with_its_day_dates_by_the_day(run):
    for text in (
        "Duties of 25 per cent on Canadian lumber will take effect at 12:01 a.m. on April 9.",
        "Duties of 25 per cent on Canadian lumber will take effect at midnight, April 9.",
    ):
        (duty,) = of_type(run(text, published=D(2025, 4, 8)), "tariff_measure")
        assert (duty.date.start, duty.date.end) == (D(2025, 4, 9), D(2025, 4, 9)), text


def test_a_call_in_which_something_was_won_was_held(run):
    events = run(
        "President Claudia Sheinbaum won a 90-day reprieve from the higher duties in a call "
        "with President Donald Trump.",
        published=D(2025, 7, 31),
    )
    (call,) = of_type(events, "meeting")
    assert call.status == "happened"
    assert (call.date.start, call.date.end) == (D(2025, 7, 31), D(2025, 7, 31))
    assert {"Claudia Sheinbaum", "Donald Trump"} <= set(call.participants)


def test_a_visit_of_several_days_starting_on_a_day_spans_them(run):
    events = run(
        "Trade Minister Budi Santoso, who has steered the talks since spring, set out on a "
        "four-day trip to Washington beginning Monday. Budi Santoso is scheduled to meet "
        "Howard Lutnick during the trip.",
        published=D(2025, 7, 16),
    )
    meetings = of_type(events, "meeting")
    trip = next(m for m in meetings if m.status == "happened")
    assert (trip.date.start, trip.date.end) == (D(2025, 7, 14), D(2025, 7, 17))
    (planned,) = [m for m in meetings if m.status == "planned"]
    assert (planned.date.start, planned.date.end) == (D(2025, 7, 14), D(2025, 7, 17))
    assert "Howard Lutnick" in planned.participants


def test_a_scheduled_duty_someone_hopes_to_avert_is_still_planned(run):
    events = run(
        "Bern is working on a sweeter offer as it tries to avert a 31% duty, due to take "
        "effect on Sept. 2, which would hit its watchmakers.",
        published=D(2025, 8, 26),
    )
    (duty,) = of_type(events, "tariff_measure")
    assert duty.status == "planned"
    assert duty.tariff.rate_percent == 31.0
    assert (duty.date.start, duty.date.end) == (D(2025, 9, 2), D(2025, 9, 2))


def test_a_scheduled_duty_a_deal_averts_is_cancelled_on_its_day(run):
    events = run(
        "The accord averts the 28% levies which were due to begin on Monday.",
        published=D(2025, 8, 29),
    )
    (duty,) = of_type(events, "tariff_measure")
    assert duty.status == "cancelled"
    assert (duty.date.start, duty.date.end) == (D(2025, 9, 1), D(2025, 9, 1))


def test_months_of_talks_are_a_process_not_a_meeting(run):
    events = run(
        "Ottawa and Washington unveiled the accord on Friday in Banff after months of "
        "negotiations between their trade teams.",
        published=D(2025, 9, 8),
    )
    assert of_type(events, "meeting") == []
    (deal,) = of_type(events, "agreement")
    assert deal.date.start == D(2025, 9, 5)


def test_a_meeting_agreed_beside_a_suspended_levy_is_still_planned(run):
    events = run(
        "On Monday, the premier said she will suspend the power surcharge after agreeing to "
        "meet Howard Lutnick in Washington on Wednesday.",
        published=D(2025, 3, 11),
    )
    (meeting,) = of_type(events, "meeting")
    assert meeting.status == "planned"
    assert meeting.date.start == D(2025, 3, 12)


def test_the_country_hit_is_the_subject_not_one_it_is_compared_with(run):
    events = run(
        "Among Southeast Asian nations, Vietnam was hit with 46 per cent US tariffs, higher "
        "than 17 per cent tariffs on Manila, yet lower than 49 per cent on Cambodia.",
        published=D(2025, 5, 20),
    )
    (duty,) = of_type(events, "tariff_measure")
    assert duty.tariff.rate_percent == 46.0
    assert duty.tariff.target_country == "Vietnam"
    assert duty.tariff.imposing_country == "United States"


# Eighth pass (stop 20) ----------------------------------------------------------------------


def test_a_schedule_told_in_the_past_is_a_plan_called_off(run):
    events = run(
        "Washington was set to impose a 40% duty on Norwegian steel on March 3.",
        published=D(2025, 2, 26),
    )
    (duty,) = of_type(events, "tariff_measure")
    assert duty.status == "cancelled"
    assert duty.date.start == D(2025, 3, 3)


def test_countermeasures_that_were_due_are_called_off_on_their_day(run):
    events = run(
        "Oslo will suspend its counter-duties, which were due to start on March 6.",
        published=D(2025, 2, 26),
    )
    (countermeasures,) = of_type(events, "tariff_measure")
    assert countermeasures.status == "cancelled"
    assert countermeasures.date.start == D(2025, 3, 6)


def test_a_pause_that_was_due_to_expire_is_a_moved_deadline(run):
    events = run(
        "The truce between Norway and the United States, first agreed in January, was due to "
        "expire on Friday.",
        published=D(2025, 2, 26),
    )
    (deadline,) = of_type(events, "deadline")
    assert deadline.status == "cancelled"
    assert deadline.date.start == D(2025, 2, 28)


def test_a_previous_deadline_is_one_that_was_moved(run):
    events = run(
        "Trade minister Anna Berg said on Wednesday the duties would take effect on April 2, "
        "replacing the previous deadline of March 4.",
        published=D(2025, 2, 26),
    )
    (deadline,) = of_type(events, "deadline")
    assert deadline.status == "cancelled"
    assert deadline.date.start == D(2025, 3, 4)


def test_a_schedule_in_reported_speech_still_holds(run):
    events = run(
        "Officials said on Tuesday that a 25% duty on Norwegian salmon was set to take effect "
        "on March 9.",
        published=D(2025, 2, 26),
    )
    announced, applied = announced_and_applied(events)
    assert announced.status != "cancelled"
    assert (applied.date.start, applied.status) == (D(2025, 3, 9), "planned")


def test_a_pause_whose_old_end_is_told_is_not_called_off(run):
    events = run(
        "The president also signed an order on Monday extending the pause on his higher "
        "reciprocal duties, which had been set to end on Wednesday, until Aug. 1.",
        published=D(2025, 7, 8),
    )
    (pause,) = of_type(events, "tariff_measure")
    assert pause.status == "happened"
    assert pause.date.start == D(2025, 7, 7)


def test_a_call_before_a_delay_was_held(run):
    events = run(
        "The United States on Monday delayed its steel tariffs on Norway after a call between "
        "the two leaders.",
        published=D(2025, 2, 26),
    )
    (call,) = of_type(events, "meeting")
    assert call.status == "happened"
    assert call.date.start == D(2025, 2, 24)


def test_a_cut_one_side_has_agreed_to_is_still_planned(run):
    events = run(
        "Norway and the US settled their row on Thursday. Under the arrangement, the US has "
        "agreed to waive import duties on Norwegian salmon for three years.",
        published=D(2025, 6, 13),
    )
    (waiver,) = of_type(events, "tariff_measure")
    assert waiver.tariff.action == "exempted"
    assert waiver.status == "planned"
    assert waiver.date.start == D(2025, 6, 12)


def test_a_visit_a_truce_would_clear_the_path_for_is_only_possible(run):
    events = run(
        "A longer truce could clear a path for the president to fly to Oslo to meet Prime Minister "
        "Jonas Gahr Store in late October.",
        published=D(2025, 7, 30),
    )
    (visit,) = of_type(events, "meeting")
    assert visit.status == "speculative"
    assert (visit.date.start, visit.date.end) == (D(2025, 10, 21), D(2025, 10, 31))


def test_negotiations_frozen_last_year_are_called_off(run):
    events = run(
        "The meeting marks a potential thaw after the president froze negotiations with Norway "
        "last year over an advert.",
        published=D(2025, 11, 12),
    )
    frozen = [e for e in of_type(events, "meeting") if e.status == "cancelled"]
    assert [(e.date.start, e.date.end) for e in frozen] == [(D(2024, 1, 1), D(2024, 12, 31))]


def test_duties_a_round_of_talks_is_about_are_no_measure(run):
    events = run(
        "Norwegian and U.S. officials on Friday in Washington held a third round of "
        "ministerial talks on duties levied by the Trump administration.",
        published=D(2025, 10, 12),
    )
    assert of_type(events, "tariff_measure") == []
    (round_,) = of_type(events, "meeting")
    assert round_.date.start == D(2025, 10, 10)


def test_a_deal_announced_today_is_news_despite_a_dated_background(run):
    events = run(
        "Oslo and Washington strike trade deal\n\n"
        "Signing the deal is a proud moment for both nations, Jonas Gahr Store has said as he "
        "and the US president jointly unveiled the agreement. Norway has sought relief from the "
        "broad tariffs Trump imposed last month, which put a 15% duty on Norwegian exports.",
        published=D(2025, 5, 8),
    )
    (deal,) = of_type(events, "agreement")
    assert deal.date.start == D(2025, 5, 8)
    assert deal.status == "happened"


def test_a_meeting_with_the_press_is_no_talks(run):
    events = run(
        "At a meeting with the press at the White House on Thursday, Trump signed orders "
        "pausing the duties on Norway.",
        published=D(2025, 3, 7),
    )
    assert of_type(events, "meeting") == []


def test_talks_the_story_follows_are_kept_undated_as_one_meeting(run):
    events = run(
        "Seoul's trade minister Yeo Han-koo landed in Washington on Monday for talks with "
        "Jamieson Greer. His journey follows a visit by Industry Minister "
        "Kim Jung-kwan, who had talks with Howard Lutnick without a breakthrough.",
        published=D(2025, 9, 16),
    )
    meetings = of_type(events, "meeting")
    dated = [m for m in meetings if m.date is not None]
    undated = [m for m in meetings if m.date is None]
    assert [m.date.start for m in dated] == [D(2025, 9, 15)]
    (earlier,) = undated
    assert earlier.status == "happened"
    assert "Howard Lutnick" in earlier.participants


def test_negotiations_an_offer_followed_are_not_dated_by_the_story(run):
    events = run(
        "Thailand sent a revised offer to Washington on Monday. The finance minister said the "
        "revision followed talks with the USTR.",
        published=D(2025, 7, 8),
    )
    assert all(m.date is None for m in of_type(events, "meeting"))


def test_a_visit_the_parser_hangs_on_the_opening_verb_is_only_possible():
    doc = load_model()(
        "An extension would clear the path for the president to visit India to meet with "
        "Prime Minister Narendra Modi in late October."
    )
    visit = next(t for t in doc if t.lower_ == "visit")
    assert visit.head.lemma_ == "clear"  # the parse this rule is for
    assert path_cleared_for(doc[visit.i : visit.i + 1], doc[:])


def test_agreeing_to_extend_a_truce_is_an_accord_of_the_storys_day(run):
    events = run(
        "Both governments agreed to extend the tariff truce, Norwegian negotiator Anna Berg told "
        "reporters in Oslo. The Norwegian and US negotiators met in Oslo on Tuesday for two "
        "days of talks.",
        published=D(2025, 7, 30),
    )
    (accord,) = of_type(events, "agreement")
    assert accord.status == "happened"
    assert accord.date.start == D(2025, 7, 29)


def test_the_rate_of_a_tariff_someone_seeks_relief_from_is_its_own(run):
    events = run(
        "Oslo's aim is to seek relief from the 40% tariff that the president slapped on "
        "Norwegian salmon over the fishing dispute.",
        published=D(2025, 5, 8),
    )
    (duty,) = of_type(events, "tariff_measure")
    assert duty.tariff.rate_percent == 40.0
    assert duty.status == "happened"  # the relative clause tells its own act
    assert duty.tariff.target_country == "Norway"


@pytest.mark.parametrize(
    "text",
    [
        "On Monday the president put 20% taxes on Norwegian goods.",
        "On Monday the president put a 20% import tax on salmon from Norway.",
    ],
)
def test_import_taxes_are_duties(run, text):
    events = run(text, published=D(2025, 5, 8))
    (duty,) = of_type(events, "tariff_measure")
    assert duty.tariff.rate_percent == 20.0
    assert duty.date.start == D(2025, 5, 5)


def test_a_perfect_lead_takes_the_day_the_story_is_reported_from(run):
    events = run(
        "The United States has signed new trade framework agreements with Peru and Bolivia. "
        "Both rates will stay at 10 percent, according to an official who spoke to reporters "
        "on Thursday.",
        published=D(2025, 11, 14),
    )
    deals = of_type(events, "agreement")
    assert deals
    assert {(d.date.start, d.date.end) for d in deals} == {(D(2025, 11, 13), D(2025, 11, 13))}


def test_a_cut_steel_quota_is_a_tariff_measure_without_a_rate(run):
    events = run(
        "Ottawa on Wednesday cut steel import quotas for countries without a trade deal from "
        "50 to 20 per cent of 2024 levels. Ottawa had already lowered its quotas in July.",
        published=D(2025, 11, 26),
    )
    measures = of_type(events, "tariff_measure")
    assert sorted((m.date.start, m.tariff.action, m.tariff.rate_percent) for m in measures) == [
        (D(2025, 7, 1), "raised", None),
        (D(2025, 11, 26), "raised", None),
    ]


def test_a_quota_only_named_is_no_measure(run):
    events = run(
        "In its talks with Washington the EU wants quotas for its steel, and London said on "
        "Monday the steel quota system was still under review.",
        published=D(2025, 11, 26),
    )
    assert of_type(events, "tariff_measure") == []


@pytest.mark.parametrize("phrase, days", [("in the coming days", 7), ("in the coming weeks", 28)])
def test_talks_planned_in_the_coming_days_or_weeks_run_from_publication(run, phrase, days):
    events = run(
        f"Oslo will send a trade delegation to Washington {phrase} for talks with the USTR.",
        published=D(2025, 4, 10),
    )
    (trip,) = of_type(events, "meeting")
    assert trip.status == "planned"
    assert (trip.date.start, trip.date.end) == (
        D(2025, 4, 10),
        D(2025, 4, 10) + datetime.timedelta(days),
    )


def test_agreeing_to_keep_working_together_is_no_deal(run):
    # a guard: once "the coming days" is dated, the promise to keep talking must not become a deal
    events = run(
        "Norway's minister and the USTR agreed to continue to work jointly on steel, and will "
        "speak again in the coming days.",
        published=D(2026, 3, 6),
    )
    assert of_type(events, "agreement") == []


def test_a_trip_to_a_country_named_with_the_is_a_meeting(run):
    events = run(
        "Norway's trade minister plans to fly to the United States next week.",
        published=D(2025, 4, 25),
    )
    (trip,) = of_type(events, "meeting")
    assert trip.status == "planned"
    assert (trip.date.start, trip.date.end) == (D(2025, 4, 28), D(2025, 5, 4))


def test_the_meeting_with_no_tense_of_its_own_is_the_planned_one(run):
    events = run(
        "Norway's trade minister plans to fly to the United States next week. Trump imposed a "
        "15% tariff on Norway on April 2. The exact date of the meeting is not yet known, but "
        "she said it will take place before her return to Oslo on May 2.",
        published=D(2025, 4, 25),
    )
    meetings = of_type(events, "meeting")
    assert [(m.status, m.date.start) for m in meetings] == [("planned", D(2025, 4, 28))]


def test_tariffs_named_as_the_cause_of_another_step_take_no_date_from_it(run):
    events = run(
        "Norway began demanding export permits for salmon in early March, a step many saw as "
        "a reply to harsh tariffs imposed by Washington.",
        published=D(2025, 6, 12),
    )
    assert of_type(events, "tariff_measure") == []


def test_talks_the_story_dates_on_the_day_of_its_round_are_that_round(run):
    events = run(
        "Norwegian and U.S. officials on Friday in Washington held a third round of tariff "
        "negotiations, led by Norway's trade minister Anna Berg. She saw Howard Lutnick alone "
        "for an hour, then Jamieson Greer for two.",
        published=D(2025, 5, 24),
    )
    (round_,) = of_type(events, "meeting")
    assert round_.date.start == D(2025, 5, 23)


def test_an_unnamed_source_makes_no_statement(run):
    events = run(
        "A well-placed government source told the Oslo Times on Monday that Norway is among the "
        "first countries to start talks with Washington.",
        published=D(2025, 5, 14),
    )
    assert of_type(events, "statement") == []


def test_deals_told_of_a_set_of_countries_are_no_deal_made_here(run):
    events = run(
        "The trade representative said on Sunday that no country that has struck trade deals "
        "with the U.S. wants out. The nations that signed agreements with Washington "
        "last year will keep their rates.",
        published=D(2026, 2, 22),
    )
    assert of_type(events, "agreement") == []


def test_a_delegation_sent_to_a_capital_is_a_meeting_but_a_letter_is_not(run):
    events = run(
        "Norway will dispatch a senior-level delegation to the US capital in the coming weeks. "
        "Trump sent a letter to Oslo on Monday.",
        published=D(2025, 4, 10),
    )
    (mission,) = of_type(events, "meeting")
    assert mission.status == "planned"
    assert (mission.date.start, mission.date.end) == (D(2025, 4, 10), D(2025, 5, 8))


def test_a_minister_deployed_to_the_us_is_a_meeting(run):
    events = run(
        "Jakarta is deploying its chief economic minister to the US to settle the last details "
        "of the trade deal, a ministry spokesman said on Thursday.",
        published=D(2025, 12, 19),
    )
    (mission,) = of_type(events, "meeting")
    assert mission.date.start == D(2025, 12, 18)


# Ninth pass (stop 21) -----------------------------------------------------------------------


def test_a_call_before_an_agreed_extension_is_dated_in_the_past(run):
    events = run(
        "Rome was set to raise its duty on Danish cheese to 30% on Friday, but the two "
        "governments agreed to extend the truce by 90 days after a call between the ministers "
        "on Wednesday, officials said on Thursday.",
        published=D(2025, 7, 10),
    )
    (call,) = of_type(events, "meeting")
    assert (call.date.start, call.status) == (D(2025, 7, 9), "happened")
    (deal,) = of_type(events, "agreement")  # the agreeing, not a second accord still to come
    assert deal.status == "happened"


def test_an_event_a_day_before_the_main_clause_is_dated_from_it(run):
    events = run(
        "The move comes just a day after the president sent a letter to Brussels setting a "
        "30% tariff on European cheese.",
        published=D(2025, 7, 13),
    )
    (measure,) = of_type(events, "tariff_measure")
    assert (measure.date.start, measure.date.end) == (D(2025, 7, 12), D(2025, 7, 12))
    assert measure.date_source == "anchored"


def test_two_days_after_is_measured_from_the_main_clauses_own_date(run):
    events = run(
        "Two days after unveiling a 25% duty on all Peruvian goods, the president said on "
        "Thursday that he would pause it.",
        published=D(2025, 7, 11),
    )
    announced = [e for e in of_type(events, "tariff_measure") if e.tariff.rate_percent == 25.0]
    assert [(e.date.start, e.status) for e in announced] == [(D(2025, 7, 8), "happened")]


def test_a_few_days_after_is_a_range_before_the_story(run):
    events = run("The decision comes a few days after Ottawa imposed a 25% duty on Chinese steel.")
    (measure,) = of_type(events, "tariff_measure")
    assert (measure.date.start, measure.date.end) == (D(2025, 5, 31), D(2025, 6, 4))


def test_a_clause_with_its_own_date_keeps_it(run):
    events = run(
        "The talks come two days after Washington imposed a 35% tariff on Laotian goods on June 2.",
    )
    (measure,) = of_type(events, "tariff_measure")
    assert measure.date.start == D(2025, 6, 2)


def test_the_condition_of_a_threat_is_no_measure(run):
    events = run(
        "The president's letter, sent on Monday, warned that if Hanoi raised its own duties "
        "in response, Washington would raise its 20% tariff by the same amount."
    )
    (threat,) = of_type(events, "tariff_measure")
    assert (threat.tariff.imposing_country, threat.status) == ("United States", "speculative")


def test_calling_a_leader_is_a_call_but_calling_someone_names_is_not(run):
    events = run(
        "Indonesia's president called the Japanese prime minister on Saturday evening to "
        "discuss rice duties. On Sunday Trump called Petro a disgrace.",
        published=D(2025, 11, 17),
    )
    (call,) = of_type(events, "meeting")
    assert (call.date.start, call.status) == (D(2025, 11, 15), "happened")
    assert set(call.countries) == {"Indonesia", "Japan"}  # and "called Petro a disgrace" none


def test_speaking_to_officials_is_talks_but_speaking_to_a_broadcaster_is_not(run):
    events = run(
        "Late on Wednesday, South African officials spoke to US officials about the 30% "
        "tariff. The trade secretary spoke to CNBC on Thursday about the offer.",
        published=D(2025, 7, 31),
    )
    (talks,) = of_type(events, "meeting")
    assert talks.date.start == D(2025, 7, 30)
    assert set(talks.countries) == {"South Africa", "United States"}


def test_a_cabinet_approving_a_trade_agreement_is_its_own_step_not_a_deal(run):
    events = run(
        "Norway's cabinet on Friday approved the free trade agreement with Thailand.",
        published=D(2025, 12, 14),
    )
    assert of_type(events, "agreement") == []
    (approval,) = of_type(events, "other")
    assert (approval.date.start, approval.status) == (D(2025, 12, 12), "happened")


def test_a_proposal_submitted_and_revised_is_two_steps(run):
    events = run(
        "Nairobi submitted its draft trade agreement to the USTR in May and revised it in June.",
        published=D(2025, 7, 31),
    )
    steps = sorted(e.date.start for e in of_type(events, "other"))
    assert steps == [D(2025, 5, 1), D(2025, 6, 1)]


def test_an_export_ban_suspended_is_a_trade_step_but_a_spending_plan_is_not(run):
    events = run(
        "Beijing suspended its export ban on antimony on Sunday. The cabinet approved a new "
        "spending plan on Monday.",
        published=D(2025, 11, 11),
    )
    (step,) = of_type(events, "other")
    assert step.date.start == D(2025, 11, 9)


def test_a_forecast_of_the_other_sides_cut_is_no_announced_measure(run):
    events = run(
        "Bangkok's trade chief said on Tuesday she was confident that Washington would lower "
        "its 36% tariff on Thai rice."
    )
    assert [e for e in of_type(events, "tariff_measure") if e.status != "speculative"] == []


def test_a_trade_inquiry_opened_is_a_step_of_its_own(run):
    events = run(
        "The ruling closes the anti-dumping investigation opened by Brussels in March 2024 "
        "into imports of Chinese bicycles. Canberra launched a probe into Thai steel imports "
        "on Monday.",
        published=D(2025, 6, 6),
    )
    steps = sorted((e.date.start, e.date.end) for e in of_type(events, "other"))
    assert steps == [(D(2024, 3, 1), D(2024, 3, 31)), (D(2025, 6, 2), D(2025, 6, 2))]


def test_a_judge_scheduling_a_conference_is_a_planned_court_step(run):
    events = run(
        "Judge Ruiz has scheduled a closed status conference on the tariff refunds for June 12.",
    )
    (hearing,) = of_type(events, "other")
    assert (hearing.date.start, hearing.status) == (D(2025, 6, 12), "planned")


def test_an_accord_approved_by_a_council_is_its_approval_not_a_new_deal(run):
    events = run(
        "The trade agreement with Peru, approved by Chile's senate on Thursday, now awaits the "
        "president's signature.",
    )
    assert of_type(events, "agreement") == []
    (approval,) = of_type(events, "other")
    assert approval.date.start == D(2025, 6, 5)


def test_a_window_granted_to_negotiate_is_a_deadline_from_the_day_it_was_granted(run):
    events = run(
        "Ottawa secured a 60-day window to negotiate a deal with Washington in a call on Monday."
    )
    (deadline,) = of_type(events, "deadline")
    assert (deadline.date.start, deadline.status) == (D(2025, 8, 1), "planned")


def test_days_given_by_a_court_run_from_its_ruling(run):
    events = run(
        "The trade court ruled on Wednesday that the duties on Brazilian beef were unlawful. "
        "The court gave the administration 10 days to lift the duties."
    )
    (deadline,) = of_type(events, "deadline")
    assert deadline.date.start == D(2025, 6, 14)


def test_an_offset_is_measured_from_the_lead_not_from_background_told_later(run):
    events = run(
        "Thai negotiators began a second round of talks in Washington on Tuesday. Bangkok "
        "wants to build on its first round of negotiations, held on June 27. The crucial "
        "talks come two days after the president sent a letter setting a 36% tariff on Thai "
        "goods.",
        published=D(2025, 7, 9),
    )
    (measure,) = of_type(events, "tariff_measure")
    assert measure.date.start == D(2025, 7, 6)


def test_the_signing_of_a_deal_is_the_deal_made(run):
    events = run(
        "The round ends a week after the signing of a trade deal between the EU and Peru on "
        "Saturday.",
        published=D(2025, 12, 23),
    )
    (deal,) = of_type(events, "agreement")
    assert (deal.date.start, deal.status) == (D(2025, 12, 20), "happened")
    assert set(deal.countries) == {"European Union", "Peru"}


def test_a_meeting_told_as_recent_is_kept_undated(run):
    events = run(
        "Chile's minister of trade, who had recently met with Jamieson Greer at the USTR, "
        "said on Friday the dialogue had been frank."
    )
    (meeting,) = of_type(events, "meeting")
    assert (meeting.date, meeting.status) == (None, "happened")
    assert "Jamieson Greer" in meeting.participants


def test_what_should_be_done_to_a_tariff_is_no_step_taken(run):
    events = run(
        "The premier complained on Monday that the court had wrongly said the duties on "
        "Chilean wine should be removed."
    )
    assert [e for e in of_type(events, "tariff_measure") if e.status != "speculative"] == []


def test_hyphenated_rates_are_read(run):
    events = run(
        "On Monday Ottawa put a 25-per-cent levy on Chinese steel and a 10-percent duty on "
        "Chinese aluminium."
    )
    rates = sorted(e.tariff.rate_percent for e in of_type(events, "tariff_measure"))
    assert rates == [10.0, 25.0]


def test_a_date_bound_outside_trade_is_no_deadline_but_a_truces_end_is(run):
    events = run(
        "Ms Ortiz takes the oath before the end of the week as finance minister. On August 12 "
        "the White House agreed to prolong the truce until November 10.",
        published=D(2025, 8, 13),
    )
    assert [e.date.start for e in of_type(events, "deadline")] == [D(2025, 11, 10)]


def test_demonyms_of_smaller_partners_name_their_countries(run):
    events = run(
        "Kenyan and Ecuadorian negotiators met on Wednesday in Geneva to discuss the 10% tariff.",
        published=D(2025, 7, 31),
    )
    (meeting,) = of_type(events, "meeting")
    assert {"Kenya", "Ecuador"} <= set(meeting.countries)


def test_rates_written_in_words_or_as_pc_are_read(run):
    events = run(
        "On Monday Ottawa put a ten percent tariff on Chinese steel and a 15pc duty on Chinese "
        "aluminium."
    )
    rates = sorted(e.tariff.rate_percent for e in of_type(events, "tariff_measure"))
    assert rates == [10.0, 15.0]


# Tenth pass (stop 22) -----------------------------------------------------------------------


def test_a_measures_description_does_not_date_the_step_the_sentence_reports(run):
    events = run(
        "Oslo's duties on Chilean salmon, imposed in March, were cut to 5% on Tuesday.",
        published=D(2025, 9, 12),
    )
    (cut,) = [e for e in of_type(events, "tariff_measure") if e.tariff.action == "lowered"]
    assert (cut.date.start, cut.tariff.rate_percent) == (D(2025, 9, 9), 5.0)


def test_a_relative_clause_date_is_the_measures_own_when_the_main_verb_has_none(run):
    events = run(
        "The 20% levy that Norway imposed on Chilean salmon on March 3 hurt exporters.",
        published=D(2025, 9, 12),
    )
    (levy,) = of_type(events, "tariff_measure")
    assert levy.date.start == D(2025, 3, 3)


def test_an_announced_measure_is_dated_on_its_announcement_not_its_effective_day(run):
    events = run(
        "The president on June 2 announced a 30% tariff on Peruvian copper, effective June 16.",
        published=D(2025, 6, 20),
    )
    measure, applied = announced_and_applied(events)
    assert (measure.date.start, measure.status, measure.tariff.action) == (
        D(2025, 6, 2),
        "happened",
        "announced",
    )
    # the day it applies is behind the article: the duty was imposed then
    assert (applied.date.start, applied.status, applied.tariff.action) == (
        D(2025, 6, 16),
        "happened",
        "imposed",
    )


def test_deals_of_one_month_with_two_different_partners_stay_two(run):
    events = run(
        "The accord, signed on Oct. 29 in Gyeongju, will cut U.S. duties on Korean ships to "
        "12%. Last month's deal between Tokyo and Washington cut duties on Japanese rice to 8%.",
        published=D(2025, 11, 7),
    )
    deals = of_type(events, "agreement")
    assert sorted(tuple(sorted(d.countries)) for d in deals) == [
        ("Japan", "United States"),
        ("South Korea", "United States"),
    ]


def test_the_following_day_and_days_later_count_from_the_event_told_before(run):
    events = run(
        "Peru's trade minister met the U.S. commerce secretary on Monday in Washington. The "
        "following day, she held talks with the Treasury secretary. Two days later, the Peruvian "
        "president spoke with Trump by phone.",
        published=D(2025, 7, 11),
    )
    days = sorted(m.date.start for m in of_type(events, "meeting"))
    assert days == [D(2025, 7, 7), D(2025, 7, 8), D(2025, 7, 10)]


def test_a_day_later_is_not_read_from_the_publication_day(run):
    events = run(
        "Oslo raised its duty on Chilean salmon to 20% on March 3. A day later, Chile "
        "answered with a 20% levy on Norwegian cod.",
        published=D(2025, 3, 20),
    )
    answer = next(
        e for e in of_type(events, "tariff_measure") if e.tariff.imposing_country == "Chile"
    )
    assert answer.date.start == D(2025, 3, 4)


def test_an_act_in_the_simple_present_with_a_weekday_is_scheduled(run):
    events = run(
        "Peruvian and Chilean negotiators meet in Lima on Monday for a second round of talks.",
        published=D(2025, 7, 11),  # a Friday
    )
    (talks,) = of_type(events, "meeting")
    assert (talks.date.start, talks.status) == (D(2025, 7, 14), "planned")


def test_a_retained_levy_is_no_new_measure(run):
    events = run(
        "Lima will suspend its 24% duty on Chilean wine for a year, the ministry said on "
        "Wednesday, retaining a 10% levy.",
        published=D(2025, 7, 11),
    )
    assert [e.tariff.action for e in of_type(events, "tariff_measure")] == ["paused"]


def test_a_dated_describing_clause_is_a_measure_of_its_own(run):
    events = run(
        "The 20% levy that Norway imposed on Chilean salmon on March 3 was cut to 5% on Tuesday.",
        published=D(2025, 9, 12),
    )
    measures = sorted(of_type(events, "tariff_measure"), key=lambda e: e.date.start)
    assert [(m.date.start, m.tariff.action, m.tariff.rate_percent) for m in measures] == [
        (D(2025, 3, 3), "imposed", 20.0),
        (D(2025, 9, 9), "lowered", 5.0),
    ]


def test_a_step_up_scheduled_in_a_describing_clause_is_a_measure_of_its_own(run):
    events = run(
        "Lima signed a decree on Monday setting duties on Chilean wine. The decree imposes a "
        "15% duty on bottled wine, which will increase to 40% on Jan. 1.",
        published=D(2025, 9, 30),
    )
    measures = {
        (m.date.start, m.status, m.tariff.rate_percent): m.tariff.action
        for m in of_type(events, "tariff_measure")
    }
    assert measures[(D(2026, 1, 1), "planned", 40.0)] == "raised"
    assert (D(2025, 9, 29), "happened", 15.0) in measures  # the decree's day, not Jan. 1


def test_a_change_is_not_dated_by_the_clause_telling_the_measures_making(run):
    events = run(
        "The 10% duty that Quito placed on Peruvian rice in February was doubled to 20% on "
        "Tuesday.",
        published=D(2025, 3, 6),
    )
    measures = sorted(
        (m.date.start, m.tariff.action, m.tariff.rate_percent)
        for m in of_type(events, "tariff_measure")
    )
    assert measures == [(D(2025, 2, 1), "imposed", 10.0), (D(2025, 3, 4), "raised", 20.0)]


def test_a_total_levy_is_a_sum_and_a_told_again_measure_is_one(run):
    events = run(
        "Rome on Tuesday announced an extra 20% duty on Peru over its purchases of "
        "Russian oil, taking the total levy to 45%. Signing a decree on Tuesday, the premier "
        "imposed an additional 20% duty on the Andean trade partner.",
        published=D(2025, 8, 6),
    )
    (measure,) = of_type(events, "tariff_measure")
    assert (measure.date.start, measure.tariff.rate_percent) == (D(2025, 8, 5), 20.0)
    assert "Russia" not in measure.countries


def test_the_original_levy_that_came_into_effect_happened(run):
    events = run(
        "The original 15% levy on Peruvian coffee came into effect on August 1.",
        published=D(2025, 8, 6),
    )
    (levy,) = of_type(events, "tariff_measure")
    assert (levy.date.start, levy.status) == (D(2025, 8, 1), "happened")


def test_a_duty_that_will_be_effective_or_applicable_on_a_day_is_a_measure(run):
    events = run(
        "The reciprocal duty on Peruvian coffee will be effective from April 9, the decree said. "
        "The extra duties on Peruvian tin become applicable 21 days from today.",
        published=D(2025, 4, 3),
    )
    days = sorted(m.date.start for m in of_type(events, "tariff_measure"))
    assert days == [D(2025, 4, 9), D(2025, 4, 24)]


def test_a_dated_announcement_noun_dates_the_measures_it_tells(run):
    events = run(
        "The announcement of the duties on Wednesday was part of the premier's wider plan to "
        "impose a 12% duty on all Peruvian goods from April 5.",
        published=D(2025, 4, 3),
    )
    measure, applied = announced_and_applied(events)
    assert (measure.date.start, measure.status, measure.tariff.action) == (
        D(2025, 4, 2),
        "happened",
        "announced",
    )
    assert (applied.date.start, applied.status, applied.tariff.action) == (
        D(2025, 4, 5),
        "planned",
        "imposed",
    )


def test_talks_filling_the_days_before_the_act_are_dated_then(run):
    events = run(
        "After a weekend of talks in Lima, Peru and Chile announced on Monday a truce on "
        "fishing duties. Following two days of negotiations in Quito, the two sides agreed on "
        "Thursday to extend it.",
        published=D(2025, 5, 16),
    )
    talks = sorted((m.date.start, m.date.end) for m in of_type(events, "meeting"))
    assert talks == [(D(2025, 5, 10), D(2025, 5, 11)), (D(2025, 5, 13), D(2025, 5, 14))]


def test_an_ambassadors_title_does_not_end_the_sentence(run):
    events = run(
        "Ochieng said the visit came after a round of talks with Amb. Greer in March.",
        published=D(2025, 8, 21),
    )
    (talks,) = of_type(events, "meeting")
    assert (talks.date.start, talks.date.end) == (D(2025, 3, 1), D(2025, 3, 31))
    assert "Jamieson Greer" in talks.participants


def test_talks_on_two_joined_days_or_ending_after_two_days_span_them(run):
    events = run(
        "Peruvian and Chilean officials wrapped up two days of talks in Lima on Monday. The "
        "ministers of both countries met again in Quito on Thursday and Friday.",
        published=D(2025, 9, 20),
    )
    spans = sorted((m.date.start, m.date.end) for m in of_type(events, "meeting"))
    assert spans == [(D(2025, 9, 14), D(2025, 9, 15)), (D(2025, 9, 18), D(2025, 9, 19))]


def test_a_plan_called_off_for_a_month_is_the_nearest_such_month(run):
    events = run(
        "The summit between the Peruvian and Chilean presidents, initially planned for August, "
        "has been postponed.",
        published=D(2025, 9, 19),
    )
    (summit,) = of_type(events, "meeting")
    assert (summit.date.start, summit.status) == (D(2025, 8, 1), "cancelled")


def test_a_deal_in_sight_is_not_reached(run):
    events = run(
        "Peru and Chile inched closer to a fishing accord on Wednesday, with both ministers "
        "meeting in Lima. Quito and Lima are nearing a trade pact, officials said on Thursday.",
        published=D(2025, 7, 25),
    )
    assert not [e for e in of_type(events, "agreement") if e.status == "happened"]


def test_a_possessive_date_of_another_event_does_not_date_a_measure(run):
    events = run(
        "While Lima and Quito have agreed to lower duties on rice from 20 percent to 8 percent, "
        "the envoys dealt with the fine print to be settled at Monday's summit in Quito.",
        published=D(2025, 7, 18),
    )
    (rice,) = of_type(events, "tariff_measure")
    assert rice.date is None or rice.date.start != D(2025, 7, 21)


def test_what_a_delegation_goes_to_negotiate_is_no_measure(run):
    events = run(
        "Quito will send its trade minister to Lima next week to negotiate a reversal of the 30 "
        "percent duty on shrimp. The envoys also went over the 12% levy imposed by Lima on "
        "Ecuadorian bananas.",
        published=D(2025, 4, 10),
    )
    assert [e.tariff.rate_percent for e in of_type(events, "tariff_measure")] == [12.0]


# Eleventh pass (stop 23) ---------------------------------------------------------------------


def test_a_measure_announced_with_a_day_to_apply_from_is_also_told_on_that_day(run):
    events = run(
        "Lima on Tuesday announced duties of up to 15 percent on Chilean fruit and wine, to "
        "apply from March 10.",
        published=D(2025, 3, 5),
    )
    announced, applied = announced_and_applied(events)
    assert (announced.date.start, announced.status) == (D(2025, 3, 4), "happened")
    assert (applied.date.start, applied.status, applied.tariff.action) == (
        D(2025, 3, 10),
        "planned",
        "imposed",
    )


def test_a_threat_with_a_day_stays_a_threat_on_that_day(run):
    events = run(
        "The president had threatened on Friday to impose a 40 percent rate on Peruvian goods "
        "from June 1.",
        published=D(2025, 5, 26),
    )
    announced, applied = announced_and_applied(events)
    assert announced.date.start == D(2025, 5, 23)
    assert (applied.date.start, applied.status) == (D(2025, 6, 1), "speculative")


def test_a_measure_starting_on_a_day_is_planned_for_that_day(run):
    events = run(
        "The president said on Monday he would impose a 25% tariff on Peruvian tomatoes starting "
        "July 14.",
        published=D(2025, 6, 4),
    )
    announced, applied = announced_and_applied(events)
    assert announced.tariff.in_force_from == "2025-07-14"
    assert (applied.date.start, applied.status) == (D(2025, 7, 14), "planned")


def test_a_pause_to_a_day_is_not_a_measure_starting_that_day(run):
    events = run(
        "The president said on Sunday he had agreed to extend the pause on tariffs on Peruvian "
        "goods until July 9.",
        published=D(2025, 5, 26),
    )
    assert not [
        e
        for e in of_type(events, "tariff_measure")
        if e.tariff.action != "paused" and e.date and e.date.start == D(2025, 7, 9)
    ]


def test_a_visit_planned_this_week_in_a_sunday_article_is_in_the_coming_week(run):
    events = run(
        "Trade minister Ana Ruiz plans to visit Washington this week for a new round of talks.",
        published=D(2025, 7, 20),  # a Sunday
    )
    (visit,) = of_type(events, "meeting")
    assert (visit.date.start, visit.date.end, visit.status) == (
        D(2025, 7, 21),
        D(2025, 7, 27),
        "planned",
    )


def test_agreeing_to_begin_discussions_is_not_a_deal(run):
    events = run(
        "Peru's trade minister Ana Ruiz and Chile's economy minister Tomas Vidal agreed on "
        "January 28 to open a round of discussions about updating the pact between them.",
        published=D(2026, 1, 29),
    )
    assert not of_type(events, "agreement")


# Twelfth pass (stop 24) ----------------------------------------------------------------------


def test_late_and_early_next_week_are_parts_of_the_working_week(run):
    (late,) = run(
        "Ottawa's trade minister said on Thursday he will meet Jamieson Greer late next week "
        "in Washington.",
        published=D(2026, 2, 26),
    )
    assert (late.date.start, late.date.end) == (D(2026, 3, 5), D(2026, 3, 6))  # Thu-Fri
    (early,) = run(
        "Seoul's trade envoy will meet Jamieson Greer early next week in Washington.",
        published=D(2026, 2, 1),  # a Sunday: next week is the coming one
    )
    assert (early.date.start, early.date.end) == (D(2026, 2, 2), D(2026, 2, 4))  # Mon-Wed


def test_a_caption_line_closed_by_a_photo_credit_tells_no_event(run):
    events = run(
        "Lisbon's trade minister holds talks in Washington with U.S. officials, as the two sides "
        "seek a deal.\n"
        "The minister speaks with reporters before flying to Washington for trade talks on "
        "March 3, 2026 (Yonhap)\n"
        "He said on Tuesday the talks were going well.",
        published=D(2026, 3, 5),
    )
    told = [sentence.sentence for e in events for sentence in e.evidence]
    assert not [sentence for sentence in told if "(Yonhap)" in sentence]


def test_a_date_hung_on_another_act_does_not_date_the_event_beside_it(run):
    events = run(
        "The envoy's trip to Washington follows the president's warning on Jan. 26 that he "
        "could raise tariffs on Chilean wine.",
        published=D(2026, 2, 1),
    )
    assert not [e for e in of_type(events, "meeting") if e.date and e.date.start == D(2026, 1, 26)]


def test_talks_before_a_deadline_are_not_dated_on_the_deadline(run):
    events = run(
        "Lisbon is trying to speed up negotiations with Washington before a July 9 deadline.",
        published=D(2025, 6, 4),
    )
    assert not of_type(events, "meeting")
    (deadline,) = of_type(events, "deadline")
    assert deadline.date.start == D(2025, 7, 9)


def test_the_talks_of_a_since_phrase_are_not_a_meeting_of_their_own(run):
    events = run(
        "The minister and Howard Lutnick talked for 45 minutes on Thursday. These were the first "
        "talks since the ones between June 27 and 28.",
        published=D(2025, 7, 6),
    )
    assert not [e for e in events if e.date and e.date.start == D(2025, 6, 27)]


def test_a_measure_goes_on_with_the_measure_told_just_before(run):
    events = run(
        "Earlier this month, the White House unleashed sweeping duties on Portugal and other "
        "partners. Washington then announced a 90-day pause on those duties. Earlier this week, "
        "the minister met exporters in Lisbon.",
        published=D(2025, 4, 27),
    )
    (pause,) = [e for e in of_type(events, "tariff_measure") if e.tariff.action == "paused"]
    assert pause.date.start == D(2025, 4, 1)  # this month's, not this week's
    (unleashed,) = [e for e in of_type(events, "tariff_measure") if e.tariff.action == "imposed"]
    assert unleashed.tariff.target_country == "Portugal"


def test_the_tariff_talks_are_held_to_bring_down_is_no_measure(run):
    events = run(
        "Lisbon's two ministers plan to fly to Washington in the coming week, seeking talks to "
        "bring down the duty imposed on Portuguese wine.",
        published=D(2025, 4, 27),
    )
    assert not of_type(events, "tariff_measure")


def test_from_one_month_to_the_next_is_one_range(run):
    (trip,) = run(
        "The minister will visit Washington from April 29 to May 2 for talks with Jamieson Greer.",
        published=D(2025, 4, 27),
    )
    assert (trip.date.start, trip.date.end) == (D(2025, 4, 29), D(2025, 5, 2))
    moved = run(
        "The meeting with Jamieson Greer was postponed from April 29 to May 2.",
        published=D(2025, 4, 27),
    )
    assert all(e.date.end != D(2025, 5, 2) or e.date.start == e.date.end for e in moved if e.date)


def test_one_partner_named_among_many_hit_is_a_measure(run):
    events = run(
        "On April 2, the White House announced tariff measures hitting some 60 countries, "
        "including a 24 percent levy on most Portuguese goods.",
        published=D(2025, 6, 18),
    )
    (levy,) = of_type(events, "tariff_measure")
    assert (levy.tariff.rate_percent, levy.tariff.target_country) == (24.0, "Portugal")
    assert levy.date.start == D(2025, 4, 2)


def test_rates_as_they_stand_are_no_measures(run):
    events = run(
        "Lisbon and Washington will start their review talks on March 16. The 50 percent duty "
        "on aluminium remains in force, as does an 18 percent duty on Portuguese cork. Buses, "
        "which face a 25 percent duty, are left out.",
        published=D(2026, 3, 6),
    )
    assert not of_type(events, "tariff_measure")


def test_a_tariff_word_joined_to_a_modifier_is_no_measure(run):
    events = run(
        "Lisbon's negotiators have left for Washington to hold one last round on a trade and "
        "tariff agreement struck in January, the government said on Tuesday.",
        published=D(2026, 2, 10),
    )
    assert not of_type(events, "tariff_measure")


def test_the_case_for_cutting_tariffs_is_no_cut(run):
    events = run(
        "Portugal's minister held talks with Jamieson Greer on Wednesday. He had been due to make "
        "a case for cutting or abolishing threatened duties on Portuguese cork.",
        published=D(2025, 6, 4),
    )
    assert not of_type(events, "tariff_measure")


def test_a_meeting_expected_on_the_day_it_was_held_is_that_meeting(run):
    events = run(
        "Portugal's trade chief said on Wednesday he had held useful talks with Jamieson Greer. "
        "A meeting between the Portuguese minister and Mr Greer had been scheduled in Paris for "
        "Wednesday.",
        published=D(2025, 6, 4),
    )
    (meeting,) = of_type(events, "meeting")
    assert (meeting.date.start, meeting.status) == (D(2025, 6, 4), "happened")


def test_a_cut_agreed_with_a_day_it_applies_from_is_announced_then_applied(run):
    events = run(
        "Washington agreed on Monday to lower its duties on Portuguese cars to 15 percent, "
        "effective August 1.",
        published=D(2025, 7, 23),
    )
    announced, applied = announced_and_applied(events)
    assert (announced.date.start, announced.status, announced.tariff.action) == (
        D(2025, 7, 21),
        "happened",
        "announced",
    )
    assert (applied.date.start, applied.status, applied.tariff.action) == (
        D(2025, 8, 1),
        "planned",
        "lowered",
    )


def test_a_subheading_run_into_the_paragraph_is_a_sentence_of_its_own(run):
    events = run(
        "Lisbon's minister met Jamieson Greer in New York on Monday.\n"
        "Trade ties Greer praises Portugal's patience During their meeting, the two men "
        "reviewed the state of the talks.",
        published=D(2025, 9, 23),
    )
    told = {sentence.sentence for e in events for sentence in e.evidence}
    assert not [s for s in told if "praises" in s and "During" in s]


def test_a_headline_glued_to_the_lead_keeps_its_own_measure(run):
    events = run(
        "Portugal strikes back at Washington, imposes 30 per cent levy on all American imports from "
        "May 10 "
        "After taking office, the president has already levied a 10% duty on Portuguese wine.",
        published=D(2025, 5, 2),
    )
    (thirty,) = [e for e in of_type(events, "tariff_measure") if e.tariff.rate_percent == 30.0]
    assert (thirty.tariff.imposing_country, thirty.tariff.target_country) == (
        "Portugal",
        "United States",
    )
    (ten,) = [e for e in of_type(events, "tariff_measure") if e.tariff.rate_percent == 10.0]
    assert "After taking office" in ten.evidence[0].sentence
    assert "hits back" not in ten.evidence[0].sentence


def test_a_sentence_adverb_opens_a_sentence_after_a_glued_subheading(run):
    events = run(
        "Lisbon's envoy held talks with Marco Rubio on Monday.\n"
        "Trade talks Portugal's minister meets Jamieson Greer Separately, the trade minister met "
        "Jamieson Greer in New York on Monday.",
        published=D(2025, 9, 23),
    )
    told = {sentence.sentence for e in events for sentence in e.evidence}
    assert not [s for s in told if "meets" in s and "Separately" in s]


def test_partners_listed_each_with_a_rate_get_a_measure_each(run):
    events = run(
        "The White House sent letters setting new duties for Portugal (25% tariff), Chile (40%) "
        "and Peru (25%).",
        published=D(2025, 7, 8),
    )
    rates = {
        e.tariff.target_country: e.tariff.rate_percent for e in of_type(events, "tariff_measure")
    }
    assert rates == {"Portugal": 25.0, "Chile": 40.0, "Peru": 25.0}


def test_a_meeting_with_home_groups_is_no_trade_meeting(run):
    events = run(
        "Portugal's trade minister met exporters in Porto on Tuesday to prepare for the talks. "
        "On Wednesday the premier warned business chiefs at a breakfast meeting in Lisbon "
        "that the duties would hurt. A meeting was held on Thursday at the ministry with all "
        "stakeholders in the wine sector, with the participation of the president.",
        published=D(2025, 7, 18),
    )
    assert not of_type(events, "meeting")


def test_a_meeting_with_a_foreign_official_is_still_one(run):
    (meeting,) = of_type(
        run(
            "Portugal's trade minister met with exporters and Jamieson Greer in Washington on "
            "Tuesday.",
            published=D(2025, 7, 18),
        ),
        "meeting",
    )
    assert meeting.date.start == D(2025, 7, 15)


def test_the_call_said_to_be_constructive_is_the_call_told_before(run):
    events = run(
        "Lisbon's prime minister held a phone call with President Trump on Monday about the "
        "duties.\nOn Wednesday, the premier's office said the call had been constructive.",
        published=D(2025, 7, 18),
    )
    (call,) = of_type(events, "meeting")
    assert call.date.start == D(2025, 7, 14)
    assert not of_type(events, "tariff_measure")  # the duties are what the call was about


def test_discussing_something_with_a_counterpart_is_a_meeting(run):
    events = run(
        "Portugal's economy minister on Friday discussed a list of joint investment projects "
        "with Howard Lutnick, the commerce chief. Both governments discussed trade.",
        published=D(2026, 3, 8),
    )
    (meeting,) = of_type(events, "meeting")
    assert (meeting.date.start, meeting.status) == (D(2026, 3, 6), "happened")
    assert "Howard Lutnick" in meeting.participants


# Thirteenth pass (stop 25) -------------------------------------------------------------------


def test_a_date_in_a_that_clause_below_the_measure_is_the_clauses_event(run):
    events = run(
        "Lisbon and Washington signed a declaration on Monday. A notice from the trade office "
        "makes clear that the latest cut in duties, from 30% to 12%, was granted in the "
        "expectation that negotiations would be concluded by the end of March 2026.",
        published=D(2025, 12, 19),
    )
    cuts = [e for e in of_type(events, "tariff_measure") if e.tariff.rate_percent == 12.0]
    assert cuts, "the cut is still an event"
    assert all(e.date is None or e.date.start.month != 3 for e in cuts)


def test_a_recent_cut_in_duties_is_told_as_before_the_story(run):
    events = run(
        "Portugal's premier met the US trade representative in Lisbon on Tuesday. The recent "
        "cut in duties on cork, from 30% to 12%, helped exporters.",
        published=D(2025, 12, 19),
    )
    (cut,) = of_type(events, "tariff_measure")
    assert cut.tariff.rate_percent == 12.0
    assert cut.date is None  # earlier than the story, at a time the article does not give


def test_a_measure_told_in_the_pluperfect_is_not_dated_by_the_story(run):
    events = run(
        "Portugal's customs office on Tuesday issued a notice applying the 40% duties. "
        "The American president had at first unveiled a 20% tariff on Portuguese cork.",
        published=D(2025, 8, 27),
    )
    (earlier,) = [e for e in of_type(events, "tariff_measure") if e.tariff.rate_percent == 20.0]
    assert earlier.date is None  # before the story, at a time the article does not give


def test_a_reported_pluperfect_measure_keeps_the_reports_day(run):
    events = run(
        "Portugal's premier said on Thursday that Washington had imposed a 10% levy on "
        "Portuguese exports.",
        published=D(2025, 4, 3),
    )
    (measure,) = of_type(events, "tariff_measure")
    assert measure.date is not None and measure.date.start == D(2025, 4, 3)


def test_a_cut_the_deal_will_make_is_dated_with_the_deal_told_after_it(run):
    events = run(
        "Portugal and the US concluded a reciprocal trade pact.\n"
        "The pact, the first of its kind for Lisbon, will reduce tariffs on wine and cork.\n"
        "The two governments signed the pact on Monday in Washington.",
        published=D(2026, 2, 10),
    )
    (cut,) = of_type(events, "tariff_measure")
    assert cut.tariff.action == "lowered"
    assert (cut.status, cut.date.start) == ("planned", D(2026, 2, 9))


def test_today_and_tomorrow_in_a_quote_count_from_the_day_it_was_spoken(run):
    events = run(
        "Portugal's economy minister met the US commerce secretary in Washington on Thursday "
        "to head off higher duties.\n"
        "“We covered a lot of ground and will hold talks again tomorrow morning,” the minister "
        "told reporters afterwards.",
        published=D(2026, 1, 30),  # a Friday: the morning after, in Lisbon
    )
    held, planned = sorted(of_type(events, "meeting"), key=lambda e: e.status)
    assert (held.status, held.date.start) == ("happened", D(2026, 1, 29))
    assert (planned.status, planned.date.start) == ("planned", D(2026, 1, 30))


def test_a_quote_dated_by_its_own_reporting_verb_counts_from_the_publication(run):
    events = run(
        "Portugal's economy minister met the US commerce secretary in Washington on Thursday.\n"
        "“We will meet again tomorrow,” the minister said on Friday.",
        published=D(2026, 1, 30),
    )
    planned = [e for e in of_type(events, "meeting") if e.status == "planned"]
    assert [e.date.start for e in planned] == [D(2026, 1, 31)]


def test_two_cuts_to_one_rate_on_different_goods_stay_two(run):
    events = run(
        "Lisbon and Washington reached a deal on Tuesday under which most Portuguese goods will "
        "face a 15 percent US tariff.\n"
        "The tariff on Portuguese cars, now 25 percent, will also be cut to 15 percent under "
        "the deal.",
        published=D(2025, 7, 23),
    )
    cuts = [e for e in of_type(events, "tariff_measure") if e.tariff.rate_percent == 15.0]
    assert len(cuts) == 2
    assert {e.tariff.sector for e in cuts} == {"", "autos"}


def test_measures_told_as_like_the_one_before_share_its_day_and_status(run):
    events = run(
        "The US president set a 25% tariff on all goods from Portugal, effective August 1, "
        "2025, in a letter to its premier.\n"
        "Similar letters went to the leaders of Peru (30% tariff), Chile (40%) and Bolivia "
        "(25%).",
        published=D(2025, 7, 8),
    )
    likened = {
        e.tariff.target_country: e
        for e in of_type(events, "tariff_measure")
        if e.tariff.target_country in {"Peru", "Chile", "Bolivia"}
    }
    assert set(likened) == {"Peru", "Chile", "Bolivia"}
    for measure in likened.values():
        assert (measure.status, measure.date.start) == ("planned", D(2025, 8, 1))
    assert likened["Chile"].tariff.rate_percent == 40.0


def test_an_aim_to_sign_by_a_date_is_speculative_a_plan_is_planned(run):
    aimed = of_type(
        run(
            "Lisbon's declared goal remains to sign a trade agreement with Washington in the "
            "first quarter of next year.",
            published=D(2025, 12, 19),
        ),
        "agreement",
    )
    planned = of_type(
        run(
            "Lisbon's plan is to sign a trade agreement with Washington in the first quarter "
            "of next year.",
            published=D(2025, 12, 19),
        ),
        "agreement",
    )
    assert [(e.status, e.date.start) for e in aimed] == [("speculative", D(2026, 1, 1))]
    assert [(e.status, e.date.start) for e in planned] == [("planned", D(2026, 1, 1))]


def test_an_hour_without_a_day_is_on_the_storys_day(run):
    events = run(
        "Portugal's prime minister and Donald Trump agreed a trade framework on February 2 "
        "after a phone call.\n"
        "Trump said in a post at around 10:15 pm Lisbon time that the US would cut its duty "
        "on Portuguese cork to 10%.",
        published=D(2026, 2, 3),
    )
    (cut,) = of_type(events, "tariff_measure")
    assert cut.tariff.rate_percent == 10.0
    assert cut.date.start == D(2026, 2, 2)  # not the morning the article came out


def test_an_hour_on_a_named_day_stays_on_that_day(run):
    events = run(
        "The US president signed an order on Friday lifting the extra 25% duty on Portugal.\n"
        "The duty on Portuguese goods ends at 12:01 am Washington time on Saturday.",
        published=D(2026, 2, 7),
    )
    lifted = [e for e in of_type(events, "tariff_measure") if e.date.start == D(2026, 2, 7)]
    assert lifted, [(e.date.start, e.status) for e in of_type(events, "tariff_measure")]


# Fourteenth pass (stop 26) -------------------------------------------------------------------


def test_an_order_to_get_rid_of_tariffs_is_a_removal_that_dates_the_story(run):
    events = run(
        "On Friday the president put his name to an order to get rid of duties on a list of "
        "farm goods such as cocoa and beef. He signed it after announcing that Washington had "
        "reached framework agreements with Peru and Chile.",
        published=D(2025, 11, 14),
    )
    (removal,) = of_type(events, "tariff_measure")
    assert (removal.tariff.action, removal.status) == ("removed", "happened")
    assert removal.date.start == D(2025, 11, 14)
    assert removal.date_source == "own"
    deals = of_type(events, "agreement")
    assert {e.countries[1] for e in deals} == {"Peru", "Chile"}
    for deal in deals:  # dated with the order they were announced before, not by publication
        assert deal.date.start == D(2025, 11, 14)
        assert deal.date_source == "story"


def test_a_relief_announced_with_the_deals_is_dated_on_the_reported_day(run):
    events = run(
        "Washington has announced trade framework agreements with Peru and Chile.\n"
        "Peru keeps its 10 percent rate under the new terms, according to an official who "
        "spoke to the press on Thursday.\n"
        "Texts published together with the agreements said the US will remove tariffs on "
        "Peruvian cocoa.",
        published=D(2025, 11, 14),
    )
    (relief,) = [e for e in of_type(events, "tariff_measure") if e.tariff.action == "removed"]
    assert (relief.status, relief.date.start) == ("planned", D(2025, 11, 13))  # not Friday
    assert relief.tariff.target_country == "Peru"


def test_a_measure_won_in_a_dated_call_is_dated_by_the_call_not_the_report(run):
    events = run(
        "Lisbon's premier said on Monday that she spoke with Trump on Saturday to win more "
        "time, which will delay the scheduled rise in duties on Portuguese goods from 25 to 30 "
        "percent.",
        published=D(2025, 10, 28),
    )
    (measure,) = of_type(events, "tariff_measure")
    assert measure.tariff.rate_percent == 30.0
    assert measure.date.start == D(2025, 10, 25)  # Saturday's call, not Monday's report
    (call,) = of_type(events, "meeting")
    assert call.date.start == D(2025, 10, 25)


def test_a_partner_informed_of_a_coming_tariff_is_an_announcement_that_day(run):
    events = run(
        "Portugal was formally informed on July 9 that Washington would impose a 30% tariff "
        "on its exports.",
        published=D(2025, 7, 12),
    )
    (measure,) = of_type(events, "tariff_measure")
    assert (measure.tariff.rate_percent, measure.tariff.action) == (30.0, "announced")
    assert (measure.status, measure.date.start) == ("happened", D(2025, 7, 9))


def test_a_pause_on_the_imposition_of_tariffs_is_a_pause(run):
    events = run(
        "On Wednesday night the president ordered a pause on the imposition of the duties on "
        "Portugal.",
        published=D(2025, 4, 10),
    )
    (measure,) = of_type(events, "tariff_measure")
    assert measure.tariff.action == "paused"  # not "announced": the imposition only carries it
    assert measure.tariff.target_country == "Portugal"
    assert measure.date.start == D(2025, 4, 9)


def test_a_tariff_the_news_happens_amid_is_no_measure_unless_its_act_is_told(run):
    assert not of_type(
        run("Lisbon offers aid to winemakers amid 32% US tariff", published=D(2025, 4, 4)),
        "tariff_measure",
    )
    (imposed,) = of_type(
        run(
            "Lisbon offered aid to winemakers amid the 32% US tariff imposed on Portuguese goods "
            "on Thursday.",
            published=D(2025, 4, 4),
        ),
        "tariff_measure",
    )
    assert (imposed.tariff.rate_percent, imposed.date.start) == (32.0, D(2025, 4, 3))


def test_words_a_minister_added_on_a_day_are_a_statement_then(run):
    (statement,) = of_type(
        run(
            "“Cork duties were not on the table,” the Portuguese minister Ana Brito added on "
            "Saturday.",
            published=D(2025, 7, 21),
        ),
        "statement",
    )
    assert statement.date.start == D(2025, 7, 19)
    assert not of_type(
        run("In August Washington added 300 items to its list of steel goods.", D(2025, 9, 1)),
        "statement",
    )


def test_a_notice_of_planned_tariffs_told_as_done_is_the_days_announcement(run):
    (notice,) = of_type(
        run(
            "Washington has notified Portugal of plans to impose 25 percent tariffs on all "
            "Portuguese exports.",
            published=D(2025, 7, 8),
        ),
        "tariff_measure",
    )
    assert (notice.status, notice.tariff.action) == ("happened", "announced")
    assert notice.date.start == D(2025, 7, 8)  # a report in the present perfect
    assert notice.tariff.target_country == "Portugal"


def test_two_ministers_who_talked_for_a_while_held_a_call_a_speech_is_none(run):
    (call,) = of_type(
        run(
            "Officials said Brito and Lutnick talked about 40 minutes from 9 p.m. on Thursday.",
            published=D(2025, 7, 7),
        ),
        "meeting",
    )
    assert "Howard Lutnick" in call.participants
    assert call.date.start == D(2025, 7, 3)
    assert not of_type(
        run("Trump spoke for an hour at the rally on Thursday.", D(2025, 7, 7)), "meeting"
    )


def test_a_joint_fact_sheet_and_a_signed_memorandum_are_agreements(run):
    (sheet,) = of_type(
        run(
            "The order followed a joint fact sheet that Portugal and Chile released on Nov. 13.",
            published=D(2025, 12, 3),
        ),
        "agreement",
    )
    assert sheet.date.start == D(2025, 11, 13)
    assert set(sheet.countries) == {"Portugal", "Chile"}
    (memorandum,) = of_type(
        run(
            "Portugal will invest in Chilean mines under a memorandum signed in September.",
            published=D(2025, 12, 3),
        ),
        "agreement",
    )
    assert (memorandum.status, memorandum.date.start) == ("happened", D(2025, 9, 1))


def test_a_remark_made_ahead_of_a_deadline_is_not_dated_on_the_deadline(run):
    events = run(
        "Talks are on hold for now, says trade minister Ana Brito, ahead of the August 1 deadline.",
        published=D(2025, 7, 30),
    )
    assert not of_type(events, "statement")  # no day of its own: not a planned statement
    (deadline,) = of_type(events, "deadline")
    assert deadline.date.start == D(2025, 8, 1)


def test_rounds_of_talks_between_two_months_span_both(run):
    (talks,) = of_type(
        run(
            "Portugal and Chile held four rounds of talks between November 2023 and March 2024.",
            published=D(2025, 12, 12),
        ),
        "meeting",
    )
    assert (talks.date.start, talks.date.end) == (D(2023, 11, 1), D(2024, 3, 31))


# Fifteenth pass (stop 28) ---------------------------------------------------------------------


def test_a_tariff_letter_targets_its_recipient_announced_then_applied(run):
    events = run(
        "Trump on Monday sent Lesotho a letter imposing a 30% tariff from August 1.",
        published=D(2025, 7, 10),
    )
    announced, applied = announced_and_applied(events)
    for measure in (announced, applied):
        assert measure.tariff.target_country == "Lesotho"
        assert measure.tariff.rate_percent == 30.0
    assert (announced.tariff.action, announced.status) == ("announced", "happened")
    assert announced.date.start == D(2025, 7, 7)  # the letter's day
    assert (applied.status, applied.date.start) == ("planned", D(2025, 8, 1))


def test_similar_letters_are_one_announcement_per_recipient(run):
    events = run(
        "The United States told more partners their rates. Similar letters went on Tuesday to Laos, "
        "Cambodia and Myanmar.",
        published=D(2025, 7, 10),
    )
    measures = of_type(events, "tariff_measure")
    assert sorted(m.tariff.target_country for m in measures) == ["Cambodia", "Laos", "Myanmar"]
    for measure in measures:
        assert (measure.tariff.action, measure.status) == ("announced", "happened")
        assert measure.date.start == D(2025, 7, 8)


def test_letters_to_be_sent_to_listed_countries_split_by_recipient(run):
    events = run(
        "Tariff letters to be delivered to Tunisia, Serbia and Kazakhstan were signed on Tuesday.",
        published=D(2025, 7, 10),
    )
    measures = of_type(events, "tariff_measure")
    assert sorted(m.tariff.target_country for m in measures) == ["Kazakhstan", "Serbia", "Tunisia"]


def test_a_letter_about_something_else_is_no_tariff_measure(run):
    events = run(
        "The prime minister sent a letter to Norway on Monday inviting its ministers to talks.",
        published=D(2025, 7, 10),
    )
    assert of_type(events, "tariff_measure") == []


def test_a_meeting_told_as_separate_is_not_merged_into_the_days_other_talks(run):
    events = run(
        "Japanese officials were in Paris on Tuesday for talks with Marco Rubio. Separately, "
        "Ryosei Akazawa met Howard Lutnick in the French capital.",
        published=D(2025, 6, 12),
    )
    meetings = of_type(events, "meeting")
    assert len(meetings) == 2
    separate = next(m for m in meetings if "Howard Lutnick" in m.participants)
    assert "Marco Rubio" not in separate.participants
    assert separate.date.start == D(2025, 6, 10)  # the story's Tuesday, told without a date
    assert separate.date_source == "story"


def test_talks_whose_termination_is_announced_are_cancelled_on_that_day(run):
    events = run(
        "In a late-night post on Thursday, the president declared the termination of every "
        "negotiation with Ottawa.",
        published=D(2025, 10, 24),
    )
    (talks,) = of_type(events, "meeting")
    assert talks.status == "cancelled"
    assert talks.date.start == D(2025, 10, 23)  # the night it was called off, not next Thursday


def test_duties_due_to_start_on_a_day_are_planned_whatever_is_feared_of_them(run):
    events = run(
        "Economists say the 39% levies due to start on Thursday could cost the watch industry "
        "thousands of jobs.",
        published=D(2025, 8, 4),
    )
    (measure,) = of_type(events, "tariff_measure")
    assert (measure.status, measure.date.start) == ("planned", D(2025, 8, 7))


def test_a_suspended_tariff_plan_is_a_pause_dated_by_the_story(run):
    events = run(
        "Washington put a 10% duty on Ecuadorian bananas on April 2. A week later, the White "
        "House ordered a three-month suspension of the whole tariff scheme.",
        published=D(2025, 4, 12),
    )
    (pause,) = [e for e in of_type(events, "tariff_measure") if e.tariff.action == "paused"]
    assert pause.date.start == D(2025, 4, 9)


def test_talks_on_a_tariff_plan_are_no_measure(run):
    events = run("Officials discussed the tariff plan in Quito.", published=D(2025, 4, 12))
    assert of_type(events, "tariff_measure") == []


def test_rates_each_told_with_the_countries_they_hit(run):
    events = run(
        "Washington on Wednesday set duties of 30 per cent on Serbia and Tunisia, 25 per cent on "
        "Moldova and 20 per cent on Peru.",
        published=D(2025, 7, 10),
    )
    rates = {
        e.tariff.target_country: e.tariff.rate_percent for e in of_type(events, "tariff_measure")
    }
    assert rates == {"Serbia": 30.0, "Tunisia": 30.0, "Moldova": 25.0, "Peru": 20.0}


def test_a_deal_planned_to_be_signed_on_a_day_is_dated_there(run):
    events = run(
        "A trade pact between Washington and Hanoi is planned to be signed on October 26.",
        published=D(2025, 9, 25),
    )
    (deal,) = of_type(events, "agreement")
    assert (deal.status, deal.date.start) == ("planned", D(2025, 10, 26))


def test_talks_due_to_resume_next_month_are_planned_for_that_month(run):
    events = run("Talks are due to resume in Geneva next month.", published=D(2025, 9, 10))
    (talks,) = of_type(events, "meeting")
    assert talks.status == "planned"
    assert (talks.date.start, talks.date.end) == (D(2025, 10, 1), D(2025, 10, 31))


def test_a_pact_likely_to_be_signed_next_week_is_speculative_and_dated(run):
    events = run(
        "Officials said the pact is likely to be signed next week.", published=D(2025, 9, 10)
    )
    (deal,) = of_type(events, "agreement")
    assert deal.status == "speculative"
    assert (deal.date.start, deal.date.end) == (D(2025, 9, 15), D(2025, 9, 21))


def test_a_tariff_that_will_rise_or_was_halved_is_raised_or_lowered(run):
    (rise,) = of_type(
        run(
            "Washington's tariff on Peruvian goods will rise to 50% on September 27.",
            published=D(2025, 9, 10),
        ),
        "tariff_measure",
    )
    assert (rise.tariff.action, rise.tariff.rate_percent) == ("raised", 50.0)
    (cut,) = of_type(
        run(
            "Washington halved the tariff on Swiss watches to 15% last week.",
            published=D(2025, 9, 10),
        ),
        "tariff_measure",
    )
    assert (cut.tariff.action, cut.tariff.rate_percent) == ("lowered", 15.0)


def test_talks_planned_for_a_part_of_a_month_look_ahead(run):
    events = run("Talks are planned for mid-October in Kuala Lumpur.", published=D(2025, 9, 12))
    (talks,) = of_type(events, "meeting")
    assert talks.status == "planned"
    assert (talks.date.start, talks.date.end) == (D(2025, 10, 11), D(2025, 10, 20))  # not 2024


def test_the_day_a_reprieve_ran_out_is_a_deadline_met(run):
    events = run(
        "The 90-day pause on Washington's reciprocal tariffs expired on Wednesday.",
        published=D(2025, 7, 10),
    )
    (deadline,) = of_type(events, "deadline")
    assert (deadline.status, deadline.date.start) == ("happened", D(2025, 7, 9))


def test_a_rate_set_by_a_government_is_done_not_planned(run):
    events = run(
        "Washington has set a 19% rate for Philippine goods, down from 20%.",
        published=D(2025, 7, 23),
    )
    (measure,) = of_type(events, "tariff_measure")
    assert measure.status == "happened"
    assert (measure.tariff.action, measure.tariff.rate_percent) == ("lowered", 19.0)


def test_tariffs_that_could_rise_with_no_rate_are_no_measure(run):
    events = run(
        "The truce, agreed in Geneva in May, runs out on August 12, after which duties on "
        "Chinese goods could rise sharply again.",
        published=D(2025, 7, 28),
    )
    assert of_type(events, "tariff_measure") == []  # not a rise dated in May
    (deadline,) = of_type(events, "deadline")
    assert deadline.date.start == D(2025, 8, 12)


def test_a_truce_that_remains_set_to_expire_leaves_its_cut_in_force(run):
    events = run(
        "The 90-day truce cutting US duties on Chinese goods to 30 percent remains set to "
        "expire in mid-August.",
        published=D(2025, 6, 12),
    )
    (cut,) = of_type(events, "tariff_measure")
    assert cut.status == "happened"  # the cut is in force; mid-August is when it ends


# 7. One measure per target, one per step ---------------------------------------------------


def test_levies_announced_on_a_list_of_countries_are_one_measure_each(run):
    events = run(
        "Trump imposed tariffs under the emergency act, invoking it in March to announce "
        "levies on Peru, Chile and Bolivia.",
        published=D(2025, 6, 6),
    )
    measures = of_type(events, "tariff_measure")
    assert sorted(m.tariff.target_country for m in measures) == ["Bolivia", "Chile", "Peru"]
    for measure in measures:
        assert measure.tariff.imposing_country == "United States"
        assert measure.date.start == D(2025, 3, 1)


def test_countries_named_for_their_deals_are_not_split_into_targets(run):
    events = run(
        "Frameworks signed with Peru, Chile and Bolivia on Thursday say Washington will "
        "remove tariffs on coffee and bananas.",
        published=D(2025, 6, 6),
    )
    for measure in of_type(events, "tariff_measure"):
        assert measure.tariff.target_country is None  # the list names the deals' partners


@pytest.mark.parametrize(
    "text",
    [
        "Ottawa imposed a 30% duty on Chilean wine in February before cutting it to 12% in June.",
        "Ottawa raised duties on Chilean wine to 30% in February, then cut them to 12% in June.",
    ],
)
def test_a_rate_cut_later_in_the_same_sentence_is_a_measure_of_its_own(run, text):
    events = run(text, published=D(2025, 10, 20))
    steps = sorted(of_type(events, "tariff_measure"), key=lambda e: e.date.start)
    assert [(s.tariff.rate_percent, s.date.start) for s in steps] == [
        (30.0, D(2025, 2, 1)),
        (12.0, D(2025, 6, 1)),
    ]
    assert steps[1].tariff.action == "lowered"
    assert all(
        (s.tariff.imposing_country, s.tariff.target_country) == ("Canada", "Chile") for s in steps
    )


def test_a_later_step_of_an_undated_measure_lends_it_no_date(run):
    events = run(
        "Washington imposed a 24% tariff on Malaysian goods, before reducing it to 19% in August.",
        published=D(2025, 10, 20),
    )
    assert all(
        e.date is None or e.date.start != D(2025, 8, 1) or e.tariff.rate_percent == 19.0
        for e in of_type(events, "tariff_measure")
    )


def test_a_step_told_only_as_a_span_of_days_is_no_second_measure(run):
    events = run(
        "Ottawa imposed a 30% duty on Chilean wine in February but raised it again within weeks.",
        published=D(2025, 6, 6),
    )
    assert [e.tariff.action for e in of_type(events, "tariff_measure")] == ["imposed"]


# 3. Targets and obligations ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, day",
    [
        ("Washington wants a legally binding tariff deal with Bern in place by March 31.", 31),
        ("Greer said his office would try to complete the tariff inquiries by mid-July.", 11),
    ],
)
def test_a_near_day_set_as_a_target_is_a_deadline(run, text, day):
    events = run(text, published=D(2025, 12, 10))
    (deadline,) = of_type(events, "deadline")
    assert deadline.status == "planned"
    assert deadline.date.start.year == 2026 and deadline.date.start.day == day


@pytest.mark.parametrize(
    "text",
    [
        "Oslo pledged to invest $80 billion in American shipyards by January 2029.",
        "Officials hope the trade agreement can take effect by 2027.",
    ],
)
def test_a_distant_horizon_is_no_deadline(run, text):
    assert of_type(run(text, published=D(2025, 12, 10)), "deadline") == []


def test_a_deal_that_must_be_concluded_by_a_day_has_not_happened(run):
    events = run(
        "Bern must conclude a binding tariff agreement with Washington by March 31.",
        published=D(2025, 12, 10),
    )
    (deal,) = of_type(events, "agreement")
    assert deal.status != "happened"
    assert deal.date.start == D(2026, 3, 31)


def test_a_pause_extended_to_a_day_ends_then_and_was_extended_on_its_own_day(run):
    events = run(
        "Trump signed an order on Monday extending the pause on the duties to August 1.",
        published=D(2025, 7, 8),
    )
    (pause,) = of_type(events, "tariff_measure")
    assert (pause.tariff.action, pause.status, pause.date.start) == (
        "paused",
        "happened",
        D(2025, 7, 7),
    )
    (deadline,) = of_type(events, "deadline")
    assert (deadline.status, deadline.date.start) == ("planned", D(2025, 8, 1))
