"""Event coding on constructions real news uses: one English and one Arabic sentence each.

The sentences are written for these tests; the expected values are what an ACLED coder would
record from reading them, not the program's output.
"""

from __future__ import annotations

import pytest

from geo.extract import extract_result
from geo.text.lexicon import find_actors
from geo.text.numbers import casualties
from geo.text.timeparse import dateline, resolve_date

import datetime as dt

VAC = "Violence against civilians"
SD = "Strategic developments"


def events(text: str, date: str | None = "2019-06-27"):
    return extract_result(text, date=date).events


def one(text: str, date: str | None = "2019-06-27"):
    evs = events(text, date)
    assert evs, f"no event in {text!r}"
    return evs[0]


# --------------------------------------------------------------------------- actors
@pytest.mark.parametrize(
    "text, lang, name",
    [
        ("Clashes broke out between forces loyal to Khalifa Haftar and the Radaa force.", "en", "LNA"),
        ("اندلعت اشتباكات بين قوات موالية للمشير خليفة حفتر وقوة الردع.", "ar", "LNA"),
        ("Forces loyal to Abdulhamid Dbeibah entered the camp.", "en", "GNA forces"),
        ("قصفت قوات تابعة لحكومة الوحدة الوطنية مواقع المسلحين.", "ar", "GNA forces"),
        ("The 444th Brigade deployed to the south of the capital.", "en", "444th Brigade"),
        ("سيطر اللواء 444 على المعسكر.", "ar", "444th Brigade"),
    ],
)
def test_actor_affiliation_and_numbered_brigades(text, lang, name):
    assert find_actors(text, lang)[0].name == name


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Militias from Zliten shelled the airport.", "en", "Zliten militia"),
        ("اشتبك مسلحون من زليتن مع الجيش.", "ar", "مسلحون من زليتن"),
        ("The Nawasi Brigade clashed with gunmen.", "en", "Nawasi Brigade"),
        ("هاجمت كتيبة شهداء أبو سليم مواقع في المدينة.", "ar", "كتيبة شهداء أبو سليم"),
        ("Forces loyal to Osama Juwaili moved on the city.", "en", "Forces loyal to Osama Juwaili"),
    ],
)
def test_actors_the_lexicon_does_not_know_are_named(text, lang, expected):
    names = [a.name for a in find_actors(text, lang)]
    assert expected in names


def test_a_rank_is_not_a_brigade():
    assert all("اللواء" not in a.name for a in find_actors("قال اللواء خليفة حفتر إن قواته تتقدم", "ar"))


@pytest.mark.parametrize(
    "text, lang, kind",
    [
        ("Wagner mercenaries laid mines south of Tripoli.", "en", "external"),
        ("زرع مرتزقة فاغنر ألغاما جنوب طرابلس.", "ar", "external"),
    ],
)
def test_foreign_forces(text, lang, kind):
    assert find_actors(text, lang)[0].kind == kind


def test_event_gets_the_affiliated_actor():
    ev = one("At least 11 fighters were killed in clashes between forces loyal to Khalifa Haftar and GNA forces "
             "in Gharyan on Wednesday.")
    assert ev.actor1 == "LNA" and ev.actor2 == "GNA forces" and ev.fatalities == 11 and ev.event_date == "2019-06-26"


# --------------------------------------------------------------------------- casualties
@pytest.mark.parametrize(
    "text, lang, fat, inj",
    [
        ("At least 11 fighters were killed", "en", 11, None),
        ("قتل 11 مقاتلا على الأقل", "ar", 11, None),
        ("an airstrike on the camp, killing three and wounding 12", "en", 3, 12),
        ("ما أسفر عن مقتل ثلاثة وإصابة 12 آخرين", "ar", 3, 12),
        ("five people dead and seven injured", "en", 5, 7),
        ("سقوط 5 قتلى و7 جرحى", "ar", 5, 7),
        ("Three civilians lost their lives", "en", 3, None),
        ("لقي ثلاثة مدنيين حتفهم في القصف", "ar", 3, None),
        ("bringing the death toll to 14", "en", 14, None),
        ("ارتفعت حصيلة الاشتباكات إلى 14 قتيلا", "ar", 14, None),
        ("between 10 and 15 people were killed", "en", 10, None),
        ("قتل ما بين 10 و15 شخصا", "ar", 10, None),
        ("a strike on Sept. 26, killing 11 militants", "en", 11, None),
    ],
)
def test_casualty_constructions(text, lang, fat, inj):
    c = casualties(text, lang)
    assert (c.fatalities, c.injuries) == (fat, inj)


def test_updated_toll_replaces_the_count_it_updates():
    c = casualties("At least 15 more people died, bringing the death toll to 220", "en")
    assert c.fatalities == 220 and "updated toll" in c.notes


@pytest.mark.parametrize("text, lang", [("Dozens were killed in the fighting", "en"), ("سقوط العشرات من القتلى", "ar")])
def test_dozens_get_a_documented_conservative_value(text, lang):
    c = casualties(text, lang)
    assert c.fatalities == 12 and "vague count" in c.notes


def test_a_later_sentence_about_the_attack_gives_its_toll():
    evs = events("Gunmen detonated a car bomb at a police training centre in Zliten on Thursday. "
                 "The attack killed as many as 65 people.", "2016-01-08")
    assert [(e.event_type, e.fatalities) for e in evs] == [("Explosions/Remote violence", 65)]


# --------------------------------------------------------------------------- event types
@pytest.mark.parametrize(
    "text, et, sub",
    [
        ("Gunmen abducted four foreign workers in Ubari.", VAC, "Abduction/forced disappearance"),
        ("اختطف مسلحون أربعة عمال أجانب في أوباري.", VAC, "Abduction/forced disappearance"),
        ("Militiamen executed 12 prisoners in Tarhuna.", VAC, "Attack"),
        ("أعدم مسلحون 12 سجينا في ترهونة.", VAC, "Attack"),
        ("A mass grave was found in Tarhuna.", VAC, "Attack"),
        ("عثر على مقبرة جماعية في ترهونة.", VAC, "Attack"),
        ("Gunmen carried out an attack on the detention centre in Tajoura.", VAC, "Attack"),
        ("شن مسلحون هجوما على مركز إيواء المهاجرين في تاجوراء.", VAC, "Attack"),
        ("Police arrested five men in Misrata.", SD, "Arrests"),
        ("اعتقلت الشرطة خمسة رجال في مصراتة.", SD, "Arrests"),
        ("The two sides agreed a ceasefire in Zawiya.", SD, "Agreement"),
        ("اتفق الطرفان على وقف إطلاق النار في الزاوية.", SD, "Agreement"),
        ("Guards closed the Sharara oil field.", SD, "Other"),
        ("أغلق حرس المنشآت حقل الشرارة النفطي.", SD, "Other"),
        ("Armed groups sent reinforcements to Sirte.", SD, "Change to group/activity"),
        ("أرسلت المجموعات المسلحة تعزيزات إلى سرت.", SD, "Change to group/activity"),
        ("Residents staged a sit-in in Zawiya.", "Protests", "Peaceful protest"),
        ("نظم السكان اعتصاما في الزاوية.", "Protests", "Peaceful protest"),
        ("Protesters blocked the coastal road in Zuwara.", "Protests", "Peaceful protest"),
        ("قطع محتجون الطريق الساحلي في زوارة.", "Protests", "Peaceful protest"),
        ("Security forces fired tear gas to disperse protesters in Tripoli.", "Protests", "Protest with intervention"),
        ("أطلقت قوات الأمن الغاز المسيل للدموع لتفريق المتظاهرين في طرابلس.", "Protests", "Protest with intervention"),
        ("Security forces opened fire on protesters in Benghazi, killing four.", "Protests",
         "Excessive force against protesters"),
        ("أطلقت قوات الأمن الرصاص الحي على المتظاهرين في بنغازي.", "Protests", "Excessive force against protesters"),
        ("Protesters stormed and torched the municipal building during a demonstration in Zawiya.", "Riots",
         "Violent demonstration"),
        ("أحرق متظاهرون مبنى البلدية خلال مظاهرة في الزاوية.", "Riots", "Violent demonstration"),
    ],
)
def test_event_types(text, et, sub):
    ev = one(text)
    assert (ev.event_type, ev.sub_event_type) == (et, sub)


@pytest.mark.parametrize(
    "text",
    ["Storm Daniel hit Derna and two dams collapsed, killing thousands.",
     "ضربت العاصفة دانيال درنة وانهار السدان ما أدى إلى مقتل الآلاف."],
)
def test_a_flood_is_no_event(text):
    assert events(text, "2023-09-12") == []


# --------------------------------------------------------------------------- dates
THU = dt.date(2019, 4, 11)
FRI = dt.date(2019, 4, 12)


@pytest.mark.parametrize(
    "text, lang, doc, expected",
    [
        ("قتل خمسة أشخاص مساء الخميس،في اشتباكات", "ar", dt.date(2019, 4, 13), THU),
        ("clashes on Thursday, killing five", "en", dt.date(2019, 4, 13), THU),
        ("وقعت الاشتباكات أمس في المدينة", "ar", FRI, THU),
        ("the clashes erupted yesterday", "en", FRI, THU),
        ("قصفت الطائرات فجر اليوم المواقع", "ar", FRI, FRI),
        ("aircraft struck the positions early today", "en", FRI, FRI),
        ("اندلعت الاشتباكات الليلة الماضية", "ar", FRI, THU),
        ("fighting broke out last night", "en", FRI, THU),
        ("clashes erupted late on Thursday", "en", FRI, THU),
        ("اندلعت المعارك في الرابع من أبريل 2019", "ar", None, dt.date(2019, 4, 4)),
        ("protests on 16–17 February 2011", "en", None, dt.date(2011, 2, 16)),
        ("احتجاجات يومي 16 و17 فبراير 2011", "ar", None, dt.date(2011, 2, 16)),
    ],
)
def test_relative_days_and_glued_weekdays(text, lang, doc, expected):
    assert resolve_date(text, doc, lang).date == expected


@pytest.mark.parametrize(
    "text, lang",
    [("Tripoli, 12 April 2019 – Clashes erupted late on Thursday near the airport.", "en"),
     ("طرابلس – 12 أبريل 2019 – اندلعت اشتباكات مساء الخميس قرب المطار.", "ar")],
)
def test_a_dateline_is_the_document_date_not_the_event_date(text, lang):
    assert dateline(text, lang).date == FRI
    ev = one(text, None)
    assert ev.event_date == "2019-04-11" and ev.time_precision == 1


@pytest.mark.parametrize("text", ["اندلعت الاحتجاجات إبان ثورة 17 فبراير في بنغازي", "the 17 February Revolution"])
def test_a_named_revolution_is_no_date(text):
    assert resolve_date(text, None, "ar").date is None


def test_narrative_dates_carry_the_year_and_the_next_day():
    text = ("In May 2016 the offensive began. On 16 May, GNA forces recaptured Abu Grein. "
            "The next day, the GNA took control of al-Wishka.")
    dates = [e.event_date for e in events(text, None)]
    assert dates == ["2016-05-16", "2016-05-17"]


# --------------------------------------------------------------------------- what an event is
@pytest.mark.parametrize(
    "text",
    ["The LNA took control of the town of Tarhuna after fierce fighting.",
     "سيطرت قوات الجيش الوطني الليبي على مدينة ترهونة بعد معارك عنيفة."],
)
def test_a_capture_and_its_fighting_are_one_event(text):
    evs = events(text, "2020-06-05")
    assert [(e.event_type, e.sub_event_type) for e in evs] == [("Battles", "Government regains territory")]


@pytest.mark.parametrize(
    "text",
    ["Gunmen stormed the headquarters of the oil company in Tripoli, killing two employees.",
     "اقتحم مسلحون مقر شركة النفط في طرابلس ما أسفر عن مقتل موظفين اثنين."],
)
def test_storming_a_building_and_killing_its_staff_is_violence_against_civilians(text):
    ev = one(text, "2018-09-10")
    assert (ev.event_type, ev.sub_event_type) == (VAC, "Attack")
    assert ev.actor1 == "Unidentified armed group" and ev.fatalities == 2


@pytest.mark.parametrize(
    "text",
    ["Fighting erupted in Ain Zara south of Tripoli, residents said.",
     "اندلعت اشتباكات في عين زارة جنوب طرابلس، بحسب السكان."],
)
def test_people_who_report_an_event_are_not_its_actors(text):
    ev = one(text, "2019-04-16")
    # residents are no side; with no side named the clash is coded to an unidentified armed group
    assert ev.actor1 == "Unidentified armed group" and ev.actor2 == ""


@pytest.mark.parametrize("text,named", [
    ("Violent clashes erupted in Tripoli on Friday.", "Violent clashes erupted in Tripoli between the GNA and the LNA on Friday."),
    ("اندلعت اشتباكات عنيفة في طرابلس يوم الجمعة.", "اندلعت اشتباكات عنيفة في طرابلس بين قوات حكومة الوفاق وقوات حفتر يوم الجمعة."),
])
def test_a_clash_whose_sides_are_not_named_is_between_unidentified_armed_groups(text, named):
    ev = one(text, "2019-04-20")
    assert (ev.sub_event_type, ev.actor1, ev.actor2) == ("Armed clash", "Unidentified armed group", "")
    ev = one(named, "2019-04-20")
    assert "Unidentified" not in ev.actor1 and ev.actor1 and ev.actor2


def test_each_event_of_a_sentence_takes_the_date_nearest_to_it():
    text = ("The offensive began on 4 April 2019. By 7 April heavy fighting had reached Ain Zara, "
            "and an airstrike hit Mitiga airport on 8 April.")
    got = {(e.event_type, e.event_date) for e in events(text, None)}
    assert ("Battles", "2019-04-07") in got and ("Explosions/Remote violence", "2019-04-08") in got


@pytest.mark.parametrize(
    "text",
    ["On 26 June 2019 GNA forces recaptured Gharyan. Two days later, LNA aircraft bombed the town.",
     "استعادت قوات حكومة الوفاق غريان في 26 يونيو 2019. وبعد يومين، قصفت طائرات الجيش الوطني الليبي المدينة."],
)
def test_days_later_count_from_the_date_named_last(text):
    dates = sorted({e.event_date for e in events(text, None)})
    assert dates == ["2019-06-26", "2019-06-28"]


@pytest.mark.parametrize(
    "text, et, fat",
    [
        ("Unknown gunmen assassinated a prominent activist in Benghazi.", VAC, 1),
        ("اغتال مسلحون مجهولون ناشطا حقوقيا في بنغازي.", VAC, 1),
        ("Gunmen assassinated a militia commander in Benghazi.", "Battles", 1),
        ("اغتال مسلحون آمر كتيبة في بنغازي.", "Battles", 1),
        ("Bodies of 10 people were found in Tarhuna.", VAC, 10),
        ("عثر على جثث 10 أشخاص مجهولي الهوية في ترهونة.", VAC, 10),
        ("A young man was killed by sniper fire in Benghazi's Sabri district.", VAC, 1),
        ("قُتل شاب برصاص قناص في حي الصابري ببنغازي.", VAC, 1),
    ],
)
def test_assassinations_bodies_and_snipers(text, et, fat):
    ev = one(text, "2020-03-06")
    assert (ev.event_type, ev.fatalities) == (et, fat)


@pytest.mark.parametrize(
    "text",
    ["Tension is high in Benghazi.\n\nClashes erupted today in the Zanbaqa district.",
     "قال شهود إن مدينة بنغازي تشهد توترا.\n\nواندلعت اشتباكات عنيفة اليوم في منطقة الزنبقة."],
)
def test_an_unknown_place_puts_its_event_in_the_town_named_before(text):
    ev = one(text, "2019-05-01")
    assert ev.place_id == "gn:88319" and ev.geo_precision == 2 and "not in gazetteer" in ev.notes


def test_passive_agents_suburbs_and_names_holding_trigger_words():
    ev = one("On 6 March 2011 the town of Bin Jawad fell to pro-Gaddafi forces.", None)
    assert ev.sub_event_type.endswith("territory") and ev.actor1 == "Gaddafi loyalist forces"
    ev = one("Heavy clashes broke out in the Tripoli suburb of Tajoura on Thursday.", "2019-04-12")
    assert ev.location == "Tajoura"
    evs = events("In coordination with the Government of National Accord, U.S. forces conducted an airstrike "
                 "near Sirte on 18 January 2017.", None)
    assert [(e.event_type, e.actor1) for e in evs] == [("Explosions/Remote violence", "US forces")]


def test_arabic_agent_right_after_the_trigger():
    evs = events("استعاد الثوار السيطرة على أجدابيا بدعم من غارات حلف الناتو في 26 مارس 2011.", None)
    air = next(e for e in evs if e.event_type == "Explosions/Remote violence")
    assert air.actor1 == "NATO"


def test_protesters_shot_by_security_forces():
    ev = one("قتل ما لا يقل عن 20 متظاهرا برصاص قوات الأمن في بنغازي يوم 17 فبراير 2011.", None)
    assert (ev.event_type, ev.sub_event_type, ev.fatalities) == ("Protests", "Excessive force against protesters", 20)


@pytest.mark.parametrize(
    "text",
    ["Islamic State fighters launched an assault on Ajdabiya on 12 May 2016.",
     "Government forces repelled an attack on the oil terminal at Es Sider on 4 January 2016.",
     "صدت قوات حرس المنشآت النفطية هجوما على ميناء السدرة في 4 يناير 2016."],
)
def test_assaults_and_repelled_attacks_are_battles(text):
    assert one(text, None).event_type == "Battles"


def test_a_campaign_that_begins_is_no_event():
    assert events("In May 2016 the offensive began.", None) == []


# --------------------------------------------------------------------------- news constructions (2)
@pytest.mark.parametrize(
    "text, lang, fat, inj",
    [
        ("Four Americans, including the ambassador, were killed when gunmen stormed the compound.", "en", 4, None),
        ("Three Egyptians were killed and two injured in the blast.", "en", 3, 2),
        ("Twelve workers, including two engineers, were injured in the attack.", "en", None, 12),
        ("قتل 12 شخصا بينهم 3 أطفال في القصف.", "ar", 12, None),
        ("قالت مصادر طبية إن أربعة مدنيين قتلوا في القصف.", "ar", 4, None),
        ("ثلاثة أشخاص أصيبوا بجروح في الانفجار.", "ar", None, 3),
        ("خمسة مسلحين قتلوا جنديين في الهجوم.", "ar", 2, None),  # the five are the killers, two died
        ("An unidentified gunman shot dead a police officer in Benghazi.", "en", 1, None),
        ("Gunmen killed a young man near the market.", "en", 1, None),
    ],
)
def test_counted_nouns_appositions_and_verbs_after_the_count(text, lang, fat, inj):
    c = casualties(text, lang)
    assert (c.fatalities, c.injuries) == (fat, inj)


@pytest.mark.parametrize(
    "text",
    [
        "French jets destroyed tanks outside Benghazi on Saturday.",
        "دمرت طائرات فرنسية دبابات قرب بنغازي يوم السبت.",
    ],
)
def test_aircraft_that_destroy_targets_are_air_strikes(text):
    ev = one(text, "2011-03-20")
    assert (ev.event_type, ev.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert ev.event_date == "2011-03-19"


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of protesters gathered in Tripoli on Saturday to demand the departure of armed groups.",
        "تظاهر مئات المواطنين يوم السبت في طرابلس للمطالبة بخروج التشكيلات المسلحة من العاصمة.",
    ],
)
def test_a_protest_is_one_event_of_protesters_without_themselves_as_opponent(text):
    evs = events(text, "2018-09-01")
    assert [(e.event_type, e.actor1, e.actor2) for e in evs] == [("Protests", "Protesters", "")]


@pytest.mark.parametrize(
    "text, et, fat",
    [
        ("Gunmen killed two Tunisian workers in the town of Sabratha on Monday.", VAC, 2),
        ("قتل مسلحون مجهولون مواطنا في مدينة صبراتة يوم الاثنين.", VAC, 1),  # one citizen (an indefinite accusative)
        ("Gunmen killed two soldiers at a checkpoint in Sabratha on Monday.", "Battles", 2),
        ("The LNA said it killed 20 terrorists in Derna on Monday.", "Battles", 20),
    ],
)
def test_a_killing_by_a_named_agent_is_an_attack_on_its_victims(text, et, fat):
    ev = one(text, "2015-03-20")
    assert (ev.event_type, ev.fatalities) == (et, fat)
    assert ev.actor1


@pytest.mark.parametrize(
    "text",
    [
        "Five people were killed in Sabratha on Monday.",
        "قتل خمسة أشخاص في صبراتة يوم الاثنين.",
    ],
)
def test_a_death_count_with_no_agent_and_no_event_word_is_the_toll_of_the_event_of_its_place_and_day(text):
    # alone, deaths told with their own place and day are an event: violence by an unidentified group
    ev = one(text, "2015-03-20")
    assert (ev.event_type, ev.fatalities, ev.actor1) == ("Violence against civilians", 5, "Unidentified armed group")
    # with no day of their own and no event of that place told before, they are an event too (of the document's
    # day), or the toll of an event of that place told after them, whatever its day
    undated = text.replace(" on Monday", "").replace(" يوم الاثنين", "")
    assert [(e.event_type, e.fatalities, e.event_date) for e in events(undated, "2015-03-20")] == [
        ("Violence against civilians", 5, "2015-03-20")]
    later = (" A car bomb exploded in Sabratha on Monday." if text.isascii() else " وانفجرت سيارة مفخخة في صبراتة يوم الاثنين.")
    assert [(e.event_type, e.fatalities, e.event_date) for e in events(undated + later, "2015-03-20")] == [
        ("Explosions/Remote violence", 5, "2015-03-16")]


@pytest.mark.parametrize(
    "text",
    ["Five people were killed in Sabratha on Monday. A car bomb exploded in Sabratha on Monday.",
     "A car bomb exploded in Sabratha on Monday. Five people were killed in Sabratha on Monday."],
)
def test_deaths_with_an_event_of_their_place_and_day_are_its_toll(text):
    evs = events(text, "2015-03-20")
    assert [(e.event_type, e.fatalities) for e in evs] == [("Explosions/Remote violence", 5)]


@pytest.mark.parametrize(
    "text",
    [
        "A truck bomb exploded at a police training centre in Zliten on Thursday, killing at least 60 people.",
        "انفجرت قنبلة في مركز لتدريب الشرطة في زليتن يوم الخميس، ما أسفر عن مقتل 60 شخصا على الأقل.",
    ],
)
def test_bombs_that_explode_are_remote_explosives(text):
    ev = one(text, "2016-01-08")
    assert (ev.event_type, ev.sub_event_type, ev.fatalities, ev.event_date) == (
        "Explosions/Remote violence", "Remote explosive/landmine/IED", 60, "2016-01-07")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 15 March 2011, loyalist forces shelled Ajdabiya. Later that day, loyalist tanks attacked Brega.",
         ["2011-03-15", "2011-03-15"]),
        ("في 15 مارس 2011 قصفت كتائب القذافي أجدابيا. وفي اليوم نفسه هاجمت الكتائب البريقة.",
         ["2011-03-15", "2011-03-15"]),
        ("On 15 March 2011, loyalist forces shelled Ajdabiya. On the 20th of the same month, rebels attacked Brega.",
         ["2011-03-15", "2011-03-20"]),
        ("في 15 مارس 2011 قصفت كتائب القذافي أجدابيا. وفي 26 من الشهر نفسه هاجم الثوار البريقة.",
         ["2011-03-15", "2011-03-26"]),
    ],
)
def test_same_day_and_same_month_count_from_the_date_named_last(text, expected):
    assert [e.event_date for e in events(text, None)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The war began in April 2019. In mid-May, GNA forces launched a counter-offensive near Gharyan.",
        "بدأت الحرب في أبريل 2019. وفي منتصف مايو شنت قوات الوفاق هجوما مضادا قرب غريان.",
    ],
)
def test_the_middle_of_a_month_is_its_15th_known_to_a_week(text):
    ev = [e for e in events(text, None) if e.place_name_en == "Gharyan"][0]
    assert (ev.event_type, ev.event_date, ev.time_precision) == ("Battles", "2019-05-15", 2)


@pytest.mark.parametrize(
    "text",
    [
        "Forces of the Government of National Accord repelled an attack by Haftar's troops on Thursday in Tripoli.",
        "صدت قوات حكومة الوفاق الوطني هجوما لقوات حفتر في طرابلس يوم الخميس.",
    ],
)
def test_the_forces_of_rival_governments_are_opponents_not_allies(text):
    ev = one(text, "2019-04-12")
    assert {ev.actor1, ev.actor2} == {"LNA", "GNA forces"}


def test_an_air_force_and_the_army_it_supports_stay_allies():
    ev = one("أعلن الجيش الليبي التابع لحكومة الوفاق أن سلاح الجو يقصف مواقع لتنظيم داعش في سرت.", "2016-06-09")
    assert ev.actor2 == "Islamic State"


@pytest.mark.parametrize(
    "text, a1, a2",
    [
        ("Zintani militias and Misratan forces clashed at Tripoli International Airport on Sunday.",
         "Misrata forces", "Zintan forces"),
        ("اشتبكت ميليشيات الزنتان مع قوات مصراتة في مطار طرابلس الدولي الأحد.", "Zintan forces", "Misrata forces"),
        ("اشتبك مسلحون موالون لفتحي باشاغا مع جهاز دعم الاستقرار في طرابلس يوم السبت.",
         "GNS forces", "Stability Support Apparatus (Ghneiwa)"),
    ],
)
def test_two_militias_that_clash_are_each_others_opponents(text, a1, a2):
    ev = one(text, "2014-07-14")
    assert (ev.actor1, ev.actor2) == (a1, a2)


@pytest.mark.parametrize(
    "text, name",
    [
        ("حاصرت كتيبة الأوفياء مطار طرابلس الدولي يوم الاثنين.", "كتيبة الأوفياء"),
        ("قامت كتيبة الفاروق باقتحام المقر.", "كتيبة الفاروق"),
    ],
)
def test_a_unit_name_ends_before_a_place_noun_or_an_event_word(text, name):
    assert [a.name for a in find_actors(text, "ar")] == [name]


def test_a_siege_is_fighting():
    ev = one("The al-Awfea brigade surrounded Tripoli airport on Monday.", "2012-06-05")
    assert (ev.event_type, ev.event_date) == ("Battles", "2012-06-04")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("اندلعت اشتباكات في الزاوية في 9 من الشهر الجاري.", ("2019-04-09", 1)),
        ("اندلعت اشتباكات في الزاوية في التاسع من الشهر الجاري.", ("2019-04-09", 1)),
        ("اندلعت اشتباكات في الزاوية في 29 من الشهر الماضي.", ("2019-03-29", 1)),
        ("Clashes erupted in Zawiya on the 9th of this month.", ("2019-04-09", 1)),
        ("Clashes erupted in Zawiya over the weekend.", ("2019-04-06", 2)),
        ("اندلعت اشتباكات في الزاوية نهاية الأسبوع الماضي.", ("2019-04-06", 2)),
        ("Clashes have continued in Zawiya since Sunday.", ("2019-04-07", 1)),
        ("تتواصل الاشتباكات في الزاوية منذ الأحد.", ("2019-04-07", 1)),
    ],
)
def test_days_of_this_or_last_month_weekends_and_recent_since(text, expected):
    ev = one(text, "2019-04-12")  # a Friday
    assert (ev.event_date, ev.time_precision) == expected


def test_since_a_date_long_ago_is_still_background():
    assert events("Islamic State has controlled Sirte since June 2015.", "2016-06-09") == []


@pytest.mark.parametrize(
    "text",
    [
        "The rival sides signed a permanent ceasefire agreement in Sirte on Friday.",
        "وقع طرفا النزاع اتفاقا لوقف دائم لإطلاق النار في سرت يوم الجمعة.",
    ],
)
def test_the_firing_a_ceasefire_stops_is_no_attack(text):
    assert [(e.event_type, e.sub_event_type) for e in events(text, "2020-10-24")] == [(SD, "Agreement")]


@pytest.mark.parametrize(
    "text, et",
    [
        ("Protesters shut down the Zueitina oil terminal on Sunday.", "Protests"),
        ("أغلق محتجون ميناء الزويتينة النفطي يوم الأحد.", "Protests"),
        ("Angry youths burned tyres and blocked roads in Zawiya on Monday.", "Riots"),
        ("أحرق شبان غاضبون الإطارات وأغلقوا الطرق في الزاوية يوم الاثنين.", "Riots"),
    ],
)
def test_what_protesters_shut_or_burn_is_their_protest_or_riot(text, et):
    assert [e.event_type for e in events(text, "2022-04-18")] == [et]


@pytest.mark.parametrize(
    "text",
    [
        "GNA forces handed over the port to the coast guard in Sirte on Monday.",
        "سلمت قوات البنيان المرصوص الميناء إلى خفر السواحل في سرت يوم الاثنين.",
    ],
)
def test_a_cue_word_serves_every_kind_that_lists_it(text):
    # «الميناء»/"port" is a cue of closures and of handovers alike
    assert one(text, "2016-12-06").sub_event_type == "Non-violent transfer of territory"


def test_a_weak_strike_word_takes_the_kind_of_the_strikes_reported_before_it():
    text = ("Coalition aircraft struck regime air defences near Tripoli on Friday. "
            "Many strikes went after armoured forces outside Ajdabiya, the admiral said.")
    evs = events(text, "2011-03-26")
    assert [(e.place_name_en, e.sub_event_type) for e in evs][-1] == ("Ajdabiya", "Air/drone strike")


def test_a_weak_strike_word_alone_is_no_event():
    assert events("Many strikes went after armoured forces outside Ajdabiya, the admiral said.", "2011-03-26") == []


@pytest.mark.parametrize(
    "text",
    [
        "On 18 May 2017, an attack was launched by militiamen of the town of Misrata against the Brak air base.",
        "On 18 May 2017, fighters of Misrata attacked the Brak air base.",
    ],
)
def test_the_town_militiamen_come_from_is_not_where_they_attack(text):
    assert one(text, None).place_name_en in ("Brak", "Brak al-Shati air base")  # the town or its air base


@pytest.mark.parametrize(
    "text",
    [
        "The UN warned that an attack on Tripoli would lead to a humanitarian catastrophe.",
        "حذرت الأمم المتحدة من أن أي هجوم على طرابلس سيؤدي إلى كارثة إنسانية.",
        "Haftar threatened to storm Misrata if the militias did not withdraw.",
        "هدد حفتر باقتحام مصراتة إذا لم تنسحب الميليشيات.",
        "A court in Tripoli sentenced 45 people to death for killing protesters in 2011.",
        "أصدرت محكمة في طرابلس حكما بإعدام 45 شخصا بتهمة قتل متظاهرين عام 2011.",
    ],
)
def test_threats_warnings_and_verdicts_are_no_events(text):
    assert events(text, "2019-04-12") == []


def test_a_month_named_may_is_no_modal_verb():
    assert [e.event_type for e in events("On 5 May, clashes erupted in Sirte.", "2019-05-10")] == ["Battles"]


@pytest.mark.parametrize(
    "text, first",
    [
        ("Residents fled Ain Zara as clashes intensified on Thursday, while an air strike hit Mitiga airport.",
         ("Battles", "Ain Zara", "")),
        ("فر السكان من عين زارة مع اشتداد الاشتباكات يوم الخميس، فيما استهدفت غارة جوية مطار معيتيقة.",
         ("Battles", "Ain Zara", "")),
    ],
)
def test_each_clause_keeps_its_place_and_residents_are_no_side_of_a_clash(text, first):
    evs = events(text, "2019-04-12")
    assert (evs[0].event_type, evs[0].place_name_en, evs[0].actor2) == first
    assert evs[1].sub_event_type == "Air/drone strike" and "Mitiga" in evs[1].place_name_en


@pytest.mark.parametrize(
    "text, lang, fat, inj",
    [
        ("لقي محمد نبوس مدير قناة صوت ليبيا مصرعه خلال هجوم على بنغازي.", "ar", 1, None),
        ("لقي جنديان حتفهما في الهجوم.", "ar", 2, None),
        ("وذكر الثوار أنهم قتلوا نحو 70 عنصرا من كتائب القذافي.", "ar", 70, None),
        ("We have confirmed that one of our officers was killed.", "en", 1, None),
        ("Two of the guards were wounded in the attack.", "en", None, 2),
    ],
)
def test_singular_deaths_verb_forms_and_one_of(text, lang, fat, inj):
    c = casualties(text, lang)
    assert (c.fatalities, c.injuries) == (fat, inj)


@pytest.mark.parametrize(
    "text",
    [
        "Coalition aircraft struck regime armour near Ajdabiya on Saturday.",
        "قصفت طائرات التحالف مدرعات الكتائب قرب أجدابيا يوم السبت.",
    ],
)
def test_the_2011_coalition_is_an_actor(text):
    assert one(text, "2011-03-27").actor1 == "Coalition forces (2011)"


@pytest.mark.parametrize(
    "text, relation, prec",
    [
        ("اندلعت اشتباكات في جنوب ليبيا يوم الاثنين.", "south_part_of", 3),
        ("اندلعت اشتباكات شرق ليبيا يوم الاثنين.", "east_part_of", 3),
        ("اندلعت اشتباكات في جنوب طرابلس يوم الاثنين.", "south_part_of", 2),
        ("اندلعت اشتباكات جنوب طرابلس يوم الاثنين.", "south_of", 3),
    ],
)
def test_in_the_south_of_a_place_is_inside_it_and_a_country_is_always_inside(text, relation, prec):
    ev = one(text, "2019-04-12")
    assert (ev.relation, ev.geo_precision) == (relation, prec)
    if "ليبيا" in text:  # inside Libya's box, not in Chad or Egypt
        assert 19.5 <= ev.latitude <= 33.2 and 9.3 <= ev.longitude <= 25.2


@pytest.mark.parametrize(
    "text, lang, fat, inj",
    [
        ("The clashes left a death toll of 15.", "en", 15, None),
        ("The toll of 3 days of fighting is not known.", "en", None, None),
        ("Two soldiers and a civilian were killed.", "en", 3, None),
        ("A soldier and a civilian were killed.", "en", 2, None),
        ("راح ضحيتها 12 شخصا.", "ar", 12, None),
        ("أودت الاشتباكات بحياة 7 أشخاص.", "ar", 7, None),
        ("توفي 3 أشخاص متأثرين بجراحهم.", "ar", 3, None),
        ("قتل جنديان ومدني في الهجوم.", "ar", 3, None),
        ("قتل 5 أشخاص بعد 3 أيام من الاشتباكات.", "ar", 5, None),
    ],
)
def test_tolls_lives_joined_victims_and_counts_of_days(text, lang, fat, inj):
    c = casualties(text, lang)
    assert (c.fatalities, c.injuries) == (fat, inj)


def test_an_undated_report_is_the_event_the_text_dates_elsewhere():
    text = ("The Battle of Misrata was a battle of the Libyan Civil War. "
            "The battle began on 18 February 2011, when fighting broke out in Misrata.")
    evs = [e for e in events(text, None) if e.event_type == "Battles"]
    assert [(e.place_name_en, e.event_date) for e in evs] == [("Misratah", "2011-02-18")]


@pytest.mark.parametrize(
    "text, date, actor",
    [
        ("Government forces shelled Misrata on 15 April 2011.", None, "Gaddafi loyalist forces"),
        ("قصف الجيش مصراتة يوم 15 أبريل 2011.", None, "Gaddafi loyalist forces"),
        ("Government forces shelled Misrata on 15 April 2019.", None, "Libyan forces"),
    ],
)
def test_government_forces_in_the_2011_war_were_gaddafis(text, date, actor):
    assert one(text, date).actor1 == actor


@pytest.mark.parametrize(
    "text",
    [
        "ولم تتجدد المعارك في سبها حتى أغسطس.",
        "No clashes were reported in Sabha on Monday.",
    ],
)
def test_what_did_not_happen_is_no_event(text):
    assert events(text, "2019-01-02") == []


def test_still_ongoing_is_not_a_negation():
    assert [e.event_type for e in events("لا تزال الاشتباكات مستمرة في سبها.", "2019-01-02")] == ["Battles"]


def test_the_report_naming_the_agent_tells_who_did_it():
    ev = one("The Second Battle of Benghazi began on 15 October 2014 when the LNA launched an offensive in Benghazi.", None)
    assert (ev.actor1, ev.event_date) == ("LNA", "2014-10-15")


@pytest.mark.parametrize(
    "text, date",
    [
        ("Between June 2014 and July 2014, militants attacked army bases in Benghazi.", "2014-06-01"),
        ("From 8 June to 13 June 2011, rebels fought loyalists in Sabha.", "2011-06-08"),
        ("اندلعت اشتباكات في سبها من 8 يونيو إلى 13 يونيو 2011.", "2011-06-08"),
    ],
)
def test_a_range_of_dates_dates_its_event_by_the_first(text, date):
    assert one(text, None).event_date == date


def test_the_benghazi_shura_council_by_its_wikipedia_name():
    names = [a.name for a in find_actors("Militants of the Shura Council of Benghazi Revolutionaries attacked.", "en")]
    assert names == ["Benghazi Revolutionaries Shura Council"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وقعت اشتباكات في بنغازي بين مئات المتظاهرين وقوات الشرطة يوم الأربعاء.", ("Riots", "Violent demonstration")),
        ("Clashes between protesters and police erupted in Benghazi on Wednesday.", ("Riots", "Violent demonstration")),
        ("Protesters threw stones at police in Benghazi on Wednesday.", ("Riots", "Violent demonstration")),
        ("تراشق المتظاهرون بالحجارة مع عناصر الأمن في بنغازي يوم الأربعاء.", ("Riots", "Violent demonstration")),
        ("The battle began on 24 February 2011, when troops loyal to Gaddafi attacked a mosque in Zawiya where "
         "protesters were holding a sit-in.", ("Protests", "Excessive force against protesters")),
    ],
)
def test_protesters_who_clash_riot_and_troops_who_attack_them_use_force(text, expected):
    evs = events(text, "2011-02-17")
    assert [(e.event_type, e.sub_event_type) for e in evs] == [expected]


def test_a_clash_in_another_clause_stays_a_battle():
    evs = events("Fighting between rebels and loyalists continued in Brega, while protesters rallied in Benghazi.",
                 "2011-03-02")
    assert [(e.event_type, e.place_name_en) for e in evs] == [("Battles", "Al Burayqah"), ("Protests", "Benghazi")]


@pytest.mark.parametrize(
    "text",
    [
        "اقتحم خمسة مسلحين الفندق في طرابلس يوم الثلاثاء.",
        "Gunmen stormed the hotel in Tripoli on Tuesday.",
        "هاجم مسلحون مستشفى الجلاء في بنغازي يوم الثلاثاء.",
    ],
)
def test_storming_a_hotel_or_hospital_is_violence_against_civilians(text):
    assert one(text, "2015-01-28").event_type == VAC


@pytest.mark.parametrize(
    "text, place",
    [
        ("Clashes erupted in the Laithi neighbourhood of Benghazi on Monday.", "Laithi"),
        ("Clashes erupted in the Tripoli suburb of Tajoura on Monday.", "Tājūrā’"),
    ],
)
def test_of_the_two_places_of_a_suburb_phrase_the_finer_is_kept(text, place):
    assert one(text, "2019-04-16").place_name_en == place


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وصلت تعزيزات عسكرية من مدينة مصراتة إلى العاصمة طرابلس لصد هجوم قوات حفتر.",
         [("Strategic developments", "Change to group/activity")]),
        ("Reinforcements arrived in Tripoli to repel an attack by Haftar forces.",
         [("Strategic developments", "Change to group/activity")]),
        ("انطلقت قوات البنيان المرصوص لتحرير سرت يوم الخميس.", []),
        ("تعرض مطار معيتيقة لقصف صاروخي يوم الخميس.", [("Explosions/Remote violence", "Shelling/artillery/missile attack")]),
        ("The shelling destroyed several aircraft at Mitiga airport on Saturday.",
         [("Explosions/Remote violence", "Shelling/artillery/missile attack")]),
        ("اندلعت اشتباكات مسلحة في مدينة الزاوية بين مجموعتين مسلحتين ما أدى إلى إغلاق الطريق الساحلي.",
         [("Battles", "Armed clash"), ("Strategic developments", "Other")]),
    ],
)
def test_aims_effects_and_road_closures_are_not_events_of_their_own_kind(text, expected):
    assert [(e.event_type, e.sub_event_type) for e in events(text, "2019-04-06")] == expected


def test_an_abducted_civilian_shot_afterwards_is_violence_against_civilians():
    evs = events("اختطف مسلحون مجهولون الناشطة الحقوقية حنان البرعصي في بنغازي ثم قتلوها رميا بالرصاص.", "2020-11-12")
    assert {e.event_type for e in evs} == {VAC}


@pytest.mark.parametrize(
    "text, lang, name",
    [
        ("Islamist militias clashed with army units in Benghazi.", "en", "Islamist militias"),
        ("Bashagha's forces entered Tripoli.", "en", "GNS forces"),
        ("اشتبكت قوة حماية طرابلس مع اللواء السابع", "ar", "Tripoli Protection Force"),
        ("اندلعت اشتباكات بين مجموعات إسلامية مسلحة وقوة يقودها حفتر", "ar", "LNA"),
    ],
)
def test_more_actors_of_the_2014_and_2022_wars(text, lang, name):
    assert name in [a.name for a in find_actors(text, lang)]


def test_a_unit_name_stops_before_who_leads_it():
    assert "كتيبة يقودها عبد الغني" not in [a.name for a in find_actors("هاجمت كتيبة يقودها عبد الغني الككلي المقر", "ar")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("في 5 جانفي 2014", dt.date(2014, 1, 5)),
        ("في 12 فيفري 2011", dt.date(2011, 2, 12)),
        ("بتاريخ 2019/04/04", dt.date(2019, 4, 4)),
        ("في 04-04-2019", dt.date(2019, 4, 4)),
    ],
)
def test_maghrebi_months_and_numeric_dates_with_dashes_or_year_first(text, expected):
    assert resolve_date(text, None, "ar").date == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thousands protested in Benghazi on Saturday after the assassination of activist Abdulsalam al-Mismari.",
        "تظاهر المئات في بنغازي احتجاجا على اغتيال الناشط عبد السلام المسماري.",
    ],
)
def test_what_a_protest_answers_is_not_a_second_event(text):
    assert [e.event_type for e in events(text, "2013-07-27")] == ["Protests"]


def test_a_civilian_target_named_as_the_actor_makes_an_attack_violence_against_civilians():
    assert one("Unknown gunmen shot dead a journalist in Benghazi on Monday.", "2014-05-28").event_type == VAC


@pytest.mark.parametrize(
    "later, expected",
    [
        ("Two weeks later, rebels captured Sirte.", ("2011-09-03", 2)),
        ("A few days later, rebels captured Sirte.", ("2011-08-23", 2)),
        ("Ten days later, rebels captured Sirte.", ("2011-08-30", 1)),
        ("The next morning, rebels captured Sirte.", ("2011-08-21", 1)),
        ("وبعد أسبوعين سيطر الثوار على سرت.", ("2011-09-03", 2)),
        ("وبعد عدة أيام سيطر الثوار على سرت.", ("2011-08-23", 2)),
        ("وفي الأسبوع التالي سيطر الثوار على سرت.", ("2011-08-27", 2)),
        ("وبعد عشرة أيام سيطر الثوار على سرت.", ("2011-08-30", 1)),
    ],
)
def test_weeks_and_a_few_days_later_count_from_the_date_named_last(later, expected):
    first = "في 20 أغسطس 2011 هاجم الثوار الزاوية. " if later[0] == "و" else "On 20 August 2011, rebels attacked Zawiya. "
    ev = events(first + later, None)[-1]
    assert (ev.event_date, ev.time_precision) == expected


def test_a_passive_toll_goes_to_the_event_before_it_and_names_victims_not_agents():
    evs = events("On 5 March 2011, rebels attacked Bin Jawad. At least 12 rebels and 5 soldiers were killed.", None)
    assert [(e.event_type, e.fatalities) for e in evs] == [("Battles", 17)]


@pytest.mark.parametrize(
    "text, et",
    [
        ("Two workers were killed by gunmen in Sabratha on Monday.", VAC),
        ("Two soldiers were killed by gunmen in Sabratha on Monday.", "Battles"),
    ],
)
def test_in_the_passive_the_victims_stand_before_the_verb(text, et):
    ev = one(text, "2011-03-01")
    assert (ev.event_type, ev.fatalities, ev.actor1) == (et, 2, "Unidentified armed group")


@pytest.mark.parametrize(
    "text, lang, fat",
    [
        ("At least 12 rebels and 5 soldiers were killed.", "en", 17),
        ("وقتل في الهجوم 12 من الثوار.", "ar", 12),
    ],
)
def test_joined_counts_and_a_phrase_between_verb_and_count(text, lang, fat):
    assert casualties(text, lang).fatalities == fat


@pytest.mark.parametrize(
    "text, a1",
    [
        ("أعلنت حكومة الوفاق الخميس العثور على مقابر جماعية في ترهونة بعد انسحاب قوات حفتر.", "Unidentified armed group"),
        ("Mass graves were discovered in Tarhuna after Haftar forces withdrew, the GNA said on Thursday.",
         "Unidentified armed group"),
        ("Mass graves dug by the Kaniyat militia were found in Tarhuna on Thursday.", "Kaniyat (7th/9th Brigade, Tarhuna)"),
    ],
)
def test_who_finds_a_mass_grave_did_not_dig_it(text, a1):
    ev = one(text, "2020-06-12")
    assert (ev.event_type, ev.actor1, ev.actor2) == (VAC, a1, "Civilians")


# --------------------------------------------------------------------------- session 18: news constructions
@pytest.mark.parametrize(
    "text, lang, name",
    [
        ("اندلعت اشتباكات بين قوات تابعة للحكومة ومجموعات مسلحة من التبو.", "ar", "GNA forces"),
        ("Forces led by retired general Khalifa Haftar attacked the camp.", "en", "LNA"),
        ("Fighters loyal to former leader Muammar Gaddafi shelled the port.", "en", "Gaddafi loyalist forces"),
        ("Forces loyal to the Tobruk-based parliament shelled the port.", "en", "LNA"),
        ("قصفت القوات التابعة لمجلس النواب الميناء.", "ar", "LNA"),
    ],
)
def test_loyal_to_a_government_a_titled_leader_or_a_parliament(text, lang, name):
    assert find_actors(text, lang)[0].name == name


@pytest.mark.parametrize(
    "text",
    [
        "اندلعت اشتباكات بين قوات تابعة للحكومة ومجموعات مسلحة من التبو.",
        "قصفت عناصر تابعة للمجلس العسكري ومسلحون من المدينة الميناء.",
    ],
)
def test_a_second_party_after_wa_is_not_part_of_the_first_ones_name(text):
    names = [a.name for a in find_actors(text, "ar")]
    assert not any("ومجموعات" in n or "ومسلحون" in n or "لـال" in n for n in names), names


@pytest.mark.parametrize(
    "text, date",
    [
        ("A car bomb killed seven people in Benghazi on Friday. The government in Tripoli called the attack "
         "a terrorist act.", "2019-04-06"),
        ("قتل سبعة أشخاص في انفجار سيارة مفخخة في بنغازي الجمعة. ووصفت الحكومة في طرابلس الهجوم بالإرهابي.",
         "2019-04-06"),
    ],
)
def test_a_judgement_on_an_event_already_told_is_no_new_event(text, date):
    evs = events(text, date)
    assert [(e.location in ("Benghazi", "بنغازي")) for e in evs] == [True]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The UN condemned the attack on the migrant centre in Tajoura on Tuesday.", "en"),
        ("أدانت الأمم المتحدة الهجوم على مركز المهاجرين في تاجوراء يوم الثلاثاء.", "ar"),
    ],
)
def test_a_condemnation_that_is_the_only_report_still_reports_the_event(text, lang):
    assert events(text, "2019-07-04"), "the condemned attack is the news when nothing else reports it"


@pytest.mark.parametrize(
    "text, lang, fat",
    [
        ("Dozens of people were killed on Wednesday when a truck bomb exploded in Zliten. The blast killed at least "
         "60 police recruits.", "en", 60),
        ("قتل العشرات الأربعاء في انفجار شاحنة مفخخة في زليتن. وأسفر الانفجار عن مقتل 60 مجندا على الأقل.", "ar", 60),
    ],
)
def test_a_later_higher_toll_of_the_same_event_is_its_update(text, lang, fat):
    evs = events(text, "2016-01-07")
    assert [e.fatalities for e in evs] == [fat]


@pytest.mark.parametrize(
    "text, lang, fat",
    [
        ("The blast, the deadliest since 2011, killed at least 60 recruits.", "en", 60),
        ("وأسفر الانفجار، وهو الأعنف منذ 2011، عن مقتل 60 مجندا.", "ar", 60),
        ("The attack, the worst in 2014, killed five people.", "en", 5),
    ],
)
def test_a_year_after_since_or_in_is_no_count(text, lang, fat):
    assert casualties(text, lang).fatalities == fat


@pytest.mark.parametrize(
    "text",
    [
        "Suspicion fell on Islamic State militants, who have seized Sirte.",
        "Suspicion fell on Islamic State militants, who seized Sirte last year.",
        "ووجهت أصابع الاتهام إلى تنظيم الدولة الذي يسيطر على سرت.",
        "ووجهت أصابع الاتهام إلى تنظيم الدولة الذي سيطر على سرت العام الماضي.",
    ],
)
def test_standing_control_and_last_years_events_are_background(text):
    assert events(text, "2016-01-07") == []


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Clashes continued between jihadists and forces loyal to the parliament based in Tobruk.", "en"),
        ("Clashes continued between jihadists and forces loyal to the Tobruk-based parliament.", "en"),
        ("استمرت الاشتباكات بين الجماعات الجهادية والقوات التابعة لمجلس النواب المتواجد في طبرق.", "ar"),
        ("استمرت الاشتباكات بين الجماعات الجهادية والقوات التابعة لمجلس النواب المنعقد في طبرق.", "ar"),
    ],
)
def test_the_seat_of_an_actor_is_not_where_the_event_happened(text, lang):
    evs = events(text, "2015-07-01")
    assert evs and all(e.place_name_en != "Tobruk" for e in evs), [(e.location, e.place_name_en) for e in evs]


@pytest.mark.parametrize(
    "text, lang, a1, a2",
    [
        ("A suicide truck bomb hit a Libyan coast guard camp in Zliten on Thursday.", "en", "Unidentified armed group",
         "Libyan Navy"),
        ("استهدف هجوم انتحاري بشاحنة مفخخة معسكر خفر السواحل في زليتن يوم الخميس.", "ar", "Unidentified armed group",
         "Libyan Navy"),
        ("LNA warplanes struck the headquarters of the Benghazi Defence Brigades in Jufra on Monday.", "en", "LNA air force",
         "Benghazi Defence Brigades"),
    ],
)
def test_a_force_named_as_a_facilitys_owner_is_the_target(text, lang, a1, a2):
    ev = one(text, "2016-01-08")
    assert (ev.actor1, ev.actor2) == (a1, a2)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("A suicide car bomb exploded at a checkpoint in Benghazi on Monday.", "en"),
        ("فجر انتحاري سيارة مفخخة عند بوابة أمنية في بنغازي يوم الإثنين.", "ar"),
    ],
)
def test_a_suicide_car_bomb_is_one_suicide_bombing(text, lang):
    evs = events(text, "2017-03-08")
    assert [(e.event_type, e.sub_event_type) for e in evs] == [("Explosions/Remote violence", "Suicide bomb")]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Clashes erupted in Derna between jihadists and LNA forces on Monday.", "en"),
        ("اندلعت اشتباكات في درنة بين الجماعات الجهادية وقوات الجيش الوطني يوم الإثنين.", "ar"),
    ],
)
def test_both_sides_of_a_clash_between_named_groups(text, lang):
    ev = one(text, "2015-06-10")
    assert {ev.actor1, ev.actor2} == {"Islamist militias", "LNA"}


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Clashes erupted in Derna on Monday between the Sons of the Valley and LNA forces.", "en"),
        ("اندلعت اشتباكات في درنة يوم الإثنين بين أبناء الوادي وقوات الجيش الوطني.", "ar"),
    ],
)
def test_a_clash_with_one_known_side_names_it_first(text, lang):
    assert one(text, "2015-06-10").actor1 == "LNA"


@pytest.mark.parametrize(
    "text",
    [
        "The group frequently clashed with ISIL in Derna over power and resources.",
        "وكثيرا ما اشتبكت المجموعة مع تنظيم داعش في درنة على النفوذ والموارد.",
    ],
)
def test_a_habit_is_no_dated_event(text):
    assert events(text, None) == []


@pytest.mark.parametrize(
    "text, lang",
    [
        ("On 11 May 2018, the Shura Council was dissolved during the Battle of Derna.", "en"),
        ("وفي 11 مايو 2018 أعلن مجلس الشورى حل نفسه خلال معركة درنة.", "ar"),
    ],
)
def test_a_battle_that_only_frames_the_news_is_no_second_event(text, lang):
    evs = events(text, None)
    assert [e.event_type for e in evs] == [SD]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Five people were killed during clashes in Tripoli on Monday.", "en"),
        ("قتل خمسة أشخاص خلال اشتباكات في طرابلس يوم الإثنين.", "ar"),
    ],
)
def test_a_clash_named_after_during_is_the_event_when_nothing_else_is(text, lang):
    ev = one(text, "2019-04-10")
    assert (ev.event_type, ev.fatalities) == ("Battles", 5)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Gunmen killed a senior Tebu forces commander in Murzuq on Monday.", "en"),
        ("Gunmen killed senior Ansar al-Sharia leader Nasser Akr in Derna on Monday.", "en"),
        ("قتل مسلحون قياديا في كتيبة شهداء أبو سليم في درنة يوم الإثنين.", "ar"),
    ],
)
def test_a_victim_named_as_a_member_of_an_armed_group_makes_a_battle(text, lang):
    assert one(text, "2019-04-10").event_type == "Battles"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("ISIL gunmen attacked the checkpoint.", "en"),
        ("Gunmen from the Islamic State attacked the checkpoint.", "en"),
        ("هاجم مسلحو داعش البوابة.", "ar"),
        ("هاجم مسلحون من داعش البوابة.", "ar"),
    ],
)
def test_a_named_groups_gunmen_are_that_group(text, lang):
    assert [a.name for a in find_actors(text, lang)] == ["Islamic State"]


@pytest.mark.parametrize(
    "text, lang, place",
    [
        ("Gunmen of the Abu Salim Martyrs Brigade attacked a checkpoint in Derna on Monday.", "en", "Derna"),
        ("هاجم مسلحون من كتيبة شهداء أبو سليم بوابة أمنية في درنة يوم الإثنين.", "ar", "درنة"),
    ],
)
def test_a_town_inside_an_actors_name_is_not_the_events_place(text, lang, place):
    assert one(text, "2019-04-10").location == place


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Forces from Misrata recaptured the air base on Tuesday.", "en"),
        ("استعادت قوات من مصراتة القاعدة الجوية يوم الثلاثاء.", "ar"),
    ],
)
def test_forces_from_a_town_the_lexicon_knows_are_its_forces(text, lang):
    assert find_actors(text, lang)[0].name == "Misrata forces"


@pytest.mark.parametrize(
    "text, lang, fat, inj",
    [
        ("قتلت غارة بطائرة مسيرة ثمانية أشخاص في حفل زفاف.", "ar", 8, None),
        ("وأصابت القذيفة ثلاثة أطفال بجروح.", "ar", None, 3),
        ("A drone strike killed eight people at a wedding.", "en", 8, None),
        ("خمسة مسلحين قتلوا جنديا.", "ar", None, None),
    ],
)
def test_verb_subject_then_the_counted_victims(text, lang, fat, inj):
    c = casualties(text, lang)
    assert (c.fatalities, c.injuries) == (fat, inj)


@pytest.mark.parametrize(
    "text, lang, a1",
    [
        ("Unknown gunmen shot dead a prominent activist in Benghazi on Thursday evening.", "en", "Unidentified armed group"),
        ("اغتال مسلحون مجهولون ناشطة حقوقية بارزة في بنغازي مساء الخميس.", "ar", "Unidentified armed group"),
        ("Gunmen kidnapped a lawyer in Tripoli on Thursday.", "en", "Unidentified armed group"),
    ],
)
def test_killing_or_taking_a_civilian_by_role_is_violence_against_civilians(text, lang, a1):
    ev = one(text, "2019-07-04")
    assert (ev.event_type, ev.actor1) == (VAC, a1)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Hundreds of people demonstrated in Tripoli on Friday.", "en"),
        ("Residents took to the streets of Misrata on Friday to protest power cuts.", "en"),
        ("تظاهر المئات في طرابلس يوم الجمعة.", "ar"),
    ],
)
def test_demonstrated_and_took_to_the_streets_are_protests(text, lang):
    ev = one(text, "2019-07-04")
    assert (ev.event_type, ev.sub_event_type) == ("Protests", "Peaceful protest")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Hundreds protested in Tripoli on Friday against the offensive on the capital.", "en"),
        ("تظاهر المئات في ميدان الشهداء بطرابلس يوم الجمعة رفضا للهجوم.", "ar"),
    ],
)
def test_what_a_protest_is_against_is_not_force_used_on_it(text, lang):
    ev = one(text, "2019-07-04")
    assert (ev.event_type, ev.sub_event_type) == ("Protests", "Peaceful protest")


def test_the_national_army_alone_is_the_lna():
    assert find_actors("أعلن الجيش الوطني أن طائراته نفذت أربع غارات على مصراتة.", "ar")[0].name == "LNA"


@pytest.mark.parametrize(
    "text, date",
    [
        ("The offensive began on 2 April 2019. By 5 April the troops had reached the old airport. Heavy fighting "
         "continued in Ain Zara.", "2019-04-05"),
        ("بدأ الهجوم في 2 أبريل 2019. وبحلول 5 أبريل كانت القوات قد وصلت إلى المطار القديم. واستمرت المعارك العنيفة "
         "في عين زارة.", "2019-04-05"),
    ],
)
def test_the_date_a_narrative_named_last_dates_the_next_event_even_from_an_eventless_sentence(text, date):
    evs = [e for e in events(text, None) if e.location in ("Ain Zara", "عين زارة")]
    assert [e.event_date for e in evs] == [date]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("On 26 June 2019 GNA forces recaptured Gharyan, and three days later LNA warplanes bombed the town.", "en"),
        ("وفي 26 يونيو 2019 استعادت قوات الوفاق مدينة غريان، وبعد ثلاثة أيام شنت طائرات الجيش الوطني غارات على المدينة.",
         "ar"),
    ],
)
def test_n_days_later_inside_a_dated_sentence_dates_the_clause_after_it(text, lang):
    evs = events(text, None)
    dates = {e.event_type: e.event_date for e in evs}
    assert dates == {"Battles": "2019-06-26", "Explosions/Remote violence": "2019-06-29"}


@pytest.mark.parametrize(
    "text, date, prec",
    [
        ("On 8 April 2019 a warplane bombed Mitiga airport. In the middle of the month, fighting escalated in Ain Zara.",
         "2019-04-15", 2),
        ("وفي 8 أبريل 2019 قصفت طائرة حربية مطار معيتيقة. وفي منتصف الشهر تصاعدت المعارك في عين زارة.", "2019-04-15", 2),
        ("On 8 April 2019 a warplane bombed Mitiga airport. Later that month, fighting escalated in Ain Zara.",
         "2019-04-01", 3),
        ("وفي 8 أبريل 2019 قصفت طائرة حربية مطار معيتيقة. وفي أواخر الشهر تصاعدت المعارك في عين زارة.", "2019-04-25", 2),
    ],
)
def test_a_part_of_the_month_named_last(text, date, prec):
    ev = [e for e in events(text, None) if e.event_type == "Battles"][0]
    assert (ev.event_date, ev.time_precision) == (date, prec)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("In January 2015 the Corinthia hotel in Tripoli came under attack by gunmen loyal to the Islamic State.", "en"),
        ("في يناير 2015، تعرض فندق كورنثيا في طرابلس إلى هجوم من قبل مهاجمين تابعين لتنظيم الدولة الإسلامية.", "ar"),
    ],
)
def test_a_hotel_that_came_under_attack_by_a_named_group(text, lang):
    ev = one(text, None)
    assert (ev.event_type, ev.actor1) == (VAC, "Islamic State")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("A car bomb exploded outside the hotel in Tripoli on 27 January 2015. The attack was carried out by gunmen "
         "loyal to the Islamic State.", "en"),
        ("انفجرت سيارة مفخخة أمام الفندق في طرابلس في 27 يناير 2015. ونُفذ الهجوم من قبل مهاجمين تابعين لتنظيم الدولة "
         "الإسلامية.", "ar"),
    ],
)
def test_the_attack_named_again_gives_its_agent_to_the_event_not_a_second_event(text, lang):
    evs = events(text, None)
    assert [(e.event_type, e.actor1) for e in evs] == [("Explosions/Remote violence", "Islamic State")]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Witnesses said Haftar's forces, whose commander helped topple Gaddafi in 2011, used warplanes to pound a "
         "base in Benghazi.", "en"),
        ("وقال شهود عيان إن قوات حفتر، وهو من قادة التمرد الذي أطاح في عام 2011 نظام القذافي، استعانت بطائرات حربية "
         "لدك قاعدة في بنغازي.", "ar"),
    ],
)
def test_an_old_year_in_an_aside_does_not_make_the_sentence_history(text, lang):
    ev = one(text, "2014-05-16")
    assert (ev.event_type, ev.event_date) == ("Explosions/Remote violence", "2014-05-16")


@pytest.mark.parametrize(
    "text, lang, et, sub",
    [
        ("Five Egyptian embassy staff are kidnapped in Tripoli.", "en", VAC, "Abduction/forced disappearance"),
        ("اختُطف خمسة موظفين في السفارة المصرية في طرابلس.", "ar", VAC, "Abduction/forced disappearance"),
        ("A car bomb exploded outside a mosque in Benghazi.", "en", "Explosions/Remote violence",
         "Remote explosive/landmine/IED"),
        ("انفجرت سيارة مفخخة أمام مسجد في بنغازي.", "ar", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ],
)
def test_an_unnamed_perpetrator_is_an_unidentified_armed_group(text, lang, et, sub):
    ev = one(text, "2014-01-25")
    assert (ev.event_type, ev.sub_event_type, ev.actor1) == (et, sub, "Unidentified armed group")


def test_an_unnamed_air_strike_keeps_no_armed_group():
    assert one("An air strike hit Mitiga airport on Monday night.", "2019-04-10").actor1 == ""


@pytest.mark.parametrize(
    "text, lang",
    [
        ("At least 12 people are injured in a grenade attack on a school in Benghazi.", "en"),
        ("أصيب 12 شخصا على الأقل في هجوم بقنبلة يدوية على مدرسة في بنغازي.", "ar"),
    ],
)
def test_a_grenade_attack(text, lang):
    ev = one(text, "2014-02-05")
    assert (ev.event_type, ev.sub_event_type) == ("Explosions/Remote violence", "Grenade")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("A suicide car bomber detonates his vehicle at a checkpoint in Benghazi, killing four guards.", "en"),
        ("LNA forces capture Gharyan after heavy fighting.", "en"),
        ("IS militants behead 21 Egyptians near Sirte.", "en"),
    ],
)
def test_timeline_entries_in_the_present_tense(text, lang):
    assert events(text, "2014-06-04")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Police found the bodies of seven men shot dead execution-style on a beach near Benghazi.", "en"),
        ("عثرت الشرطة على جثث سبعة رجال قتلوا رميا بالرصاص على شاطئ قرب بنغازي.", "ar"),
    ],
)
def test_bodies_found_shot_dead_are_one_violence_and_the_finder_is_not_its_agent(text, lang):
    evs = events(text, "2014-02-24")
    assert [(e.event_type, e.actor1) for e in evs] == [(VAC, "Unidentified armed group")]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Two sons of Gaddafi are to appear in court in Tripoli on charges of murder and kidnapping.", "en"),
        ("يمثل نجلا القذافي أمام المحكمة في طرابلس بتهمة القتل والخطف.", "ar"),
    ],
)
def test_charges_in_court_are_no_events(text, lang):
    assert events(text, "2014-04-14") == []


@pytest.mark.parametrize(
    "text, lang, place",
    [
        ("Gunmen attacked a motorcade in Tripoli on Sunday.\nOn Monday, authorities freed 156 victims of trafficking in "
         "Kufra. Six traffickers were arrested.", "en", "Kufra"),
        ("هاجم مسلحون موكبا في طرابلس يوم الأحد.\nوفي يوم الإثنين حررت السلطات 156 من ضحايا الاتجار بالبشر في الكفرة. "
         "واعتقل ستة من المهربين.", "ar", "الكفرة"),
    ],
)
def test_a_place_named_by_an_eventless_sentence_of_the_paragraph_is_inherited(text, lang, place):
    arrests = [e for e in events(text, "2021-02-23") if e.sub_event_type == "Arrests"]
    assert [e.location for e in arrests] == [place]


@pytest.mark.parametrize(
    "text, date, a1",
    [
        ("The Libyan National Army fights with rebels occupying oil ports near Benghazi.", "2014-03-22", "Libyan forces"),
        ("The Libyan National Army shelled Derna on Monday.", "2018-05-09", "LNA"),
        ("قصف الجيش الوطني الليبي مواقع المسلحين في بنغازي.", "2013-11-25", "Libyan forces"),
    ],
)
def test_the_national_army_before_operation_dignity_is_the_states_army(text, date, a1):
    assert one(text, date).actor1 == a1


@pytest.mark.parametrize(
    "text, lang",
    [
        ("We condemn the January 7 bombing at a training centre in Zliten, and the attacks since January 4 on the oil "
         "terminal in Ras Lanuf. Today's attack reportedly killed as many as 65 people.", "en"),
        ("ندين تفجير 7 يناير في مركز تدريب بزليتن، والهجمات منذ 4 يناير على ميناء راس لانوف النفطي. وأسفر هجوم اليوم "
         "عن مقتل 65 شخصا.", "ar"),
    ],
)
def test_the_toll_of_todays_attack_goes_to_the_event_of_that_day(text, lang):
    evs = events(text, "2016-01-07")
    tolls = {e.event_type: e.fatalities for e in evs}
    assert tolls.get("Explosions/Remote violence") == 65 and tolls.get("Battles") is None, tolls


@pytest.mark.parametrize(
    "text, sub",
    [
        ("A bombing at a mosque in Benghazi killed five people on Friday.", "Remote explosive/landmine/IED"),
        ("LNA warplanes carried out a bombing raid on Derna on Monday.", "Air/drone strike"),
    ],
)
def test_a_bombing_is_a_bomb_unless_aircraft_or_guns_are_named(text, sub):
    assert one(text, "2016-01-09").sub_event_type == sub


def test_their_attacks_refer_back_to_attacks_told_before():
    text = ("Gunmen attacked the oil terminal in Ras Lanuf on 4 January 2016. Extremists threaten all Libyans. "
            "With their attacks on oil fields, they threaten the country's resources.")
    assert len(events(text, None)) == 1


@pytest.mark.parametrize(
    "text, lang, places",
    [
        ("GNA jets targeted the Watiya air base, prompting a swift response from LNA jets that bombed Mitiga "
         "International Airport in Tripoli.", "en", {"Watiya air base", "Mitiga International Airport"}),
        ("استهدفت طائرات الوفاق قاعدة الوطية الجوية، فردت طائرات الجيش الوطني بقصف مطار معيتيقة في طرابلس.", "ar",
         {"قاعدة الوطية الجوية", "مطار معيتيقة"}),
    ],
)
def test_a_second_blow_of_the_same_kind_at_another_place_is_a_second_event(text, lang, places):
    evs = [e for e in events(text, "2019-04-08") if e.event_type == "Explosions/Remote violence"]
    assert {e.location for e in evs} == places, [(e.location, e.sub_event_type) for e in evs]


def test_strikes_named_again_at_the_same_place_are_one_event():
    evs = events("LNA warplanes struck Sirte on Monday, killing three people; the strikes also hit the port of Sirte.",
                 "2019-04-08")
    assert len(evs) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The exchange of fire in Misrata demonstrated the intensity of the conflict.",
        "The vote in Tobruk demonstrated that the parliament was divided.",
    ],
)
def test_demonstrating_something_is_no_protest(text):
    assert all(e.event_type != "Protests" for e in events(text, "2019-04-08"))


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Residents rioted in Kufra on Tuesday, burning the municipal building.", "en"),
        ("أضرم محتجون غاضبون النار في مقر البلدية في الكفرة يوم الثلاثاء.", "ar"),
    ],
)
def test_who_riots_is_coded_rioters(text, lang):
    ev = one(text, "2020-06-10")
    assert (ev.event_type, ev.actor1) == ("Riots", "Rioters") and ev.actor2 != "Rioters"


@pytest.mark.parametrize(
    "text, lang, n",
    [
        ("At dawn on Friday, LNA forces withdrew from Tarhuna.", "en", 1),
        ("انسحبت قوات حفتر فجر الجمعة من ترهونة وسلمتها لقوات الوفاق.", "ar", 1),
        ("The delegation withdrew from the talks in Geneva on Friday.", "en", 0),
        ("انسحب وفد حكومة الوفاق من المحادثات في جنيف.", "ar", 0),
    ],
)
def test_a_withdrawal_from_a_named_place_hands_it_over(text, lang, n):
    evs = [e for e in events(text, "2020-06-10") if e.sub_event_type == "Non-violent transfer of territory"]
    assert len(evs) == n


def test_where_forces_withdrew_from_is_not_their_name():
    assert [a.name for a in find_actors("انسحبت القوات من مواقعها في سرت.", "ar")] == []


@pytest.mark.parametrize(
    "head, lang",
    [
        ("April 12, 2019", "en"), ("Friday 12 April 2019", "en"), ("Posted on April 12, 2019 by Staff", "en"),
        ("12.04.2019", "en"), ("4/12/2019", "en"), ("Last updated: Fri 12 Apr 2019 10:32 GMT", "en"),
        ("By John Smith | April 12, 2019", "en"),
        ("الجمعة 12 أبريل 2019", "ar"), ("12/4/2019", "ar"), ("آخر تحديث: 12 - 04 - 2019", "ar"),
    ],
)
def test_a_date_on_a_line_of_its_own_at_the_top_is_the_document_date(head, lang):
    body = ("\nاندلعت اشتباكات في غريان يوم الثلاثاء ما أسفر عن مقتل ثلاثة مقاتلين." if lang == "ar"
            else "\nClashes erupted in Gharyan on Tuesday, killing three fighters.")
    assert one(head + body, None).event_date == "2019-04-09"  # the Tuesday before Friday 12 April


def test_a_dated_title_with_an_event_word_is_not_a_date_line():
    text = "Clashes in Gharyan, 12 April 2019\nFighting went on for a second day on Tuesday."
    assert dateline(text, "en") is None
    from geo.text.timeparse import date_line
    assert date_line(text, "en") is None


@pytest.mark.parametrize(
    "text, date, prec",
    [
        ("Three people were killed in clashes in Sabha three days ago.", "2019-04-07", 1),
        ("قتل ثلاثة أشخاص في اشتباكات بسبها قبل ثلاثة أيام.", "2019-04-07", 1),
        ("Clashes broke out in Sabha a week ago.", "2019-04-03", 2),
        ("اندلعت اشتباكات في سبها قبل أسبوعين.", "2019-03-27", 2),
        ("Clashes broke out in Sabha 10 days ago.", "2019-03-31", 1),
        # «منذ» with a count of days or weeks is "ago" (or "for" a span that began then: the same first day)
        ("اندلعت اشتباكات في سبها منذ ثلاثة أيام.", "2019-04-07", 1),
        ("تتواصل الاشتباكات في سبها منذ 4 أيام.", "2019-04-06", 1),
        ("تتواصل الاشتباكات في سبها منذ أسبوع.", "2019-04-03", 2),
    ],
)
def test_n_days_or_weeks_ago(text, date, prec):
    ev = one(text, "2019-04-10")
    assert (ev.event_date, ev.time_precision) == (date, prec)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The EU condemns the murder of thirty trafficked migrants on 27 May in Mizda.", "en"),
        ("Clashes erupted at the Brak al-Shati air base in southern Libya, and civilians were summarily executed.", "en"),
    ],
)
def test_murders_and_places_located_by_a_region_after_them(text, lang):
    evs = events(text, "2020-05-30")
    assert evs and all(e.event_type in (VAC, "Battles") for e in evs)
    assert all(e.place_name_en in ("Mizdah", "Brak al-Shati air base") for e in evs), [e.location for e in evs]


def test_a_murder_counts_its_victims():
    assert casualties("condemn the murder of thirty trafficked migrants in Mizda", "en").fatalities == 30


@pytest.mark.parametrize(
    "text",
    [
        "The EU Delegation issued the following statement on 30 May in agreement with the Heads of Mission in Tripoli.",
        "أصدر الاتحاد الأوروبي البيان التالي بالاتفاق مع رؤساء البعثات في طرابلس.",
    ],
)
def test_in_agreement_with_is_no_agreement(text):
    assert all(e.event_type != SD for e in events(text, "2020-05-30"))


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The United Kingdom condemns the violence perpetrated by armed groups in Tripoli on Saturday 27 August 2022.", "en"),
        ("تدين المملكة المتحدة أعمال العنف التي ارتكبتها جماعات مسلحة في طرابلس يوم السبت 27 أغسطس 2022.", "ar"),
    ],
)
def test_violence_by_armed_groups_in_a_place_is_fighting(text, lang):
    ev = one(text, "2022-08-28")
    assert (ev.event_type, ev.event_date) == ("Battles", "2022-08-27")


def test_violence_in_general_is_no_event():
    assert events("Violence is not a solution to Libya's challenges.", "2017-05-20") == []


@pytest.mark.parametrize(
    "text, lang, fats",
    [
        ("At least 65 protesters were killed in Benghazi, Bayda, Derna and Ajdabiya on 17 February 2011.", "en",
         [17, 16, 16, 16]),
        ("قتل 65 متظاهرا على الأقل في بنغازي والبيضاء ودرنة وإجدابيا في 17 فبراير 2011.", "ar", [17, 16, 16, 16]),
    ],
)
def test_one_toll_for_several_places_is_divided_between_them(text, lang, fats):
    evs = events(text, None)
    assert sorted((e.fatalities for e in evs), reverse=True) == fats


@pytest.mark.parametrize(
    "text, lang",
    [
        ("At least 65 protesters were killed in Benghazi, Bayda, Derna and Ajdabiya on 17 February 2011. In Benghazi, "
         "security forces fired live rounds on protesters on 17 February 2011, killing at least 20.", "en"),
    ],
)
def test_a_later_toll_replaces_a_share_of_a_divided_one(text, lang):
    evs = [e for e in events(text, None) if e.place_name_en == "Benghazi"]
    assert [e.fatalities for e in evs] == [20]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("لقي محمد نبوس مدير قناة على شبكة الإنترنت مصرعه خلال هجوم للقوات الموالية للعقيد معمر القذافي على بنغازي.", "ar"),
        ("Mohammed Nabbous, a journalist, was killed in an attack by forces loyal to Colonel Muammar "
         "Gaddafi on Benghazi.", "en"),
    ],
)
def test_a_civilian_by_trade_killed_in_an_attack_by_named_forces(text, lang):
    ev = one(text, "2011-03-19")
    assert (ev.event_type, ev.actor1, ev.fatalities) == (VAC, "Gaddafi loyalist forces", 1)


@pytest.mark.parametrize(
    "text",
    [
        "After the war, Misratan militias made efforts to capture those they believed were linked to the old regime.",
        "Congress authorized the use of force against Bani Walid to capture those responsible, setting a deadline.",
    ],
)
def test_a_capture_that_is_only_a_purpose_is_no_event(text):
    assert all(e.sub_event_type not in ("Non-state actor overtakes territory", "Government regains territory")
               for e in events(text, "2012-09-25"))


def test_an_offensive_to_seize_a_place_is_fighting_for_it():
    ev = one("In April 2019, Haftar's forces began a push to seize the capital, Tripoli.", None)
    assert (ev.event_type, ev.place_name_en) == ("Battles", "Tripoli")


@pytest.mark.parametrize(
    "text",
    [
        "In July, fighters in Bani Walid captured and tortured militiaman Omran Shaaban.",
        "Gunmen seized two foreign workers near Ghat on Monday.",
    ],
)
def test_capturing_people_is_an_abduction(text):
    ev = one(text, "2012-07-20")
    assert (ev.event_type, ev.sub_event_type) == (VAC, "Abduction/forced disappearance")


@pytest.mark.parametrize(
    "text, lang, places",
    [
        ("The coalition launched 16 more Tomahawk strikes against targets that included Scud garrisons in Tripoli and "
         "air defense systems around Sabha.", "en", {"Tripoli", "Sabha"}),
        ("شنت طائرات التحالف غارات على مواقع في طرابلس ومنظومات دفاع جوي قرب سبها.", "ar", {"Tripoli", "Sabha"}),
    ],
)
def test_each_target_of_a_strike_named_by_its_place_is_an_event(text, lang, places):
    assert {e.place_name_en for e in events(text, "2011-03-25")} == places


@pytest.mark.parametrize(
    "text, lang",
    [
        ("On 4 January 2020 the LNA attacked Sirte. Ghardabiya Airport, south of the city, was captured.", "en"),
        ("وفي 4 يناير 2020 هاجمت قوات الجيش الوطني سرت. وسيطرت القوات على قاعدة القرضابية، جنوب المدينة.", "ar"),
    ],
)
def test_a_relative_phrase_in_apposition_describes_the_place_before_it(text, lang):
    captured = [e for e in events(text, None) if "territory" in e.sub_event_type]
    assert [e.place_id for e in captured] == ["ly:sirte-ghardabiya-air-base"]


def test_a_carried_over_place_prefers_the_town_the_text_is_about():
    text = ("Clashes erupted in Zawiya on 24 February 2011. Zawiya residents fled. Rebels attacked loyalists in Misrata "
            "and Zawiya.\nGaddafi forces shelled the rebels on 25 February 2011.")
    shelling = [e for e in events(text, None) if e.event_type == "Explosions/Remote violence"]
    assert [e.place_id for e in shelling] == ["gn:2218970"]  # Az Zawiyah, named three times; Misrata once


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Along with the Battle of Misrata, the siege of Zawiya in 2011 was one of the bloodiest of the war.", "en"),
        ("وعلى غرار معركة مصراتة، كان حصار الزاوية عام 2011 من أكثر المعارك دموية في الحرب.", "ar"),
    ],
)
def test_a_battle_named_for_comparison_is_no_event(text, lang):
    assert all(e.place_name_en != "Misratah" for e in events(text, None))


def test_the_town_is_not_the_anchor_a_town_was_said_to_be_close_to():
    text = ("Zawia was the rebel city which was closest to Tripoli, and its control became the main focus of the troops. "
            "The city was besieged and attacked by loyalists on 6 March 2011.")
    evs = events(text, None)
    assert evs and all(e.place_name_en == "Az Zāwīyah" for e in evs), [e.place_name_en for e in evs]


@pytest.mark.parametrize(
    "text, date, a1",
    [
        ("A drone strike by the Government of National Unity hit a warehouse in Zawiya on Sunday.", "2023-08-16", "GNU forces"),
        ("قصفت طائرة مسيرة تابعة لحكومة الوحدة الوطنية مخزنا في الزاوية يوم الأحد.", "2023-08-16", "GNU forces"),
        ("GNA forces shelled Tarhuna on Monday.", "2020-05-20", "GNA forces"),
    ],
)
def test_the_tripoli_government_from_march_2021_is_the_gnu(text, date, a1):
    assert one(text, date).actor1 == a1


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The Internal Security Agency arrested a journalist in Benghazi on Tuesday.", "en"),
        ("اعتقل جهاز الأمن الداخلي صحفيا في بنغازي يوم الثلاثاء.", "ar"),
    ],
)
def test_the_internal_security_agency_arrests(text, lang):
    ev = one(text, "2023-08-16")
    assert (ev.sub_event_type, ev.actor1) == ("Arrests", "Internal Security Agency")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("فرنسا تدين الاعتداء الإرهابي الذي استهدف مقر وزارة الخارجية في طرابلس يوم الثلاثاء والذي تبناه تنظيم داعش.", "ar"),
        ("France condemns the terrorist attack on the Foreign Ministry in Tripoli on Tuesday, claimed by the Islamic State.",
         "en"),
    ],
)
def test_an_attack_on_a_ministry_claimed_by_a_group(text, lang):
    ev = one(text, "2018-12-26")
    assert (ev.event_type, ev.actor1, ev.event_date) == (VAC, "Islamic State", "2018-12-25")


@pytest.mark.parametrize(
    "text",
    [
        "وندعو إلى تمكين المساعدات الإنسانية من الدخول الفوري إلى درنة.",
        "We call on all sides to allow humanitarian aid to enter Derna.",
    ],
)
def test_letting_aid_in_is_no_capture(text):
    assert all("territory" not in e.sub_event_type for e in events(text, "2017-10-31"))


def test_those_suspected_of_executions_are_no_event():
    assert events("ويجب التحقيق مع الأشخاص المشتبه في ارتكابهم لعمليات الإعدام دون محاكمة في درنة.", "2017-10-31") == []


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Six traffickers were arrested in Kufra on Monday.", "en"),
        ("واعتقل ستة من المهربين في الكفرة يوم الإثنين.", "ar"),
    ],
)
def test_an_arrest_by_an_unnamed_force_is_the_polices(text, lang):
    ev = one(text, "2021-02-23")
    assert (ev.sub_event_type, ev.actor1) == ("Arrests", "Libyan police")


@pytest.mark.parametrize(
    "text, lang, names",
    [
        ("The UK condemns the violence perpetrated by armed groups in Tripoli.", "en", ["Unidentified armed group"]),
        ("تدين بريطانيا العنف الذي ارتكبته جماعات مسلحة في طرابلس.", "ar", ["Unidentified armed group"]),
        ("An attack was launched by militiamen of the town of Misrata against the base.", "en", ["Misrata forces"]),
    ],
)
def test_armed_groups_unnamed_and_militiamen_of_a_town(text, lang, names):
    assert [a.name for a in find_actors(text, lang)] == names


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Security forces fired on protesters in Tripoli on Thursday.", "en"),
        ("أطلقت قوات الأمن النار على المتظاهرين في طرابلس يوم الخميس.", "ar"),
    ],
)
def test_the_protesters_are_actor1_of_a_protest_met_with_force(text, lang):
    ev = one(text, "2019-04-12")
    assert (ev.event_type, ev.actor1, ev.actor2) == ("Protests", "Protesters", "Libyan forces")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Border guards reopened the Ras Ajdir crossing on Thursday.", "en"),
        ("أغلقت قوات الأمن معبر رأس اجدير الحدودي يوم الخميس.", "ar"),
        ("Hundreds of LNA troops moved toward Tripoli on Thursday.", "en"),
    ],
)
def test_crossings_and_troop_movements_are_strategic_developments(text, lang):
    ev = one(text, "2019-04-12")
    assert ev.event_type == SD and ev.actor1


@pytest.mark.parametrize(
    "tail, date, prec",
    [
        ("Days later, loyalist forces shelled Ras Lanuf.", "2011-03-08", 2),
        ("A month later, loyalist forces shelled Ras Lanuf.", "2011-04-01", 3),
        ("The following month, loyalist forces shelled Ras Lanuf.", "2011-04-01", 3),
        ("Later that week, loyalist forces shelled Ras Lanuf.", "2011-03-05", 2),
        ("وبعد شهر قصفت قوات القذافي راس لانوف.", "2011-04-01", 3),
        ("وفي الشهر التالي قصفت قوات القذافي راس لانوف.", "2011-04-01", 3),
        ("وفي ليلة 9 إلى 10 مارس قصفت قوات القذافي راس لانوف.", "2011-03-09", 1),
    ],
)
def test_days_later_a_month_later_and_night_ranges(tail, date, prec):
    head = "On 5 March 2011, rebels captured Ras Lanuf. " if tail[0].isascii() else "في 5 مارس 2011 سيطر الثوار على راس لانوف. "
    ev = [e for e in events(head + tail, None) if e.event_type == "Explosions/Remote violence"][0]
    assert (ev.event_date, ev.time_precision) == (date, prec)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The death toll from last week's clashes in the southern suburbs of Tripoli has risen to 115, officials said.", "en"),
        ("ارتفعت حصيلة ضحايا اشتباكات الأسبوع الماضي في الضواحي الجنوبية للعاصمة طرابلس إلى 115.", "ar"),
    ],
)
def test_a_toll_that_rose_after_a_long_phrase(text, lang):
    assert casualties(text, lang).fatalities == 115


@pytest.mark.parametrize(
    "text, lang",
    [
        ("On 15 March 2011 loyalist forces entered Ajdabiya. They seized the road junction leading to Benghazi and Tobruk.",
         "en"),
        ("في 15 مارس 2011 دخلت قوات القذافي إجدابيا. وسيطرت على مفترق الطريق المؤدي إلى بنغازي وطبرق.", "ar"),
    ],
)
def test_where_a_road_leads_is_not_where_the_event_is(text, lang):
    assert {e.place_name_en for e in events(text, None)} == {"Ajdabiya"}


@pytest.mark.parametrize(
    "text, lang, fat",
    [
        ("Up to 10 people were said to have been killed in the protests in Ajdabiya on 16 February 2011.", "en", 10),
        ("Five soldiers were reportedly killed in Sirte on Monday.", "en", 5),
    ],
)
def test_a_reported_count_is_still_a_count(text, lang, fat):
    assert casualties(text, lang).fatalities == fat


@pytest.mark.parametrize(
    "text, lang, sub, a1",
    [
        ("January 3 – Libyan National Army jets bomb an airport in Jufra, killing two people.", "en", "Air/drone strike", "LNA"),
        ("January 18 – US B-2 bombers strike two Islamic State camps southwest of Sirte.", "en", "Air/drone strike", "US forces"),
        ("18 يناير – قاذفات أمريكية تقصف معسكرين لتنظيم الدولة جنوب غرب سرت.", "ar", "Air/drone strike", "US forces"),
    ],
)
def test_bombs_from_aircraft_and_the_owner_of_the_camps_struck(text, lang, sub, a1):
    ev = one(text, None)
    assert (ev.sub_event_type, ev.actor1) == (sub, a1)


def test_gunmen_open_fire_in_the_present_tense():
    ev = one("February 21 – Gunmen open fire on the convoy of the prime minister in Tripoli.", None)
    assert ev.event_type == "Battles" and ev.actor1 == "Unidentified armed group"


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The EU strongly condemns the killing of human rights lawyer Hanan al-Barassi in Benghazi on 10 November.", "en"),
        ("تدين فرنسا اغتيال المحامية حنان البرعصي في بنغازي يوم 10 نوفمبر.", "ar"),
    ],
)
def test_a_condemned_killing_of_a_civilian_by_trade(text, lang):
    ev = one(text, "2020-11-11")
    assert (ev.event_type, ev.event_date, ev.fatalities) == (VAC, "2020-11-10", 1)


def test_an_attack_on_the_electoral_commission_is_on_civilians():
    ev = one("The perpetrators of the attack on the electoral commission in Tripoli on Wednesday must be brought to justice.",
             "2018-05-03")
    assert ev.event_type == VAC


@pytest.mark.parametrize(
    "text, date",
    [
        ("2020 in Libya\nApril 13 – The GNA recaptures Sabratha.", "2020-04-13"),
        ("ليبيا في 2014\n13 أبريل – قوات الجيش تستعيد صبراتة.", "2014-04-13"),
        ("Timeline of the war (2019–2020)\nApril 13 – GNA forces take full control of Sabratha.", "2019-04-13"),
    ],
)
def test_a_year_in_the_title_dates_a_timeline(text, date):
    assert one(text, None).event_date == date


@pytest.mark.parametrize(
    "text, et",
    [
        ("مسلحون يختطفون رئيس بلدية في سبها.", VAC),
        ("مسلحون يهاجمون بوابة أمنية في سبها.", "Battles"),
        ("قوات الوفاق تشتبك مع قوات حفتر جنوب طرابلس.", "Battles"),
    ],
)
def test_arabic_headlines_in_the_present_tense(text, et):
    assert one(text, "2020-06-05").event_type == et


@pytest.mark.parametrize(
    "line, sub, a1",
    [
        ("12 May – Forces loyal to the GNA recapture Abu Grein from the Islamic State.", "Government regains territory",
         "GNA forces"),
        ("9 June – Government of National Accord forces enter Sirte.", "Government regains territory", "GNA forces"),
        ("1 August – US aircraft begin air strikes against Islamic State targets in Sirte.", "Air/drone strike",
         "US forces"),
        ("6 December – The GNA announces the liberation of Sirte from the Islamic State.", "Government regains territory",
         "GNA forces"),
    ],
)
def test_timeline_entries_with_base_verbs_and_nouns(line, sub, a1):
    ev = one("2016 in Libya\n" + line, None)
    assert (ev.sub_event_type, ev.actor1, ev.event_date[:4]) == (sub, a1, "2016")


def test_aid_allowed_to_enter_is_still_no_capture():
    assert events("The GNA allowed aid convoys to enter Sirte on 9 June 2016.", None) == []


@pytest.mark.parametrize(
    "text, date",
    [
        ("The United States strongly condemns the January 7 bombing at a police training centre in Zliten.", "2016-01-08"),
        ("تدين فرنسا والولايات المتحدة الغارات الجوية التي شنت في 30 أكتوبر على مدينة درنة.", "2017-10-31"),
    ],
)
def test_a_country_that_condemns_an_event_is_not_its_agent(text, date):
    assert one(text, date).actor1 != "US forces"


@pytest.mark.parametrize(
    "text, lang, location, relation",
    [("Tripoli, 12 April 2019 – Fighting continued south of Gharyan on Thursday.", "en", "Gharyan", "south_of"),
     ("طرابلس – 12 أبريل 2019 – تواصلت الاشتباكات جنوب غريان يوم الخميس.", "ar", "Gharyan", "south_of")],
)
def test_a_dateline_city_is_no_apposition_of_the_first_sentence(text, lang, location, relation):
    ev = one(text, None)
    assert (ev.place_name_en, ev.relation, ev.event_date) == (location, relation, "2019-04-11")


@pytest.mark.parametrize(
    "text",
    ["TRIPOLI, 12 April 2019 – Clashes erupted overnight between rival militias.",
     "طرابلس – 12 أبريل 2019 – اندلعت اشتباكات عنيفة مساء أمس بين ميليشيات متنافسة."],
)
def test_a_sentence_with_no_place_of_its_own_is_placed_at_the_dateline_city(text):
    assert one(text, None).place_name_en == "Tripoli"


@pytest.mark.parametrize(
    "text, sub",
    [("A shell hit a house in Ain Zara on Tuesday.", "Shelling/artillery/missile attack"),
     ("A tank shell landed near a school in Ain Zara.", "Shelling/artillery/missile attack"),
     ("Royal Dutch Shell said it would resume work in Tripoli.", None)],
)
def test_a_single_shell_is_shelling_and_the_company_is_not(text, sub):
    evs = events(text)
    assert [e.sub_event_type for e in evs][:1] == ([sub] if sub else [])


@pytest.mark.parametrize(
    "text, n",
    [("Haftar forces took Gharyan on Tuesday.", 1), ("GNA forces took back Gharyan on Friday.", 1),
     ("The LNA took Benina Airport as its headquarters.", 0), ("He vowed to advance and take Benina.", 0),
     ("Rebels took the town of Zawiya.", 1), ("The meeting took place in Tripoli.", 0),
     ("Delegates from Misrata took part in talks in Zawiya.", 0),
     ("It took Haftar forces three days to reach Sirte.", 0)],
)
def test_a_bare_take_is_a_capture_only_with_a_place_as_its_object(text, n):
    evs = events(text)
    assert len(evs) == n and all(e.event_type == "Battles" for e in evs)


@pytest.mark.parametrize(
    "text, n",
    [("أطلق حفتر عملية عسكرية للسيطرة على طرابلس.", 1), ("Haftar launched a military operation to seize Tripoli.", 1),
     ("تستعد القوات لتحرير سرت.", 0)],
)
def test_an_offensive_launched_to_take_a_place_is_fighting_for_it(text, n):
    evs = events(text)
    assert [(e.event_type, e.sub_event_type) for e in evs] == [("Battles", "Armed clash")] * n


@pytest.mark.parametrize(
    "text, a1, a2",
    [("استهدفت طائرة مسيرة تجمعا لقوات الوفاق في منطقة الوشكة.", "", "GNA forces"),
     ("LNA drones struck a convoy of GNA forces near Sirte.", "LNA air force", "GNA forces"),
     ("وصلت تعزيزات لقوات الوفاق إلى سرت.", "GNA forces", "")],
)
def test_the_forces_a_blows_target_belongs_to_are_its_target(text, a1, a2):
    ev = one(text)
    assert (ev.actor1, ev.actor2) == (a1, a2)


@pytest.mark.parametrize(
    "text, place_id",
    # GeoNames ids: Brega (Al Burayqah) 2215210, Kufra (Al Jawf) 88962, Tripoli 2210247
    [("هاجم الثوار البريقة.", "gn:2215210"), ("قصفت الطائرات الكفرة.", "gn:88962"),
     ("رفع المتظاهرون الراية البيضاء في طرابلس.", "gn:2210247")],
)
def test_a_definite_town_after_verb_and_subject_is_the_object(text, place_id):
    assert [e.place_id for e in events(text)] == [place_id]


@pytest.mark.parametrize(
    "text, place_ids",
    # GeoNames ids: Brega (Al Burayqah) 2215210; Zawiya has two rows, 2218970 and 2216885 (0.5 km apart)
    [("في 2 مارس 2011 هاجمت قوات القذافي البريقة.", {"gn:2215210"}),
     ("دخلت كتائب القذافي الزاوية يوم 6 مارس 2011.", {"gn:2218970", "gn:2216885"})],
)
def test_a_definite_town_after_a_named_force_is_the_object(text, place_ids):
    got = [e.place_id for e in events(text, None)]
    assert len(got) == 1 and got[0] in place_ids


@pytest.mark.parametrize(
    "text, n",
    [("سقطت مدينة الزاوية في أيدي الثوار يوم 19 أغسطس 2011.", 1), ("سقطت بنغازي بيد قوات حفتر.", 1),
     ("ذكرت وسائل إعلامية أن 13 شخصا سقطوا قتلى في مظاهرات بنغازي.", 0)],
)
def test_fell_into_the_hands_of_is_a_change_of_hands(text, n):
    got = [e for e in events(text, None) if e.event_type == "Battles"]
    assert len(got) == n
    if n:
        assert got[0].actor1 in ("NTC/rebel forces (2011)", "LNA")


def test_a_press_release_strike_its_toll_and_this_airstrike_are_one_event():
    text = ("STUTTGART, Germany, Sept. 26, 2019 — In coordination with the Government of National Accord, U.S. Africa "
            "Command conducted a precision airstrike in the vicinity of Murzuq, Libya, on September 24, 2019.\n"
            "The airstrike killed eleven (11) ISIS-Libya terrorists. At this time, it is assessed no civilians were "
            "injured or killed as a result of this airstrike.")
    evs = events(text, None)
    assert [(e.sub_event_type, e.actor1, e.actor2, e.fatalities, e.event_date) for e in evs] == [
        ("Air/drone strike", "US forces", "", 11, "2019-09-24")]
    assert evs[0].place_name_en.startswith("Murzu")


@pytest.mark.parametrize(
    "text",
    ["In coordination with the GNA, US forces conducted an airstrike on an IS camp near Ubari.",
     "نفذت القوات الأمريكية بالتنسيق مع حكومة الوفاق غارة جوية قرب أوباري."],
)
def test_a_partner_in_coordination_is_neither_agent_nor_target(text):
    ev = one(text)
    assert ev.actor1 == "US forces" and ev.actor2 != "GNA forces"


@pytest.mark.parametrize(
    "text",
    ["At least 32 people were killed in clashes in Tripoli on Saturday between forces loyal to Abdulhamid Dbeibah "
     "and those backing Fathi Bashagha.",
     "قتل 32 شخصا في اشتباكات في طرابلس أمس السبت بين قوات موالية لعبد الحميد الدبيبة وأخرى موالية لفتحي باشاغا."],
)
def test_those_and_others_loyal_to_x_are_the_second_side(text):
    ev = one(text, "2022-08-28")
    assert {ev.actor1, ev.actor2} == {"GNU forces", "GNS forces"} and ev.event_date == "2022-08-27"


@pytest.mark.parametrize(
    "text, actor",
    [("قصفت القوات الحكومية مدينة مصراتة في 20 أبريل 2011.", "Gaddafi loyalist forces"),
     ("Government forces shelled Misrata on 20 April 2011.", "Gaddafi loyalist forces"),
     ("قصفت القوات الحكومية مواقع داعش في سرت في 20 يونيو 2016.", "GNA forces")],
)
def test_government_forces_are_the_government_of_their_date(text, actor):
    assert one(text, None).actor1 == actor


def test_an_undated_event_of_a_narrative_takes_the_actors_of_the_narratives_year():
    text = ("معركة البريقة هي إحدى معارك ثورة 17 فبراير في ليبيا عام 2011.\n"
            "وتمكنت القوات الحكومية من استعادة السيطرة على البريقة.")
    evs = [e for e in events(text, None) if e.sub_event_type == "Government regains territory"]
    assert evs and evs[0].event_date is None and evs[0].actor1 == "Gaddafi loyalist forces"


@pytest.mark.parametrize(
    "text, actor",
    [("A suicide truck bomb exploded at a police training centre in Zliten on 7 January 2016, killing 60 people. "
      "The Islamic State claimed responsibility for the attack.", "Islamic State"),
     ("انفجرت شاحنة مفخخة في معسكر للشرطة في زليتن يوم 7 يناير 2016. وتبنى تنظيم داعش الهجوم.", "Islamic State"),
     ("Gunmen stormed the Corinthia hotel in Tripoli on 27 January 2015. No group has claimed responsibility.",
      "Unidentified armed group")],
)
def test_a_claim_of_responsibility_names_the_agent_of_the_event_told_before(text, actor):
    evs = events(text, None)
    assert len(evs) == 1 and evs[0].actor1 == actor


@pytest.mark.parametrize(
    "text, sub",
    [("خرج المئات في مسيرة سلمية في بنغازي للمطالبة برحيل الحكومة.", "Peaceful protest"),
     ("استهدفت طائرة مسيرة مواقع في الوطية.", "Air/drone strike")],
)
def test_a_peaceful_march_is_a_protest_and_a_drone_a_strike(text, sub):
    assert one(text).sub_event_type == sub


@pytest.mark.parametrize(
    "text, etype",
    [("Skirmishes were reported near Sirte.", "Battles"),
     ("A shootout between two militias left three dead in Zawiya.", "Battles"),
     ("The rebels routed Gaddafi forces at Brega.", "Battles"),
     ("قنص مسلح مدنيا في عين زارة.", VAC)],
)
def test_skirmishes_shootouts_routs_and_sniping(text, etype):
    assert one(text).event_type == etype


@pytest.mark.parametrize(
    "text, sub",
    [("الثوار ينسحبون من ميناء السدرة", "Government regains territory"),  # (a withdrawal in the 2011 war)
     ("الثوار يدخلون طرابلس", "Non-state actor overtakes territory"),
     ("انتقد المجلس التدخل العسكري في بنغازي", None)],
)
def test_headline_verbs_in_the_present_and_no_intervention_as_entry(text, sub):
    evs = events(text, "2011-03-11")
    assert [e.sub_event_type for e in evs][:1] == ([sub] if sub else [])


@pytest.mark.parametrize(
    "text",
    ["NATO struck Gaddafi's compound in Tripoli on 25 April 2011.", "قصف الناتو باب العزيزية في طرابلس يوم 25 أبريل 2011."],
)
def test_nato_strikes_are_air_strikes(text):
    ev = one(text, None)
    assert (ev.sub_event_type, ev.actor1) == ("Air/drone strike", "NATO")


@pytest.mark.parametrize(
    "text, date, a1",
    [("الكتائب تسيطر على البريقة ومعارك عنيفة في أجدابيا", "2011-03-15", "Gaddafi loyalist forces"),
     ("تعرضت مصراتة إلى قصف بالصواريخ وقذائف الهاون من قوات الكتائب صباح اليوم.", "2011-04-30", "Gaddafi loyalist forces"),
     ("تعرضت مدينة درنة لقصف جوي من طائرات مصرية.", "2015-02-16", "Egyptian Air Force")],
)
def test_the_brigades_of_2011_and_the_agent_of_what_a_place_underwent(text, date, a1):
    assert one(text, date).actor1 == a1


@pytest.mark.parametrize(
    "text, etype",
    [("The United Kingdom condemns the terrorist attack on the National Oil Corporation headquarters in Tripoli today.",
      VAC),
     ("تدين المملكة المتحدة بشدة الهجوم الإرهابي على مقر المؤسسة الوطنية للنفط في طرابلس اليوم.", VAC),
     ("IS fighters carried out a terrorist attack on an army checkpoint near Sirte.", "Battles")],
)
def test_a_terrorist_attack_on_no_armed_target_is_violence_against_civilians(text, etype):
    assert one(text, "2018-09-10").event_type == etype


@pytest.mark.parametrize(
    "text, lang",
    [("The EU is concerned about heavy fighting in Murzuq over the last days.", "en"),
     ("يعرب الاتحاد الأوروبي عن قلقه إزاء اشتباكات عنيفة في مرزق خلال الأيام الماضية.", "ar")],
)
def test_the_last_few_days_are_a_week_precise_date(text, lang):
    ev = one(text, "2019-08-10")
    assert (ev.event_date, ev.time_precision) == ("2019-08-08", 2)


def test_the_country_alone_gives_way_to_the_place_the_text_is_about():
    text = ("Fighting broke out in Benghazi on 16 May 2014.\n"
            "On 18 May 2014, a group headed by Khalifa Haftar launched an attack on the Parliament of Libya.")
    evs = [e for e in events(text, None) if e.event_date == "2014-05-18"]
    assert evs and all(e.place_id != "cc:LY" for e in evs)
    # with no other place in the text, Libya stays: the event is not dropped
    alone = events("On 18 May 2014, gunmen launched an attack on the Parliament of Libya.", None)
    assert [e.place_id for e in alone] == ["cc:LY"]


@pytest.mark.parametrize(
    "text, date, sides",
    [  # neither side named: the two sides of the war
        ("معركة بالزاوية ومصراتة", "2011-03-06", {"Gaddafi loyalist forces", "NTC/rebel forces (2011)"}),
        ("Heavy fighting was reported in Zawiya on Sunday.", "2011-03-06",
         {"Gaddafi loyalist forces", "NTC/rebel forces (2011)"}),
        # one side named: the other is its enemy
        ("Rebels fought in Brega on Sunday.", "2011-03-06", {"Gaddafi loyalist forces", "NTC/rebel forces (2011)"}),
        # after the war, or with another named actor, the text's own actors stay (none named: unidentified)
        ("Heavy fighting was reported in Zawiya on Sunday.", "2017-03-05", {"Unidentified armed group", ""}),
        ("Tebu fighters clashed with rebels in Kufra on Sunday.", "2011-03-06", {"Tebu forces", "NTC/rebel forces (2011)"}),
    ],
)
def test_a_battle_of_the_2011_war_is_between_its_two_sides(text, date, sides):
    ev = one(text, date)
    assert ev.event_type == "Battles"
    assert {ev.actor1, ev.actor2} == sides
    if "Gaddafi loyalist forces" in sides:
        assert "2011 war" in ev.notes


def test_a_strike_of_the_2011_war_gets_no_inferred_side():
    ev = one("An air strike hit Brega on Sunday.", "2011-03-06")
    assert ev.event_type == "Explosions/Remote violence" and "2011 war" not in ev.notes


def test_the_force_that_met_a_protest_acts_next_not_the_protesters():
    text = ("On 24 February, troops loyal to Gaddafi attacked a mosque in Zawiya where protesters were holding a sit-in. "
            "The troops opened fire with automatic weapons.")
    fire = [e for e in events(text, "2011-02-25") if e.evidence.startswith("The troops")]
    assert fire and all(e.actor1 == "Gaddafi loyalist forces" for e in fire)
    assert not any(e.actor1 == "Protesters" and e.event_type != "Protests" for e in events(text, "2011-02-25"))


def test_each_place_gets_the_toll_written_before_it():
    text = ("The UN believes that some 1,000 people were killed during intense fighting in Zawiya, and another 170 "
            "killed in fighting in the Nafusa Mountains.")
    tolls = {e.location: e.fatalities for e in events(text, "2014-12-31")}
    assert tolls.get("Nafusa Mountains") == 170 and 1170 not in tolls.values()
    # one toll for several places is still divided between them
    split = {e.location: e.fatalities for e in events("Clashes in Zawiya and Gharyan killed 12 people.", "2014-12-31")}
    assert split == {"Zawiya": 6, "Gharyan": 6}


@pytest.mark.parametrize("text", ["Seven soldiers and two civilians were killed in Benghazi.",
                                  "قتل سبعة جنود ومدنيان في اشتباكات في بنغازي.",
                                  "Seven soldiers and two civilians were killed in clashes in Benghazi."])
def test_the_counts_of_several_groups_before_one_place_are_its_toll(text):
    assert [e.fatalities for e in events(text, "2014-12-31")] == [9]


@pytest.mark.parametrize(
    "text, lang",
    [("تجمع حشد صغير عند ميدان الشجرة في بنغازي يوم 12 سبتمبر لتظاهر اعتراضاً على الهجوم على القنصلية.", "ar"),
     ("A small crowd gathered in Benghazi on 12 September to protest against the attack on the consulate.", "en")],
)
def test_the_attack_a_protest_is_against_is_no_force_used_on_it(text, lang):
    evs = events(text, "2012-09-13")
    assert [(e.event_type, e.sub_event_type) for e in evs] == [("Protests", "Peaceful protest")]


def test_a_later_report_that_names_the_agent_keeps_the_places_of_the_first():
    text = ("Protests erupted in Tripoli, Misrata and Zawiya on 23 August against corruption; "
            "gunmen fired on protesters in Tripoli.")
    assert sorted(e.location for e in events(text, "2020-08-25") if e.event_type == "Protests") == \
        ["Misrata", "Tripoli", "Zawiya"]
    # the same event told again with its agent still takes the agent
    ev = one("The battle began on 15 October when the LNA launched an offensive on Sirte.", None)
    assert ev.actor1 == "LNA"


@pytest.mark.parametrize(
    "text, date, actor",
    [("قوات بقيادة خليفة حفتر هاجمت مطار معيتيقة يوم الخميس.", "2019-05-10", "LNA"),
     ("مجموعة يقودها حفتر هاجمت مطار معيتيقة يوم الخميس.", "2019-05-10", "LNA"),
     ("كتائب العقيد معمر القذافي قصفت مدينة مصراتة يوم الخميس.", "2011-05-10", "Gaddafi loyalist forces"),
     ("A group headed by Khalifa Haftar attacked the parliament in Tripoli on Thursday.", "2019-05-10", "LNA")],
)
def test_a_force_named_after_its_commander_ends_at_the_name_and_its_verb_is_the_event(text, date, actor):
    ev = one(text, date)
    assert ev.actor1 == actor
    assert ev.event_type in ("Battles", "Explosions/Remote violence")


def test_the_verb_after_a_brigade_whose_name_holds_a_trigger_word_is_the_event():
    ev = one("اللواء 444 قتال اشتبك مع جهاز دعم الاستقرار في طرابلس يوم الخميس.", "2019-05-10")
    assert (ev.event_type, ev.actor1) == ("Battles", "444th Brigade")


def test_a_named_agreement_is_an_event_only_when_the_sentence_tells_it_was_made():
    assert events("Leaders must formalize the GNA, as outlined in the Libyan Political Agreement.", "2016-01-10") == []
    ev = one("The two sides signed the Libyan Political Agreement in Skhirat on 17 December 2015.", None)
    assert (ev.sub_event_type, ev.event_date) == ("Agreement", "2015-12-17")


def test_a_day_named_by_a_sentence_with_no_event_dates_what_follows_unless_it_is_when_something_was_said():
    text = ("Parliamentary elections were held on 25 June in most polling stations.\n"
            "Violence in Benghazi, which resulted in seven being killed, caused one polling centre to close.")
    assert [e.event_date for e in events(text, "2014-06-30")] == ["2014-06-25"]
    said = ("On 23 December, the UN mission published a report on Libya.\n"
            "Intense fighting continued in Benghazi between the army and the militias.")
    assert [e.event_date for e in events(said, "2014-12-31")] == ["2014-12-31"]


@pytest.mark.parametrize(
    "text",
    ["U.S. forces conducted a precision strike near Sabratha on Friday.",
     "U.S. Africa Command conducted a strike against ISIS-Libya militants in the vicinity of Murzuq on Thursday."],
)
def test_a_precision_strike_or_one_by_africa_command_is_an_air_strike(text):
    ev = one(text, "2019-09-27")
    assert (ev.sub_event_type, ev.actor1) == ("Air/drone strike", "US forces")
    assert one("Workers in Zawiya went on strike over unpaid salaries on Monday.", "2019-09-27").event_type == "Protests"


def test_according_to_is_no_accord():
    evs = events("Libyan rebels have taken control of the town of Brega, according to reports on Monday.", "2011-04-01")
    assert [e.event_type for e in evs] == ["Battles"]
    assert one("The two sides reached an accord in Zawiya on Monday.", "2011-04-01").sub_event_type == "Agreement"


def test_the_past_week_is_a_week_precise_date():
    ev = one("Clashes between rival militias near Tripoli left at least 47 people dead over the past week.", "2014-07-20")
    assert (ev.event_date, ev.time_precision) == ("2014-07-17", 2)


@pytest.mark.parametrize(
    "text, sides",
    [("شهدت مدينة سبها اشتباكات عنيفة بين مسلحين من قبيلتي أولاد سليمان والتبو.", {"Awlad Suleiman tribe", "Tebu forces"}),
     ("Clashes broke out in Sabha between gunmen from the Awlad Suleiman and Tebu tribes.",
      {"Awlad Suleiman tribe", "Tebu forces"})],
)
def test_gunmen_of_named_tribes_are_the_tribes(text, sides):
    ev = one(text, "2014-01-10")
    assert {ev.actor1, ev.actor2} == sides


@pytest.mark.parametrize(
    "text, place",
    [("After the fall of Zawiya on 20 August 2011, the rebels moved east.", "Zawiya"),
     ("بعد سقوط مدينة الزاوية يوم 20 أغسطس 2011 تقدم الثوار شرقا.", "الزاوية")],
)
def test_the_fall_of_a_place_is_a_change_of_hands(text, place):
    ev = one(text, None)
    assert (ev.event_type, ev.location, ev.event_date) == ("Battles", place, "2011-08-20")
    assert "territory" in ev.sub_event_type


@pytest.mark.parametrize(
    "text",
    ["After the fall of the regime on 20 August 2011, the exiles returned.",
     "بعد سقوط النظام يوم 20 أغسطس 2011 عاد المنفيون.",
     "سقوط صاروخ يوم 20 أغسطس 2011 قرب مطار بنينا دون إصابات."],
)
def test_a_fall_with_no_place_as_its_object_changes_no_hands(text):
    assert not [e for e in events(text, None) if "territory" in e.sub_event_type]


@pytest.mark.parametrize(
    "text",
    ["On 3 September 2011 the council hoped that the capture of Sirte would end the war.",
     "وفي 3 سبتمبر 2011 يأمل الثوار في السيطرة على سرت قبل العيد."],
)
def test_a_hoped_for_capture_is_no_event(text):
    assert not [e for e in events(text, None) if e.event_type == "Battles"]


@pytest.mark.parametrize(
    "text",
    ["Protesters blocked the coastal road in Zawiya with burning tyres on Wednesday.",
     "أغلق محتجون الطريق الساحلي في الزاوية بالإطارات المشتعلة يوم الأربعاء.",
     "قطع محتجون الطريق في الزاوية وقاموا بحرق الإطارات يوم الأربعاء."],
)
def test_burning_tyres_make_a_road_block_a_violent_demonstration(text):
    # ACLED codes road blocks with burning tyres as violent demonstrations, in either language
    ev = one(text, "2021-05-14")
    assert (ev.event_type, ev.sub_event_type, ev.actor1) == ("Riots", "Violent demonstration", "Rioters")
    assert one("قطع محتجون الطريق في الزاوية يوم الأربعاء.", "2021-05-14").event_type == "Protests"


@pytest.mark.parametrize(
    "text",
    ["Police arrested 20 migrants in a raid in Gargaresh on Wednesday.",
     "اعتقلت الشرطة 20 مهاجرا في مداهمة بقرقارش يوم الأربعاء."],
)
def test_arrests_made_in_a_raid_are_one_event(text):
    assert [(e.event_type, e.sub_event_type) for e in events(text, "2021-05-14")] == [(SD, "Arrests")]


@pytest.mark.parametrize(
    "text",
    ["The Presidential Council called for an immediate ceasefire in Tripoli on Saturday.",
     "The UN urged the parties in Tripoli to respect the ceasefire on Saturday.",
     "دعا المجلس الرئاسي إلى وقف فوري لإطلاق النار في طرابلس يوم السبت.",
     "طالبت البعثة الأممية بوقف إطلاق النار في طرابلس يوم السبت."],
)
def test_a_ceasefire_called_for_is_no_agreement(text):
    assert not [e for e in events(text, "2023-08-19") if e.sub_event_type == "Agreement"]


@pytest.mark.parametrize(
    "text",
    ["Urged by the UN, the two sides in Tripoli agreed to a ceasefire on Saturday.",
     "اتفق الطرفان على وقف إطلاق النار في طرابلس يوم السبت."],
)
def test_a_ceasefire_agreed_is_an_agreement(text):
    assert one(text, "2023-08-19").sub_event_type == "Agreement"


def test_the_fighting_pitted_x_against_y_names_both_sides():
    ev = one("The fighting in Ain Zara pitted the Radaa Special Deterrence Force against the 444 Brigade on Saturday.",
             "2023-08-19")
    assert (ev.actor1, ev.actor2) == ("Special Deterrence Force (Radaa)", "444th Brigade")


@pytest.mark.parametrize(
    "text, place",
    [("Clashes erupted in Ubari on Friday. A ceasefire brokered by tribal elders from Zintan was agreed on Saturday.",
      "Ubari"),
     ("اندلعت اشتباكات في أوباري يوم الجمعة. وتم التوصل إلى وقف لإطلاق النار بوساطة أعيان من الزنتان يوم السبت.",
      "أوباري")],
)
def test_where_people_came_from_is_not_where_the_event_is(text, place):
    agreement = [e for e in events(text, "2014-10-20") if e.sub_event_type == "Agreement"]
    assert [e.location for e in agreement] == [place]


def test_expelled_from_a_town_is_in_that_town_and_origin_alone_still_places_a_first_event():
    ev = one("في 15 يونيو 2015 نجح تحالف الجماعات الإسلامية في طرد قوات الدولة الإسلامية من درنة.", None)
    assert ev.location == "درنة"
    assert one("Gunmen from Zawiya kidnapped two workers on Saturday.", "2014-10-20").location == "Zawiya"


def test_usurping_land_is_no_rape():
    assert not events("وفي 2012 كان يتم اغتصاب الأرض في الزنتان من قبيلة وإعطاؤها لأخرى.", None)
    assert one("اغتصب مسلحون امرأة في سبها يوم الجمعة.", "2014-10-20").sub_event_type == "Sexual violence"


@pytest.mark.parametrize(
    "text, place, sub",
    [("On 11 March 2011 rebels withdrew from Ras Lanuf.", "Ras Lanuf", "Government regains territory"),
     ("وفي 11 مارس 2011 انسحب الثوار من رأس لانوف.", "رأس لانوف", "Government regains territory"),
     ("On 12 May 2011 loyalist forces withdrew from Misrata airport.", "Misrata airport",
      "Non-state actor overtakes territory")],
)
def test_a_withdrawal_in_the_2011_war_is_the_other_sides_capture(text, place, sub):
    ev = one(text, None)
    assert (ev.event_type, ev.sub_event_type, ev.location) == ("Battles", sub, place)
    assert ev.actor2 in ("NTC/rebel forces (2011)", "Gaddafi loyalist forces") and ev.actor1 != ev.actor2


def test_a_withdrawal_after_the_2011_war_stays_a_transfer():
    ev = one("On 12 May 2019 LNA forces withdrew from Gharyan.", None)
    assert (ev.event_type, ev.sub_event_type) == (SD, "Non-violent transfer of territory")


@pytest.mark.parametrize(
    "text, place",
    [("Violence between rival militias in Zawiya killed four people on Monday.", "Zawiya"),
     ("أسفرت أعمال عنف بين مجموعات مسلحة في الزاوية عن مقتل أربعة أشخاص يوم الاثنين.", "الزاوية")],
)
def test_violence_between_groups_is_fighting(text, place):
    ev = one(text, "2014-07-20")
    assert (ev.event_type, ev.location, ev.event_date, ev.fatalities) == ("Battles", place, "2014-07-14", 4)


def test_a_list_of_places_whose_names_have_an_article_is_one_list():
    evs = events("On 11 September 2016, the LNA seized the oil terminals of Ras Lanuf, Es Sider and Brega.", None)
    assert {e.place_name_en for e in evs} >= {"Ras Lanuf"} and len({e.place_id for e in evs}) == 3


@pytest.mark.parametrize(
    "text",
    ["The Petroleum Facilities Guard blockaded the oil terminal of Ras Lanuf in July 2013.",
     "أغلق حرس المنشآت النفطية ميناء رأس لانوف النفطي في يوليو 2013."],
)
def test_a_blockaded_oil_terminal_is_a_strategic_development(text):
    ev = one(text, None)
    assert (ev.event_type, ev.event_date, ev.time_precision) == (SD, "2013-07-01", 3)


@pytest.mark.parametrize(
    "text",
    ["On 15 February 2015, ISIL released a video showing the beheading of 21 Egyptian Christians near Sirte.",
     "في 15 فبراير 2015 نشر تنظيم داعش مقطع فيديو يظهر ذبح 21 قبطيا مصريا قرب سرت."],
)
def test_beheadings_are_violence_against_civilians_with_their_dead(text):
    ev = one(text, None)
    assert (ev.event_type, ev.actor1, ev.fatalities) == (VAC, "Islamic State", 21)


@pytest.mark.parametrize(
    "text",
    ["On 26 August 2022, fighting broke out in Tripoli between forces loyal to Dbeibah and Bashagha, killing 32 people.",
     "في 26 أغسطس 2022 اندلعت اشتباكات في طرابلس بين قوات موالية للدبيبة وأخرى موالية لباشاغا أسفرت عن مقتل 32 شخصا."],
)
def test_forces_loyal_to_two_leaders_are_two_parties(text):
    ev = one(text, None)
    assert (ev.actor1, ev.actor2, ev.fatalities) == ("GNU forces", "GNS forces", 32)


@pytest.mark.parametrize(
    "text",
    ["The GNA accused the LNA of shelling residential areas in Abu Salim on Tuesday.",
     "اتهمت حكومة الوفاق قوات حفتر بقصف أحياء سكنية في أبو سليم يوم الثلاثاء."],
)
def test_who_accuses_is_no_party_to_the_event(text):
    ev = one(text, "2020-05-20")
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.event_date) == (
        "Shelling/artillery/missile attack", "LNA", "", "2020-05-19")


def test_the_army_after_the_libyan_national_army_is_named_is_that_army():
    text = ("في 16 يناير 2019 أطلق الجيش الوطني الليبي هجوما في جنوب ليبيا. "
            "وفي 6 فبراير سيطر الجيش على حقل الشرارة النفطي.")
    assert [e.actor1 for e in events(text, None)][-1] == "LNA"
    # a text that never names it keeps the generic force
    assert one("وفي 6 فبراير 2019 سيطر الجيش على حقل الشرارة النفطي.", None).actor1 == "Libyan forces"


def test_the_army_is_the_rival_army_named_last():
    text = ("أعلنت قوات حكومة الوفاق الوطني الخميس أنها دخلت مدينة سرت. "
            "وقال متحدث عسكري إن قوات الجيش دخلت وسط المدينة يوم الخميس.")
    assert [e.actor1 for e in events(text, "2016-06-10")][-1] == "GNA forces"


@pytest.mark.parametrize(
    "text, name",
    [("Turkish-backed forces captured the base.", "GNA forces"),
     ("Dawn of Libya forces attacked the airport.", "Libya Dawn")],
)
def test_other_names_of_the_gna_and_libya_dawn(text, name):
    assert find_actors(text, "en")[0].name == name


@pytest.mark.parametrize(
    "text, etype",
    [("A patrol came under fire near Sabha on Tuesday.", "Battles"),
     ("GNA forces regained positions in Ain Zara on Tuesday.", "Battles"),
     ("قوات الوفاق تقدمت نحو ترهونة يوم الثلاثاء.", SD)],
)
def test_coming_under_fire_regaining_positions_and_advancing(text, etype):
    assert one(text, "2019-04-10").event_type == etype


@pytest.mark.parametrize(
    "text", ["He regained consciousness in a Tripoli hospital on Tuesday.", "GNA forces took positions in Ain Zara on Tuesday."])
def test_regaining_consciousness_or_taking_positions_takes_no_place(text):
    assert not [e for e in events(text, "2019-04-10") if "territory" in e.sub_event_type]


@pytest.mark.parametrize(
    "text, etype, sub",
    [("On 5 October 2013 U.S. Army Delta Force operators captured Anas al-Liby in Tripoli.", SD, "Arrests"),
     ("On 5 October 2013 gunmen captured Abdullah Senussi in Tripoli.", VAC, "Abduction/forced disappearance"),
     ("On 5 October 2013 rebels captured Bin Jawad.", "Battles", "Non-state actor overtakes territory")],
)
def test_a_captured_person_is_arrested_by_a_state_force_and_abducted_by_others(text, etype, sub):
    ev = one(text, None)
    assert (ev.event_type, ev.sub_event_type) == (etype, sub)


@pytest.mark.parametrize(
    "text",
    ["On 8 March 2014 the tanker was seized by rebel gunmen off the port of Sidra.",
     "On 8 March 2014 gunmen seized three trucks near Sabha."],
)
def test_goods_and_vessels_seized_are_looting_not_territory(text):
    ev = one(text, None)
    assert (ev.event_type, ev.sub_event_type) == (SD, "Looting/property destruction")


def test_a_ship_entering_a_port_takes_no_place_and_an_oil_terminal_is_territory():
    assert not events("On 8 March 2014 the vessel then entered the port of Sidra.", None)
    assert one("On 8 March 2014 rebels seized the oil terminal of Sidra.", None).event_type == "Battles"


@pytest.mark.parametrize(
    "text, place",
    [("On 17 February 2011 fighting broke out in Bayda and the city was liberated, and then the rebels headed to Shahhat.",
      "Bayda"),
     ("On 10 March 2011 Zawiya was retaken by loyalist forces, which then moved on to Surman.", "Zawiya")],
)
def test_a_passive_capture_takes_its_subject_not_the_place_after_it(text, place):
    evs = [e for e in events(text, None) if "territory" in e.sub_event_type]
    assert [e.location for e in evs][:1] == [place]


def test_a_date_in_a_pluperfect_relative_clause_is_not_the_events_date():
    text = ("On 11 June 2011 rebels launched an attack on Zawiya. The attack was quickly crushed by the loyalist forces, "
            "who had taken the city after a major battle that lasted from February to March 2011.")
    assert {e.event_date for e in events(text, None)} == {"2011-06-11"}


def test_a_heading_that_names_a_month_dates_what_follows_to_the_month():
    text = ("The tanker was seized by US forces on March 16, 2014.\nMarch 2014 event\n"
            "Apparently the tanker had been ordered to the port of Sidra where it was seized by rebel gunmen.")
    ev = events(text, None)[-1]
    assert (ev.event_date, ev.time_precision) == ("2014-03-01", 3)


def test_rebels_after_the_2011_war_are_not_its_rebels():
    ev = one("On 8 March 2014 rebels attacked a checkpoint near Sidra.", None)
    assert ev.actor1 == "Unidentified armed group"
    assert one("On 8 March 2011 rebels attacked a checkpoint near Sidra.", None).actor1 == "NTC/rebel forces (2011)"


@pytest.mark.parametrize(
    "text, actor",
    [("وفي 30 أبريل 2011 دخلت قوة من الكتائب الأمنية واحة جالو.", "Gaddafi loyalist forces"),
     ("وفي 3 مايو 2019 هاجمت مجموعة من مسلحي داعش بوابة في سبها.", "Islamic State")],
)
def test_a_unit_of_a_force_after_the_verb_is_that_force_acting(text, actor):
    assert one(text, None).actor1 == actor


@pytest.mark.parametrize("text", [
    "2021 Terrorist Incidents:  Significant incidents in Libya in 2021 included the following:\n\n"
    "In June, a car bomb exploded at a checkpoint in Sabha, killing two policemen.",
    "أحداث 2021\n\nفي يونيو، انفجرت سيارة مفخخة عند نقطة تفتيش في سبها ما أسفر عن مقتل شرطيين.",
])
def test_an_annual_report_published_later_dates_its_events_by_its_heading_year(text: str) -> None:
    evs = extract_result(text, date="2023-02-27").events
    assert [(e.event_type, e.place_name_en, e.event_date, e.time_precision, e.fatalities) for e in evs] == [
        ("Explosions/Remote violence", "Sabha", "2021-06-01", 3, 2)]
    # the same lines without their heading tell of a June long before the publication: background, no event
    assert extract_result(text.split("\n\n", 1)[1], date="2023-02-27").events == []


def _coded(text: str, date: str | None = None) -> list[tuple]:
    return [(e.event_type, e.sub_event_type, e.place_name_en, e.event_date) for e in extract_result(text, date=date).events]


@pytest.mark.parametrize("text", [
    "In May 2020, ISIS claimed responsibility for a VBIED attack against a security checkpoint in Taraghin, "
    "marking the first attack by ISIS in more than a year.",
    "في مايو 2020 فجر تنظيم داعش سيارة مفخخة عند نقطة تفتيش في تراغن، ليكون أول هجوم للتنظيم منذ عام.",
])
def test_a_car_bomb_marking_the_first_attack_is_one_explosion(text: str) -> None:
    # the attack it "marks" is the same event: no armed clash beside the explosion
    assert _coded(text) == [("Explosions/Remote violence", "Remote explosive/landmine/IED", "Tarāghin", "2020-05-01")]


@pytest.mark.parametrize("text", [
    "In May 2020, a drone attack hit a checkpoint in Taraghin.",
    "في مايو 2020 استهدف هجوم بطائرة مسيرة نقطة تفتيش في تراغن.",
])
def test_a_drone_attack_is_an_air_strike(text: str) -> None:
    assert _coded(text) == [("Explosions/Remote violence", "Air/drone strike", "Tarāghin", "2020-05-01")]


@pytest.mark.parametrize("text,date", [
    ("By early March 2019, around 300 Wagner fighters were in Benghazi supporting Haftar. At this time, the LNA "
     "was capturing a number of towns, including the city of Sabha.", "2019-03-01"),
    ("كان نحو 300 من مقاتلي فاغنر في بنغازي في أوائل مارس 2019. وفي ذلك الوقت سيطرت قوات الجيش على مدينة سبها.",
     "2019-03-01"),
])
def test_a_time_anaphor_dates_the_event_by_the_sentence_before(text: str, date: str) -> None:
    # the sentence before tells no event, yet it says when "this time" is
    sabha = [e for e in extract_result(text).events if e.place_name_en == "Sabha"]
    assert [(e.event_type, e.event_date) for e in sabha] == [("Battles", date)]
    # without the anaphor, nothing dates the capture
    plain = text.replace("At this time, the", "The").replace("وفي ذلك الوقت ", "و")
    assert [e.event_date for e in extract_result(plain).events if e.place_name_en == "Sabha"] == [None]


@pytest.mark.parametrize("habitual,reported", [
    ("يعبر المسافرون إلى القطرون عندما يتم إغلاق منفذ تومو الحدودي.", "أغلقت السلطات منفذ تومو الحدودي يوم 3 مايو 2019."),
    ("Travellers cross at Qatrun whenever the Tumu crossing is closed.", "Authorities closed the Tumu border crossing on 3 May 2019."),
])
def test_what_happens_whenever_a_crossing_is_closed_is_no_event(habitual: str, reported: str) -> None:
    assert extract_result(habitual).events == []
    assert [(e.event_type, e.place_name_en, e.event_date) for e in extract_result(reported).events] == [
        ("Strategic developments", "Tumu border crossing (Libya–Niger)", "2019-05-03")]


@pytest.mark.parametrize("moved,fired", [
    ("Russian Kalibr missiles and S-300 systems were also thought to be set up in Tobruk in October 2018.",
     "Missiles hit Tobruk airport on 3 October 2018."),
    ("صواريخ روسية نشرت في طبرق في أكتوبر 2018.", "سقطت صواريخ على مطار طبرق يوم 3 أكتوبر 2018."),
])
def test_weapons_set_up_or_moved_are_no_attack_with_them(moved: str, fired: str) -> None:
    assert not any(e.event_type == "Explosions/Remote violence" for e in extract_result(moved).events)
    assert [(e.event_type, e.place_name_en) for e in extract_result(fired).events] == [
        ("Explosions/Remote violence", "Tobruk International Airport (Gamal Abdel Nasser Air Base)")]


@pytest.mark.parametrize("text", [
    "Warplanes loyal to the Government of National Accord attacked positions near Tarhuna on Monday.",
    "Air forces aligned with Khalifa Haftar attacked militia positions in Gharyan on Monday.",
    "هاجمت طائرات حربية تابعة لقوات حفتر مواقع في غريان يوم الاثنين.",
    "طائرات تابعة لقوات الوفاق هاجمت مواقع في ترهونة يوم الاثنين.",
])
def test_aircraft_that_attack_strike_from_the_air(text: str) -> None:
    # the aircraft is the agent of the attack: an air strike, no clash on the ground beside it
    assert [(e.event_type, e.sub_event_type, e.event_date) for e in extract_result(text, date="2019-06-05").events] \
        == [("Explosions/Remote violence", "Air/drone strike", "2019-06-03")]


@pytest.mark.parametrize("text", [
    "Gunmen attacked a checkpoint in Zawiya on Monday, hours after planes had flown over the town.",
    "هاجم مسلحون بوابة أمنية في الزاوية يوم الاثنين بينما حلقت طائرات فوق المدينة.",
])
def test_aircraft_named_apart_from_the_attack_leave_it_on_the_ground(text: str) -> None:
    assert [(e.event_type, e.sub_event_type) for e in extract_result(text, date="2019-06-05").events] \
        == [("Battles", "Armed clash")]


@pytest.mark.parametrize("text", [
    "In June 2018 LNA forces fought in Derna. On 28 June 2018 LNA forces fought the Derna Protection Force "
    "in Derna.",
    "في يونيو 2018 اشتبكت قوات الجيش مع قوة حماية درنة في درنة. وفي 28 يونيو 2018 اشتبكت قوات الجيش مع قوة حماية درنة"
    " في درنة.",
])
def test_a_report_known_to_the_month_is_the_dated_event_of_that_month(text: str) -> None:
    # one battle, coded by its day; the month-only report adds no second event
    evs = [e for e in extract_result(text).events if e.event_type == "Battles"]
    assert [(e.event_date, e.time_precision) for e in evs] == [("2018-06-28", 1)]
    # another month is another event
    other = text.replace("In June 2018", "In May 2018").replace("في يونيو 2018", "في مايو 2018")
    assert sorted(e.event_date for e in extract_result(other).events if e.event_type == "Battles") \
        == ["2018-05-01", "2018-06-28"]


@pytest.mark.parametrize("text", [
    "In April 2019 planes loyal to the GNA bombed Tripoli. On 8 April 2019 LNA jets bombed Tripoli.",
    "في أبريل 2019 قصفت طائرات تابعة لحكومة الوفاق طرابلس. وفي 8 أبريل 2019 قصفت طائرات الجيش الوطني الليبي طرابلس.",
])
def test_a_month_report_naming_another_agent_stays_its_own_event(text: str) -> None:
    evs = [(e.event_date, e.actor1) for e in extract_result(text).events]
    assert len(evs) == 2 and evs[0][0] == "2019-04-01" and evs[1][0] == "2019-04-08" and evs[0][1] != evs[1][1]


@pytest.mark.parametrize("text", [
    "Protesters shut down the Sharara oil field on Monday, a day after a local man was killed.",
    "Hundreds protested in Tripoli on Monday over the killing of a journalist.",
    "أغلق محتجون حقل الشرارة النفطي يوم الاثنين غداة مقتل أحد أبناء المنطقة.",
    "تظاهر المئات في طرابلس يوم الاثنين احتجاجا على اغتيال صحفي.",
])
def test_the_death_a_protest_is_about_is_not_its_toll(text: str) -> None:
    (ev,) = [e for e in extract_result(text, date="2019-06-05").events if e.event_type == "Protests"]
    assert (ev.sub_event_type, ev.fatalities, ev.actor1, ev.actor2, ev.event_date) \
        == ("Peaceful protest", None, "Protesters", "", "2019-06-03")


@pytest.mark.parametrize("text", [
    "Security forces killed two protesters during a protest in Tripoli on Monday.",
    "قتل متظاهران برصاص قوات الأمن خلال احتجاج في طرابلس يوم الاثنين.",
])
def test_protesters_killed_at_the_protest_are_its_toll(text: str) -> None:
    (ev,) = [e for e in extract_result(text, date="2019-06-05").events if e.event_type == "Protests"]
    assert (ev.sub_event_type, ev.fatalities) == ("Excessive force against protesters", 2)


@pytest.mark.parametrize("text", [
    "Floods killed 20 people in Ghat on Thursday.",
    "Twenty people were killed in the floods in Ghat on Thursday.",
    "قتلت الفيضانات 20 شخصا في غات يوم الخميس.",
    "لقي 20 شخصا حتفهم جراء السيول في غات يوم الخميس.",
])
def test_the_dead_of_a_disaster_are_no_attack(text: str) -> None:
    assert extract_result(text, date="2019-06-07").events == []
    # gunmen who kill are an attack still
    armed = "Gunmen killed two guards in Ghat on Thursday." if text.isascii() else "قتل مسلحون حارسين في غات يوم الخميس."
    assert [e.event_type for e in extract_result(armed, date="2019-06-07").events] == ["Violence against civilians"]


@pytest.mark.parametrize("text", [
    "Between five and seven soldiers were killed in an ambush near Brak on Wednesday.",
    "قتل ما بين خمسة وسبعة جنود في كمين قرب براك يوم الأربعاء.",
])
def test_a_range_of_dead_written_in_words_counts_its_lower_bound(text: str) -> None:
    (ev,) = extract_result(text, date="2019-06-07").events
    assert ev.fatalities == 5


@pytest.mark.parametrize("words,value", [("خمسة وعشرون", 25), ("ثلاث مئة وخمسة", 305), ("ألفان وثلاثمئة وأربعة", 2304),
                                         ("خمسة وسبعة", None), ("عشرون وثلاثون", None)])
def test_arabic_number_words_join_units_and_tens_once(words: str, value: int | None) -> None:
    from geo.text.numbers import parse_number

    assert parse_number(words) == value


@pytest.mark.parametrize("text", [
    "The GNA handed over the Ras Jedir border crossing to a local force on Wednesday.",
    "سلمت حكومة الوفاق منفذ رأس اجدير لقوة محلية يوم الأربعاء.",
])
def test_a_border_crossing_handed_over_is_a_transfer_of_territory(text: str) -> None:
    assert [(e.sub_event_type, e.place_name_en) for e in extract_result(text, date="2019-06-07").events] \
        == [("Non-violent transfer of territory", "Ras Ajdir")]


@pytest.mark.parametrize("text", [
    "Rioters torched the municipal building in Zuwara on Thursday.",
    "أضرم مشاغبون النار في مبنى البلدية في زوارة يوم الخميس.",
])
def test_what_rioters_burn_is_their_riot(text: str) -> None:
    assert [(e.event_type, e.actor1) for e in extract_result(text, date="2019-06-07").events] == [("Riots", "Rioters")]


@pytest.mark.parametrize("threat,done", [
    ("هدد الجيش بشن هجوم على طرابلس.", "شن الجيش هجوما على طرابلس يوم الخميس."),
    ("توعدت قوات الوفاق باقتحام ترهونة.", "قامت قوات الوفاق باقتحام ترهونة يوم الخميس."),
    ("The LNA threatened to storm Tarhuna.", "The LNA stormed Tarhuna on Thursday."),
])
def test_a_threatened_attack_is_no_event(threat: str, done: str) -> None:
    assert extract_result(threat, date="2019-06-07").events == []
    assert [e.event_date for e in extract_result(done, date="2019-06-07").events] == ["2019-06-06"]


@pytest.mark.parametrize("text", [
    "Police arrested three suspects in Sabha on Wednesday in connection with the bombing.",
    "ألقت الشرطة القبض على ثلاثة أشخاص في سبها يوم الأربعاء للاشتباه في تورطهم في التفجير.",
    "اعتقلت الشرطة ثلاثة أشخاص في سبها يوم الأربعاء على خلفية التفجير.",
])
def test_the_crime_an_arrest_is_made_for_is_no_new_event(text: str) -> None:
    assert [e.sub_event_type for e in extract_result(text, date="2019-06-07").events] == ["Arrests"]


@pytest.mark.parametrize("text", [
    "The toll of the attack on the migrant detention centre in Tajoura rose to 53.",
    "ارتفع عدد قتلى الهجوم على مركز احتجاز المهاجرين في تاجوراء إلى 53 قتيلا.",
])
def test_a_detention_centre_is_a_place_not_an_arrest(text: str) -> None:
    assert "Arrests" not in [e.sub_event_type for e in extract_result(text, date="2019-07-04").events]


@pytest.mark.parametrize("entry,background", [
    ("On 4 October 2017, at least 4 people were killed in a suicide bomb attack at the court in Misrata.",
     "IS seized Misrata's court in a suicide attack on 4 October 2017."),
    ("في 4 أكتوبر 2017، قتل أربعة أشخاص في هجوم انتحاري على مجمع المحاكم في مصراتة.",
     "سيطر التنظيم على مجمع المحاكم في مصراتة إثر هجوم انتحاري في 4 أكتوبر 2017."),
])
def test_a_sentence_opening_with_its_full_date_reports_that_event_however_old(entry: str, background: str) -> None:
    # an advisory of November listing an attack of October: the attack, on its day
    evs = extract_result(entry, date="2017-11-21").events
    assert [(e.sub_event_type, e.event_date, e.fatalities) for e in evs] == [("Suicide bomb", "2017-10-04", 4)]
    # the same old date inside the sentence is background, no new event of the document
    assert extract_result(background, date="2017-11-21").events == []


@pytest.mark.parametrize("text", [
    "Terrorists are very likely to try to carry out attacks in Tripoli.",
    "Fighting is expected to resume in Tripoli on Friday.",
    "من المتوقع أن تتجدد الاشتباكات في طرابلس يوم الجمعة.",
    "Attacks could be indiscriminate in Tripoli.",
    "Extremist groups are responsible for the majority of attacks in Tripoli.",
    "Armed groups may have carried out other such attacks in Tripoli.",
])
def test_forecasts_and_generic_attacks_are_no_event(text: str) -> None:
    assert extract_result(text, date="2017-11-21").events == []


@pytest.mark.parametrize("text", [
    "Police seized weapons and ammunition in a raid in Zawiya on Monday.",
    "More than 100 tanks and 26 rocket launchers were seized from a militia in Tarhuna on Monday.",
    "ضبطت الشرطة أسلحة وذخائر في الزاوية يوم الاثنين.",
    "صادرت قوات الأمن شحنة أسلحة في ميناء مصراتة يوم الاثنين.",
])
def test_arms_seized_are_disrupted_weapons_use(text: str) -> None:
    # no capture of the town, no shelling with the rockets, no attack in the raid that took them
    assert [(e.event_type, e.sub_event_type) for e in extract_result(text, date="2019-06-05").events] \
        == [("Strategic developments", "Disrupted weapons use")]


@pytest.mark.parametrize("text,kinds", [
    ("Gunmen raided a checkpoint in Zawiya on Monday and seized weapons.",
     [("Battles", "Armed clash"), ("Strategic developments", "Disrupted weapons use")]),
    ("Rebels seized a tanker off Sidra on Monday.", [("Strategic developments", "Looting/property destruction")]),
    ("دعت البعثة الأطراف إلى ضبط النفس في الزاوية يوم الاثنين.", []),
])
def test_a_raid_on_a_post_and_goods_that_are_no_arms_stay_what_they_are(text: str, kinds: list) -> None:
    assert [(e.event_type, e.sub_event_type) for e in extract_result(text, date="2019-06-05").events] == kinds


@pytest.mark.parametrize("text,n", [
    ("Rebels finally secured Ajdabiya in April 2011.", 1),
    ("Rebels were securing Ajdabiya in April 2011.", 1),
    ("The UN secured the release of two hostages in Tripoli in April 2011.", 0),
    ("Police secured the polling stations in Tripoli in April 2014.", 0),
])
def test_securing_a_town_takes_it_securing_anything_else_does_not(text: str, n: int) -> None:
    evs = extract_result(text).events
    assert [e.sub_event_type for e in evs] == ["Non-state actor overtakes territory"] * n


@pytest.mark.parametrize("text", [
    "On 2 October 2016, a Dutch journalist was killed in Sirte, while reporting on the fighting between pro-GNA forces "
    "and Daesh.",
    "قتل صحفي هولندي في سرت يوم 2 أكتوبر 2016 أثناء تغطيته للاشتباكات بين قوات الوفاق وتنظيم داعش.",
])
def test_the_fighting_a_reporter_covers_is_the_topic_not_the_event(text: str) -> None:
    assert [(e.event_type, e.fatalities, e.event_date) for e in extract_result(text).events] \
        == [("Violence against civilians", 1, "2016-10-02")]


@pytest.mark.parametrize(
    "text, place",
    [
        ("An air and ground offensive began in Benghazi on Friday.", "Benghazi"),
        ("A major offensive to take Sirte from the Islamic State began on Thursday.", "Sirte"),
        ("بدأ هجوم بري وجوي واسع على بنغازي يوم الجمعة.", "بنغازي"),
    ],
)
def test_an_offensive_named_as_a_noun_is_a_battle(text, place):
    ev = one(text, "2019-06-28")
    assert (ev.event_type, ev.location) == ("Battles", place)


@pytest.mark.parametrize(
    "text",
    ["The minister made offensive remarks in Tripoli on Thursday.", "أدلى الوزير بتصريحات مسيئة في طرابلس يوم الخميس."],
)
def test_offensive_as_an_adjective_is_no_event(text):
    assert events(text, "2019-06-28") == []


@pytest.mark.parametrize(
    "text, place",
    [
        ("تعرضت دورية تابعة لمديرية أمن سبها لهجوم مسلح يوم الجمعة.", "سبها"),
        ("A patrol of the Sabha Security Directorate came under attack on Friday.", "Sabha"),
        ("Gunmen stormed the office of the mayor of Derna on Friday.", "Derna"),
        ("اقتحم مسلحون مقر المجلس البلدي درنة يوم الجمعة.", "درنة"),
    ],
)
def test_an_institution_named_after_its_town_places_the_event_there(text, place):
    ev = one(text, "2019-06-28")
    assert ev.location == place and ev.geo_precision == 1


@pytest.mark.parametrize(
    "text",
    ["كتيبة ثوار طرابلس تقاتل في غريان.\nاشتبكت قوات الوفاق مع قوات الجيش الوطني يوم الجمعة.",
     "The Tripoli Revolutionaries Brigade fights in Gharyan.\nGNA forces clashed with the LNA on Friday."],
)
def test_an_armed_group_named_after_a_town_does_not_place_a_clash_there(text):
    assert all(e.location not in ("طرابلس", "Tripoli") for e in events(text, "2019-06-28"))


@pytest.mark.parametrize(
    "text, target",
    [
        ("تعرضت دورية تابعة للجيش الوطني لهجوم قرب سرت يوم الجمعة.", "LNA"),
        ("An LNA patrol came under attack near Sirte on Friday.", "LNA"),
        ("تعرضت قوات الوفاق لهجوم مباغت في غريان يوم الجمعة.", "GNA forces"),
        ("GNA forces came under heavy fire in Gharyan on Friday.", "GNA forces"),
    ],
)
def test_a_force_that_undergoes_the_attack_is_its_target(text, target):
    ev = one(text, "2019-06-28")
    assert (ev.event_type, ev.actor1, ev.actor2) == ("Battles", "", target)


@pytest.mark.parametrize(
    "text",
    ["فضت قوات الأمن اعتصاما في بنغازي يوم الجمعة.",
     "Security forces broke up a sit-in in Benghazi on Friday.",
     "اعتقلت قوات الأمن عشرة محتجين خلال مظاهرة في بنغازي يوم الجمعة.",
     "Security forces arrested ten protesters during a demonstration in Benghazi on Friday."],
)
def test_a_protest_broken_up_or_its_protesters_arrested_is_a_protest_with_intervention(text):
    protests = [e for e in events(text, "2019-06-28") if e.event_type == "Protests"]
    assert [e.sub_event_type for e in protests] == ["Protest with intervention"]


@pytest.mark.parametrize(
    "text",
    ["Gunmen bulldozed a Sufi shrine in Zliten on Friday.", "هدم مسلحون ضريحا صوفيا في زليتن يوم الجمعة.",
     "Unknown men desecrated graves in the cemetery of Zliten on Friday."],
)
def test_a_shrine_bulldozed_or_graves_desecrated_is_property_destruction(text):
    ev = one(text, "2019-06-28")
    assert (ev.event_type, ev.sub_event_type) == (SD, "Looting/property destruction")


@pytest.mark.parametrize(
    "text, fat, inj",
    [
        ("Airstrikes hit the Tajoura detention centre on Tuesday night. 53 migrants died and 130 were injured.", 53, 130),
        ("Airstrikes hit the Tajoura detention centre on Tuesday night. The UN said 53 migrants were killed.", 53, None),
        ("قصفت غارات جوية مركز إيواء المهاجرين في تاجوراء ليل الثلاثاء. وتوفي 53 مهاجرا وأصيب 130 آخرون.", 53, 130),
        ("Fighting raged in southern Tripoli on Tuesday. Medical sources said 7 fighters and 2 civilians died.", 9, None),
        ("دارت معارك عنيفة جنوب طرابلس يوم الثلاثاء. وقالت مصادر طبية إن تسعة مقاتلين لقوا حتفهم.", 9, None),
    ],
)
def test_a_toll_told_in_the_next_sentence_is_the_toll_of_the_event_just_told(text, fat, inj):
    ev = one(text, "2019-07-03")
    assert (ev.fatalities, ev.injuries) == (fat, inj)


@pytest.mark.parametrize(
    "text",
    ["Clashes broke out in Zawiya on Tuesday. At least five people were killed. By Wednesday the toll had risen to 12.",
     "اندلعت اشتباكات في الزاوية يوم الثلاثاء. وقتل خمسة أشخاص على الأقل. وارتفعت الحصيلة يوم الأربعاء إلى 12 قتيلا."],
)
def test_a_later_higher_toll_of_the_same_event_wins(text):
    ev = one(text, "2019-07-04")
    assert (ev.event_date, ev.fatalities) == ("2019-07-02", 12)


@pytest.mark.parametrize(
    "text",
    ["Clashes broke out in Zawiya on Tuesday. On Sunday, 21 people had died.",
     "اندلعت اشتباكات في الزاوية يوم الثلاثاء. ويوم الأحد توفي 21 شخصا."],
)
def test_deaths_of_another_day_are_not_the_toll_of_the_event_just_told(text):
    assert all(e.fatalities is None for e in events(text, "2019-07-04") if e.event_date == "2019-07-02")


@pytest.mark.parametrize(
    "text, tolls",
    [
        ("Clashes in Zawiya killed three people, while an air strike in Gharyan killed five.", [3, 5]),
        ("قتل ثلاثة أشخاص في اشتباكات في الزاوية، فيما قتل خمسة في غارة جوية على غريان.", [3, 5]),
        ("Clashes in Zawiya killed three people, while an air strike hit Gharyan.", [3, None]),
        ("قتل ثلاثة أشخاص في اشتباكات في الزاوية، فيما استهدفت غارة جوية غريان.", [3, None]),
    ],
)
def test_each_clause_of_a_sentence_keeps_its_own_toll(text, tolls):
    # (Battles sorts before Explosions/Remote violence: the clash's toll first, then the strike's)
    assert [e.fatalities for e in sorted(events(text, "2019-07-04"), key=lambda e: e.event_type)] == tolls


@pytest.mark.parametrize(
    "text, place",
    [
        ("Tawergha is a town on the coast road. Tawergha is under the jurisdiction of Misrata, 38 km away. "
         "It was the site of intense fighting in August 2011.", "Tawergha"),
        ("تاورغاء بلدة على الطريق الساحلي. وتتبع تاورغاء إداريا مدينة مصراتة التي تبعد 38 كيلومترا. "
         "وشهدت معارك عنيفة في أغسطس 2011.", "تاورغاء"),
    ],
)
def test_a_sentence_with_no_place_inherits_the_town_the_text_is_about(text, place):
    ev = one(text, None)
    assert (ev.event_type, ev.location) == ("Battles", place)


@pytest.mark.parametrize(
    "text, owner",
    [
        ("Fighting resumed in Murzuq on Sunday, when an air strike killed 42 people.", "Explosions/Remote violence"),
        ("تجددت المعارك في مرزق يوم الأحد حين قتلت غارة جوية 42 شخصا.", "Explosions/Remote violence"),
        ("Security forces arrested five men in Sabha on Sunday after clashes that killed three people.", "Battles"),
        ("اعتقلت قوات الأمن خمسة رجال في سبها يوم الأحد بعد اشتباكات أسفرت عن مقتل ثلاثة أشخاص.", "Battles"),
    ],
)
def test_a_sentence_toll_is_counted_once_for_the_event_that_killed(text, owner):
    evs = events(text, "2019-08-06")
    assert len(evs) >= 2
    assert {e.event_type for e in evs if e.fatalities} == {owner}


@pytest.mark.parametrize(
    "text, place",
    [
        ("قصفت طائرات حربية تابعة لسلاح الجو الليبي مواقع لمجلس شورى مجاهدي درنة يوم الجمعة.", "درنة"),
        ("Aircraft of the Libyan Air Force struck positions of the Derna Mujahideen Shura Council on Friday.", "Derna"),
    ],
)
def test_a_strike_on_an_armed_groups_positions_is_in_the_town_the_group_is_named_after(text, place):
    ev = one(text, "2019-06-28")
    assert (ev.event_type, ev.location, ev.geo_precision) == ("Explosions/Remote violence", place, 2)


@pytest.mark.parametrize(
    "text",
    ["Misrata brigades attacked on Friday, the council said.", "هاجمت كتائب مصراتة يوم الجمعة، بحسب المجلس."],
)
def test_an_attack_by_a_group_named_after_a_town_is_not_placed_in_that_town(text):
    assert all(e.location in ("", None) for e in events(text, "2019-06-28"))


@pytest.mark.parametrize(
    "text, a1, a2",
    [
        ("قوات مصراتة هاجمت القوات الحكومية في سرت يوم الجمعة.", "Misrata forces", "GNA forces"),
        ("هاجمت قوات مصراتة القوات الحكومية في سرت يوم الجمعة.", "Misrata forces", "GNA forces"),
        ("Misratan forces attacked GNA forces in Sirte on Friday.", "Misrata forces", "GNA forces"),
    ],
)
def test_the_subject_before_the_verb_is_the_agent_and_the_actor_after_it_the_target(text, a1, a2):
    ev = one(text, "2019-06-28")
    assert (ev.actor1, ev.actor2) == (a1, a2)


@pytest.mark.parametrize(
    "text",
    ["Clashes broke out in Tripoli on Saturday between forces loyal to Prime Minister Abdul Hamid Dbeibah and "
     "armed groups backing his rival Fathi Bashagha.",
     "اندلعت اشتباكات في طرابلس يوم السبت بين قوات موالية لرئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة ومجموعات "
     "مسلحة داعمة لفتحي باشاغا."],
)
def test_forces_loyal_to_or_backing_a_leader_named_with_his_title_are_his_forces(text):
    ev = one(text, "2022-08-28")
    assert (ev.actor1, ev.actor2) == ("GNU forces", "GNS forces")


@pytest.mark.parametrize(
    "text",
    ["Guards at the detention centre in Zawiya beat up several migrants on Tuesday.",
     "Several migrants were beaten by guards at the detention centre in Zawiya on Tuesday.",
     "قال مهاجرون إنهم تعرضوا للضرب على يد الحراس في مركز احتجاز بالزاوية يوم الثلاثاء."],
)
def test_people_beaten_by_guards_are_violence_against_civilians(text):
    ev = one(text, "2019-07-04")
    assert (ev.event_type, ev.sub_event_type) == (VAC, "Attack")


@pytest.mark.parametrize("text", ["Al-Ahly beat Al-Ittihad 2-1 in Tripoli on Tuesday.",
                                  "فاز الأهلي على الاتحاد في طرابلس يوم الثلاثاء."])
def test_a_team_that_beats_another_is_no_event(text):
    assert events(text, "2019-07-04") == []


@pytest.mark.parametrize(
    "text",
    ["Clashes broke out in Zawiya on Tuesday. Since 2011, more than 5,000 people have died in the conflicts.",
     "Clashes broke out in Zawiya on Tuesday. In total, 300 people have been killed this year.",
     "اندلعت اشتباكات في الزاوية يوم الثلاثاء. ومنذ عام 2011 قتل أكثر من خمسة آلاف شخص في النزاعات.",
     "اندلعت اشتباكات في الزاوية يوم الثلاثاء. وقتل إجمالا 300 شخص خلال العام الجاري."],
)
def test_a_tally_of_many_events_is_not_the_toll_of_the_event_just_told(text):
    ev = one(text, "2019-07-04")
    assert (ev.event_date, ev.fatalities) == ("2019-07-02", None)


@pytest.mark.parametrize(
    "text, date, actor",
    [
        ("The army sent reinforcements to Kufra on Saturday.", "2019-05-05", "Libyan forces"),
        ("أرسل الجيش تعزيزات إلى الكفرة يوم السبت.", "2019-05-05", "Libyan forces"),
        ("A spokesman for the Libyan army said it had retaken Ganfouda on Saturday.", "2017-01-29", "LNA"),
        ("قال متحدث باسم الجيش الليبي إنه استعاد قنفودة يوم السبت.", "2017-01-29", "LNA"),
    ],
)
def test_the_army_is_named_alike_in_english_and_arabic(text, date, actor):
    ev = one(text, date)
    assert ev.actor1 == actor


@pytest.mark.parametrize("text, actor1, actor2", [
    ("اشتبكت وحدات من الجيش مع مسلحين في سبها يوم 3 مايو 2014.", "Libyan forces", "Unidentified armed group"),
    ("هاجمت دورية من الجيش مسلحين في أوباري يوم 3 مايو 2014.", "Libyan forces", "Unidentified armed group"),
    ("Clashes broke out between army units and armed groups in Tripoli on 3 May 2014.", "Libyan forces",
     "Unidentified armed group"),
])
def test_units_of_the_army_are_the_army_acting(text, actor1, actor2):
    ev = one(text, None)
    assert (ev.actor1, ev.actor2) == (actor1, actor2)


@pytest.mark.parametrize("text", [
    "قصفت القوات الموالية مدينة الزنتان يوم 20 أبريل 2011.",
    "قصفت قوات النظام مدينة الزنتان يوم 20 أبريل 2011.",
    "Regime forces shelled Zintan on 20 April 2011.",
])
def test_bare_loyalist_and_regime_forces_of_2011_are_gaddafis(text):
    assert one(text, None).actor1 == "Gaddafi loyalist forces"


def test_bare_loyal_forces_of_a_later_year_are_the_state_not_gaddafi():
    assert one("هاجمت القوات الموالية مطار معيتيقة يوم 5 مايو 2019.", None).actor1 == "Libyan forces"


def test_forces_loyal_to_him_name_no_party_called_him():
    ev = one("قصفت القوات الموالية له مدينة الزنتان يوم 20 أبريل 2011.", None)
    assert "ه" not in ev.actor1 and ev.actor1 != "Libyan forces"


@pytest.mark.parametrize("text", [
    "The battle was fought between army units and militiamen loyal to Gaddafi, and anti-Gaddafi forces in Benghazi on"
    " 19 March 2011.",
    "وقعت معركة بين وحدات الجيش وكتائب القذافي من جهة والثوار من جهة أخرى في بنغازي يوم 19 مارس 2011.",
])
def test_two_names_of_one_side_named_after_their_time_are_not_each_others_opponent(text):
    ev = next(e for e in events(text, None) if e.event_type == "Battles")
    assert ev.actor1 == "Gaddafi loyalist forces" and ev.actor2 == "NTC/rebel forces (2011)"


@pytest.mark.parametrize("text, place", [
    ("Misratan forces withdrew from Sirte on 5 May 2015 and returned to Misrata.", "Sirte"),
    ("On 5 May 2015 the rebels retreated from Brega, some of them as far as Ajdabiya.", "Brega"),
    ("انسحبت قوات مصراتة من سرت يوم 5 مايو 2015 وعادت إلى مصراتة.", "سرت"),
])
def test_a_withdrawal_is_where_the_force_left_not_where_it_went(text, place):
    evs = [e for e in events(text, None) if e.event_type in ("Strategic developments", "Battles")]
    assert evs and evs[0].location == place


@pytest.mark.parametrize("text, et", [
    ("هاجم عناصر من تنظيم داعش بلدة الفقهاء يوم 28 أكتوبر 2018 وقتلوا أربعة أشخاص.", "Violence against civilians"),
    ("ISIL fighters attacked the town of Fuqaha on 28 October 2018, killing four people.", "Violence against civilians"),
    # an armed target makes the same toll a battle's
    ("Gunmen attacked an army checkpoint near Sabha on 3 May 2018, killing four people.", "Battles"),
    ("هاجم مسلحون بوابة أمنية قرب سبها يوم 3 مايو 2018 ما أسفر عن مقتل أربعة أشخاص.", "Battles"),
])
def test_people_killed_by_an_assault_with_no_armed_target_are_civilians(text, et):
    ev = one(text, None)
    assert ev.event_type == et
    assert (ev.actor2 == "Civilians") == (et == "Violence against civilians")


@pytest.mark.parametrize("text, lang", [
    ("أفرج مسلحون عن ثلاثة رهائن أتراك في أوباري يوم 2 نوفمبر 2017.", "ar"),
    ("The three Turkish hostages were released by their captors in Ubari on 2 November 2017.", "en"),
])
def test_a_release_of_hostages_is_an_agreement(text, lang):
    ev = one(text, None)
    assert (ev.event_type, ev.sub_event_type, ev.event_date) == ("Strategic developments", "Agreement", "2017-11-02")


@pytest.mark.parametrize("text", [
    "فرضت قوات الردع حظر تجول في سوق الجمعة يوم 1 سبتمبر 2018.",
    "The Rada force imposed a curfew in Souq al-Juma on 1 September 2018.",
])
def test_a_curfew_is_a_strategic_development(text):
    ev = one(text, None)
    assert (ev.event_type, ev.sub_event_type) == ("Strategic developments", "Other")


@pytest.mark.parametrize("text", [
    "On 19 March 2011 the coalition struck targets near Benghazi.",
    "وفي 19 مارس 2011 ضربت قوات التحالف أهدافا قرب بنغازي.",
])
def test_the_2011_coalition_striking_is_an_air_strike_by_the_coalition(text):
    ev = one(text, None)
    assert (ev.event_type, ev.actor1, ev.event_date) == ("Explosions/Remote violence", "Coalition forces (2011)", "2011-03-19")


@pytest.mark.parametrize("text, et", [
    ("احتشد الآلاف في مصراتة يوم 10 يوليو 2021 للمطالبة بالانتخابات.", "Protests"),
    ("Thousands rallied in Misrata on 10 July 2021 to demand elections.", "Protests"),
    # a force that masses or rallies regroups; it does not protest
    ("احتشدت قوات حفتر قرب سرت يوم 10 يوليو 2020.", None),
    ("LNA forces rallied near Sirte on 10 July 2020.", "Strategic developments"),
])
def test_crowds_that_mass_protest_and_forces_that_rally_regroup(text, et):
    evs = events(text, None)
    assert [e.event_type for e in evs][:1] == ([et] if et else [])
    if et == "Protests":
        assert evs[0].actor1 == "Protesters"


@pytest.mark.parametrize("text", [
    "In May 2014, Haftar launched Operation Dignity in Benghazi.",
    "On 16 May 2014 the LNA launched a military operation in Benghazi.",
])
def test_launching_an_operation_at_a_place_is_a_battle_there(text):
    ev = one(text, None)
    assert (ev.event_type, ev.location) == ("Battles", "Benghazi")


@pytest.mark.parametrize("text, actor1, actor2", [
    ("In August 2014, the Libya Dawn coalition captured Tripoli International Airport from the Zintan brigades.",
     "Libya Dawn", "Zintan forces"),
    ("انتزعت قوات حكومة الوفاق مدينة غريان من قبضة قوات حفتر يوم 26 يونيو 2019.", "GNA forces", "LNA"),
])
def test_whom_a_place_was_taken_from_is_the_other_side(text, actor1, actor2):
    ev = one(text, None)
    assert (ev.event_type, ev.actor1, ev.actor2) == ("Battles", actor1, actor2)


@pytest.mark.parametrize("text, event", [
    ("The government sent troops to Sabha on 18 January 2014.", True),
    ("وأرسلت الحكومة قوات إلى سبها يوم 18 يناير 2014.", True),
    ("The UN sent a letter to the government on 18 January 2014 about Sabha.", False),
    ("نشرت الصحف تقريرا عن سبها يوم 18 يناير 2014.", False),
])
def test_sending_troops_is_a_deployment_and_sending_a_letter_is_nothing(text, event):
    evs = events(text, None)
    if event:
        assert [(e.event_type, e.sub_event_type, e.event_date) for e in evs] == [
            ("Strategic developments", "Change to group/activity", "2014-01-18")]
    else:
        assert evs == []


@pytest.mark.parametrize("text, date", [
    ("Rebels captured Zawiya on 5 June 2011. The day before, loyalist forces had shelled Surman.", "2011-06-04"),
    ("Rebels captured Zawiya on 5 June 2011. Two days earlier, loyalist forces had shelled Surman.", "2011-06-03"),
    ("Rebels captured Zawiya on 5 June 2011. Three days after the capture, loyalist forces shelled Surman.", "2011-06-08"),
    ("سيطر الثوار على الزاوية يوم 5 يونيو 2011. وفي اليوم السابق قصفت القوات الموالية للقذافي صرمان.", "2011-06-04"),
    ("سيطر الثوار على الزاوية يوم 5 يونيو 2011. وقبل ذلك بيوم قصفت القوات الموالية للقذافي صرمان.", "2011-06-04"),
])
def test_the_day_before_and_days_after_an_event_count_from_the_date_named_last(text, date):
    ev = next(e for e in events(text, None) if e.location in ("Surman", "صرمان"))
    assert ev.event_date == date


def test_the_day_before_an_occasion_is_no_day_before_the_date_named_last():
    ev = next(e for e in events("Rebels captured Zawiya on 5 June 2011. On 9 June, the day before the talks, loyalist "
                                "forces shelled Surman.", None) if e.location == "Surman")
    assert ev.event_date == "2011-06-09"


@pytest.mark.parametrize("text", [
    "استسلم عشرات من عناصر داعش في سرت يوم 5 ديسمبر 2016.",
    "Dozens of ISIS fighters surrendered in Sirte on 5 December 2016.",
])
def test_a_surrender_is_an_agreement(text):
    ev = one(text, None)
    assert (ev.event_type, ev.sub_event_type, ev.actor1) == ("Strategic developments", "Agreement", "Islamic State")


def test_a_surrender_told_with_the_capture_it_ended_is_part_of_it():
    evs = events("Ghardabiya Airport was captured on 6 January 2020 and its defenders surrendered.", None)
    assert [e.event_type for e in evs] == ["Battles"]


@pytest.mark.parametrize("text", [
    "فككت وحدة الهندسة العسكرية عبوة ناسفة في بنغازي يوم 5 مايو 2016.",
    "Army engineers defused a roadside bomb in Benghazi on 5 May 2016.",
    "Police seized a car bomb in Benghazi on 5 May 2016.",
])
def test_a_bomb_defused_or_seized_is_disrupted_weapons_use_not_an_explosion(text):
    evs = events(text, None)
    assert [(e.event_type, e.sub_event_type) for e in evs] == [("Strategic developments", "Disrupted weapons use")]


@pytest.mark.parametrize("text, et", [
    ("أضرم مجهولون النار في مقر حزب العدالة والبناء في بنغازي يوم 5 مايو 2013.", "Strategic developments"),
    ("أضرم محتجون النار في مبنى البلدية في البيضاء يوم 17 فبراير 2011.", "Riots"),
])
def test_arson_is_property_destruction_and_arson_by_protesters_a_riot(text, et):
    assert one(text, None).event_type == et


@pytest.mark.parametrize("text, actor1", [
    ("The Zawiya massacre took place on 24 February 2011, when loyalist forces opened fire on protesters.",
     "Gaddafi loyalist forces"),
    ("The Gharghour massacre occurred on 15 November 2013 in Tripoli, when Misratan militiamen opened fire on protesters.",
     "Misrata forces"),
    ("مجزرة غرغور هي مجزرة وقعت في 15 نوفمبر 2013 في طرابلس عندما أطلق مسلحو مصراتة النار على متظاهرين.", "Misrata forces"),
])
def test_who_did_a_massacre_is_the_subject_of_the_clause_that_tells_how(text, actor1):
    ev = next(e for e in events(text, None) if e.event_type == "Violence against civilians")
    assert ev.actor1 == actor1 and ev.actor2 != actor1


def test_a_towns_militias_are_its_militiamen_and_gunmen():
    from geo.text.lexicon import find_actors

    assert [a.name for a in find_actors("Misratan militiamen and Zintani gunmen clashed", "en")] == [
        "Misrata forces", "Zintan forces"]


@pytest.mark.parametrize("text, place", [
    ("Residents report heavy gunfire in Tripoli's Tajoura district on 13 March 2011.", "Tajoura"),
    ("Clashes erupted in Benghazi's Laithi district on 5 May 2015.", "Laithi"),
])
def test_a_place_of_a_place_in_the_possessive_is_the_finer_place(text, place):
    assert one(text, None).location == place


@pytest.mark.parametrize("text, actor1", [
    ("A Turkish frigate shelled LNA positions near Sirte on 21 May 2020.", "Turkish forces"),
    ("An LNA drone struck Mitiga airport on 5 May 2019.", "LNA air force"),
])
def test_one_craft_of_a_force_is_that_force(text, actor1):
    assert one(text, None).actor1 == actor1


@pytest.mark.parametrize("text", [
    "A journalist was found dead in Sirte on 3 May 2015.",
    "The journalist's body was found in Sirte on 3 May 2015.",
])
def test_a_body_found_is_violence_against_civilians(text):
    ev = one(text, None)
    assert (ev.event_type, ev.location, ev.event_date) == ("Violence against civilians", "Sirte", "2015-05-03")


@pytest.mark.parametrize("text", [
    "Clashes erupted on the road between Sirte and Misrata on 5 May 2016.",
    "اندلعت اشتباكات بين سرت ومصراتة يوم 5 مايو 2016.",
])
def test_a_clash_between_two_towns_is_one_event_known_to_the_area(text):
    evs = events(text, None)
    assert len(evs) == 1 and evs[0].geo_precision == 2


@pytest.mark.parametrize("text, n", [
    ("Clashes erupted in Sirte and Misrata on 5 May 2016.", 2),
    ("Rebels took control of the coastal strip between Nofaliya and Ras Lanuf on 3 March 2017.", 2),
])
def test_clashes_in_two_towns_and_a_strip_taken_between_two_are_at_both(text, n):
    assert len(events(text, None)) == n


@pytest.mark.parametrize("text", [
    "Residents fear new clashes in Zawiya.",
    "يخشى السكان من تجدد الاشتباكات في الزاوية.",
    "حذر محللون من امتداد القتال إلى سبها.",
    "If the LNA attacks Misrata, the city will defend itself.",
    "إذا هاجمت القوات مصراتة فإن المدينة ستدافع عن نفسها.",
    "The talks in Berlin aimed to end the fighting in Tripoli.",
    "يهدف مؤتمر برلين إلى إنهاء القتال في طرابلس.",
    "The 2012 Benghazi attack remains unsolved.",
])
def test_fears_conditions_goals_and_events_of_a_year_before_are_no_events(text):
    assert events(text, "2020-03-10") == []


def test_an_event_of_its_own_year_named_with_the_year_is_one():
    assert [e.event_type for e in events("The 2012 attack on the US consulate in Benghazi killed four Americans.",
                                          None)] == ["Violence against civilians"]


@pytest.mark.parametrize("text", [
    "A spokesman for the GNA denied reports of clashes in Tripoli.",
    "نفى المتحدث باسم حكومة الوفاق وقوع اشتباكات في طرابلس.",
    "Rumours of an attack on Sabha proved false.",
    "Tripoli has been calm since the ceasefire took effect.",
    "يسود الهدوء طرابلس منذ دخول وقف إطلاق النار حيز التنفيذ.",
])
def test_denials_rumours_and_the_time_since_an_event_are_no_events(text):
    assert events(text, "2020-03-10") == []


def test_a_group_named_after_such_as_did_not_do_the_massacre():
    ev = next(e for e in events("The massacre of 24 February 2011 in Zawiya was condemned by bodies such as the NTC.",
                                None) if e.event_type == "Violence against civilians")
    assert ev.actor1 != "NTC/rebel forces (2011)"


@pytest.mark.parametrize("text, lang", [("Four people were killed in Sabha.", "en"), ("قتل 7 جنود في بنغازي.", "ar"),
                                        ("Clashes erupted in Tripoli on Friday. Seven soldiers were killed in Benghazi.",
                                         "en")])
def test_deaths_at_a_place_no_event_was_told_of_are_an_event(text, lang):
    evs = events(text, "2014-12-31")
    last = [e for e in evs if e.location in ("Sabha", "بنغازي", "Benghazi")]
    assert len(last) == 1 and last[0].fatalities in (4, 7)
    assert last[0].event_type in ("Violence against civilians", "Battles")


@pytest.mark.parametrize("text", ["Clashes erupted in Benghazi on Friday. Seven soldiers were killed in Benghazi.",
                                  "اندلعت اشتباكات في بنغازي يوم الجمعة. وقتل 7 جنود في بنغازي."])
def test_deaths_at_the_place_of_the_last_event_are_its_toll(text):
    evs = events(text, "2014-12-31")
    assert [(e.event_type, e.fatalities, e.event_date) for e in evs] == [("Battles", 7, "2014-12-26")]


def test_a_tally_of_deaths_is_no_event():
    assert events("In total, 300 people were killed in Benghazi.", "2014-12-31") == []


@pytest.mark.parametrize("text, actor1, sub", [
    ("On 7 March 2011, Bin Jawad was back in the hands of the government.", "Gaddafi loyalist forces",
     "Government regains territory"),
    ("By 29 March 2011, Brega was back under the control of Gaddafi forces.", "Gaddafi loyalist forces",
     "Government regains territory"),
    ("On 20 March 2011, the town was back in the hands of the rebels in Ajdabiya.", "NTC/rebel forces (2011)",
     "Non-state actor overtakes territory"),
])
def test_a_place_back_in_someones_hands_changed_hands_to_them(text, actor1, sub):
    ev = one(text, "2011-03-30")
    assert (ev.event_type, ev.sub_event_type, ev.actor1) == ("Battles", sub, actor1)


def test_how_far_people_retreated_is_not_where_the_fighting_was():
    text = "After a series of artillery duels in Bin Jawad, the rebels retreated, some of them as far as Ras Lanuf."
    assert {e.location for e in events(text, "2011-03-30")} == {"Bin Jawad"}


@pytest.mark.parametrize("text", ["لا تزال قوات حفتر تسيطر على غريان.", "احتفظت قوات الوفاق بالسيطرة على طرابلس.",
                                  "ما زالت سرت تحت سيطرة الجيش.", "وظلت ترهونة تحت سيطرة قوات الكانيات حتى يونيو 2020."])
def test_still_holding_a_place_is_no_change_of_hands(text):
    assert events(text, "2019-04-08") == []
    # the same words of control without "still" are one
    assert events("سيطرت قوات حفتر على غريان.", "2019-04-08")


def test_a_year_alone_dates_its_own_sentence_only():
    text = ("On 20 October 2011, Gaddafi was killed in Sirte after fighting in the city. In 2015, during the Second "
            "Libyan Civil War, the city fell into the hands of the jihadists of Islamic State.")
    got = [(e.event_date, e.time_precision) for e in events(text, None)]
    assert got == [("2011-10-20", 1), ("2015-01-01", 3)]
    # a finer date of the same year said before is kept; the year dates no sentence after it
    same = "On 5 March 2011, rebels took Ras Lanuf. In 2011, Gaddafi forces also shelled Brega."
    assert [e.event_date for e in events(same, None)] == ["2011-03-05", "2011-03-05"]
    after = "On 5 March 2011, rebels took Ras Lanuf. In 2015, IS fighters captured Sirte. Clashes erupted in Brega."
    assert [e.event_date for e in events(after, None)] == ["2011-03-05", "2015-01-01", "2011-03-05"]
    # with a document date, a past year is background as before
    assert events("In 2015, Islamic State fighters captured Sirte.", "2016-05-01") == []


@pytest.mark.parametrize("text, place", [
    ("On 16 May 2014 forces loyal to Haftar launched a ground offensive in Libya. It started in Benghazi but later "
     "spread to other parts of the country.", "Benghazi"),
    ("في 16 مايو 2014 شنت قوات حفتر هجوما بريا في ليبيا. وبدأت العملية في بنغازي ثم امتدت إلى مناطق أخرى.", "بنغازي"),
])
def test_an_event_told_at_the_countrys_scale_is_placed_where_it_began(text, place):
    evs = events(text, None)
    assert [(e.location, e.geo_precision) for e in evs] == [(place, 1)]


@pytest.mark.parametrize("text", [
    "The Battle of Bani Walid was a military operation in the Libyan Civil War conducted by anti-Gaddafi forces "
    "in September 2011 to take control of Bani Walid from pro-Gaddafi forces.",
    "The offensive on Bani Walid in September 2011, carried out by anti-Gaddafi forces, met fierce resistance.",
])
def test_who_carried_an_event_out_did_it_however_far_from_the_event_word(text):
    assert one(text, None).actor1 == "NTC/rebel forces (2011)"


def test_a_heading_line_with_no_place_and_no_date_tells_of_no_event():
    text = ("Al-Qawalish is a village in the Nafusa Mountains.\nLibyan civil war battle\n"
            "Al-Qawalish was captured by Libyan rebels on 7 July 2011.")
    assert [(e.event_type, e.place_name_en) for e in events(text, None)] == [("Battles", "Al Qawalish")]
    # a headline that names its place is an event of its own
    assert [e.location for e in events("Clashes in Zawiya\nThe fighting went on for hours.", "2019-06-27")][:1] == ["Zawiya"]


@pytest.mark.parametrize("text, lang", [
    ("في كلمة بمناسبة الذكرى الـ96 لمعركة القرضابية ضد الاستعمار الإيطالي، تحدث القذافي في سرت.", "ar"),
    ("On the anniversary of the battle of Gardabiya, Gaddafi spoke in Sirte.", "en"),
    ("أبدى القذافي استعداده للدخول في وقف لإطلاق النار في مصراتة.", "ar"),
    ("The LNA said it was ready for a ceasefire in Tripoli.", "en"),
])
def test_an_anniversary_or_a_readiness_is_no_event(text, lang):
    assert events(text, "2011-04-30") == []


@pytest.mark.parametrize("text", [
    "Gaddafi forces entered Jalu (300 km south of Benghazi) and killed six civilians there before advancing towards "
    "Ajdabiya.",
    "دخلت قوة من كتائب القذافي واحة جالو (300 كلم جنوب بنغازي) وقتلت 6 مدنيين هناك قبل أن تواصل زحفها باتجاه أجدابيا.",
])
def test_forces_that_take_a_place_and_kill_civilians_there_commit_violence_against_civilians(text):
    evs = events(text, "2011-04-30")
    got = sorted((e.event_type, e.place_name_en, e.fatalities) for e in evs if e.event_type != "Strategic developments")
    assert got == [("Battles", "Jālū", None), ("Violence against civilians", "Jālū", 6)]
    # the advance is the only event placed where the forces went
    assert all(e.event_type == "Strategic developments" for e in evs if e.place_name_en == "Ajdabiya")


def test_soldiers_killed_taking_a_place_are_the_battles_toll():
    evs = events("Rebels captured Brega, killing five soldiers.", "2011-04-30")
    assert [(e.event_type, e.fatalities) for e in evs] == [("Battles", 5)]


def test_a_place_taken_in_a_month_by_a_force_after_a_long_battle_is_one_event_with_the_toll():
    text = ("Sirte is a city on the coast. It was taken in December 2016 by the forces of the Government of National "
            "Accord, after a six-month battle and more than 700 dead.")
    evs = events(text, None)
    assert [(e.sub_event_type, e.event_date, e.fatalities) for e in evs] == [
        ("Government regains territory", "2016-12-01", 700)]
    # being taken in for questioning takes no place
    assert events("He was taken in for questioning in Tripoli.", "2016-12-20") == []
    # a place taken in a surprise attack, or on a morning, is taken
    assert events("Sirte is a city. The town was taken in a surprise attack by the rebels.", "2016-12-20")
    assert events("Sirte was taken on the morning of 5 June by GNA forces.", "2016-06-20")


def test_a_place_named_as_another_events_time_is_not_this_events_place():
    text = ("In July 2012, fighters in Bani Walid captured and tortured militiaman Omran Shaaban, one of the captors of "
            "Gaddafi at the end of the battle of Sirte. He died later of his wounds.")
    evs = events(text, None)
    assert {e.location for e in evs} == {"Bani Walid"}
    assert sorted(e.fatalities or 0 for e in evs) == [0, 1]  # the death is the toll of the last event, once
    # the battle a sentence says an event became is that event's place
    named = "Gaddafi forces attacked the rebels on 6 March 2011, which resulted in the Battle of Bin Jawad."
    assert [e.location for e in events(named, None)] == ["Bin Jawad"]


# --- parts, days and crowds (round 12) -------------------------------------------------------------------------

def test_a_date_of_the_background_section_does_not_date_the_next_section():
    text = ("Clashes in Tripoli broke out on 14 October 2011 in the Abu Salim district.\nBackground\n"
            "The first clashes in the city were in February 2011.\nBattle\n"
            "Soon after that, loyalist snipers opened fire in Tripoli, causing a large gun battle.")
    battle = [e for e in events(text, None) if "snipers" in e.evidence]
    assert [e.event_date for e in battle] == ["2011-10-14"]
    ar = ("اندلعت اشتباكات في طرابلس يوم 14 أكتوبر 2011 في حي أبو سليم.\nخلفية\nكانت أولى المواجهات في المدينة في فبراير "
          "2011.\nالمعركة\nوبعد ذلك فتح قناصة النار في طرابلس واندلعت اشتباكات عنيفة.")
    battle = [e for e in events(ar, None) if "قناصة" in e.evidence]
    assert [e.event_date for e in battle] == ["2011-10-14"]


def test_a_toll_of_a_day_no_event_was_told_of_is_not_the_day_befores():
    text = ("On 20 February 2011, security forces fired on protesters in Green Square in Tripoli.\n"
            "On 21 February, protesters were forced back by heavy gunfire that killed up to 80 people.")
    by_day = {e.event_date: e.fatalities for e in events(text, None)}
    assert "2011-02-20" in by_day and by_day["2011-02-20"] is None
    assert by_day.get("2011-02-21") == 80
    ar = ("في 20 فبراير أطلقت قوات الأمن النار على المتظاهرين في ميدان الشهداء بطرابلس.\n"
          "وفي 21 فبراير أسفرت الاشتباكات عن مقتل 80 شخصا.")
    by_day = {e.event_date: e.fatalities for e in events(ar, "2011-02-22")}
    assert by_day.get("2011-02-21") == 80 and by_day.get("2011-02-20") is None


def test_burning_with_no_agent_told_after_a_protest_is_the_crowds_riot():
    text = ("On 20 February, protesters gathered in Green Square in Tripoli.\n"
            "Reportedly, the state television building in Tripoli was also set on fire on 21 February.")
    riot = [e for e in events(text, None) if "set on fire" in e.evidence]
    assert [(e.event_type, e.sub_event_type, e.actor1) for e in riot] == [("Riots", "Violent demonstration", "Rioters")]
    ar = "تظاهر المئات في ميدان الشهداء بطرابلس.\nوأحرقت مقار حكومية في طرابلس في اليوم نفسه."
    riot = [e for e in events(ar) if "أحرقت" in e.evidence]
    assert [(e.event_type, e.actor1) for e in riot] == [("Riots", "Rioters")]
    # with no protest before it, a building set on fire is property destruction, not a riot
    lone = one("The state television building in Tripoli was set on fire on 21 February 2011.", None)
    assert lone.event_type == SD


def test_an_armed_groups_roadblock_is_no_protest():
    assert not [e for e in events("Gunmen set up a roadblock near Zawiya.") if e.event_type == "Protests"]
    assert not [e for e in events("The roadblocks near Benghazi were set up using pickup trucks with the logo of "
                                  "Ansar al-Sharia.") if e.event_type == "Protests"]
    # a crowd's road block is a protest, also when police disperse it
    assert one("Residents blocked the road to Zawiya to protest power cuts, and police dispersed them.").event_type \
        == "Protests"
    assert one("أغلق محتجون الطريق الساحلي في الزاوية.").event_type == "Protests"


@pytest.mark.parametrize("text", [
    "On 17 February 2011, supporters of the opposition had taken to the streets in Tripoli.",
    "Thousands are taking to the streets of Benghazi.",
    "خرج المئات إلى الشوارع في مصراتة احتجاجا على انقطاع الكهرباء.",
    "نزلوا إلى الشوارع في بنغازي للمطالبة برحيل الحكومة.",
])
def test_taking_to_the_streets_is_a_protest(text):
    assert one(text).event_type == "Protests"


def test_fighters_are_people_not_fighter_jets():
    # "fighters" (combatants) is no air cue: "hit by friendly fire" is no air strike
    assert not [e for e in events("In the confusion, about 30 NTC fighters in Tripoli were hit by friendly fire.")
                if e.sub_event_type == "Air/drone strike"]
    assert one("Fighter jets hit the airport in Sabha.").sub_event_type == "Air/drone strike"


@pytest.mark.parametrize(("text", "doc_date", "day"), [
    ("Officials said on Thursday that an airstrike on Murzuq on Sunday killed 43 people.", "2019-08-08", "2019-08-04"),
    ("Residents said on Saturday that gunmen had attacked a checkpoint in Zawiya late on Thursday.", "2019-04-13",
     "2019-04-11"),
    ("The UN said on Friday that air strikes on the Tajoura detention centre late on Tuesday killed 53 migrants.",
     "2019-07-05", "2019-07-02"),
    ("An airstrike on Murzuq on Sunday killed 43 people, officials said on Thursday.", "2019-08-08", "2019-08-04"),
    ("أعلن المجلس البلدي الجمعة أن غارة جوية استهدفت مرزق يوم الأحد وأسفرت عن مقتل 43 شخصا.", "2019-08-09", "2019-08-04"),
    ("وقالت وزارة الصحة يوم الثلاثاء إن 27 شخصا قتلوا في اشتباكات بطرابلس يوم الاثنين.", "2023-08-16", "2023-08-14"),
])
def test_an_event_told_as_said_on_another_day_is_of_its_own_day(text, doc_date, day):
    assert one(text, doc_date).event_date == day


@pytest.mark.parametrize("text", [
    "Residents staged a sit-in in Zawiya on Monday, demanding the release of detained relatives.",
    "تظاهر أهالي الزاوية يوم الاثنين للمطالبة بالإفراج عن ذويهم المعتقلين.",
])
def test_what_a_protest_demands_is_no_event(text):
    assert [e.event_type for e in events(text, "2021-03-03")] == ["Protests"]


def test_a_demand_does_not_hide_the_deed_told_after_it():
    assert one("Protesters demanding jobs stormed the council building in Zawiya.").event_type == "Riots"


@pytest.mark.parametrize(("text", "place"), [
    ("Armed clashes broke out in the Janzour district of Tripoli late on Friday.", "gn:2216349"),
    ("Clashes erupted in the Tripoli suburb of Tajoura.", "gn:2210394"),
    ("Clashes erupted in the Laithi neighbourhood of Benghazi.", "ly:benghazi-laithi"),
    ("Clashes erupted in Tripoli's Tajoura district.", "gn:2210394"),
])
def test_of_a_district_and_its_city_the_district_is_the_place_whichever_comes_first(text, place):
    assert [e.place_id for e in events(text, "2021-09-04")] == [place]


@pytest.mark.parametrize("text", [
    "On 4 April 2019, the LNA captured Gharyan without a fight.",
    "دخلت قوات حفتر مدينة غريان دون قتال يوم 4 أبريل 2019.",
    "Rebels entered Zawiya unopposed on 5 March 2011.",
])
def test_a_place_taken_unopposed_changes_hands_without_a_battle(text):
    e = one(text, None)
    assert (e.event_type, e.sub_event_type) == (SD, "Non-violent transfer of territory")


def test_a_place_taken_after_fighting_is_a_battle():
    assert one("Rebels captured Zawiya after fierce fighting on 5 March 2011.", None).event_type == "Battles"


def test_each_conjunct_takes_the_date_that_opens_it():
    text = "في 4 أبريل 2019 أطلق خليفة حفتر عملية للسيطرة على طرابلس، وفي 5 أبريل وصلت قواته إلى غريان."
    assert {(e.place_id, e.event_date) for e in events(text, None)} >= {("gn:2210247", "2019-04-04")}


def test_victims_another_sentence_adds_join_the_events_toll():
    text = ("Islamic militants attacked the United States consulate in Benghazi on 11 September 2012, killing Ambassador "
            "Chris Stevens and Sean Smith. Two other US diplomats were killed in the attack.")
    assert [e.fatalities for e in events(text, None)] == [4]
    # one who died of his wounds the next day is the ambush's toll too
    text = "Two soldiers were killed in an ambush near Sabha on Sunday. Another soldier died of his wounds on Monday."
    assert [e.fatalities for e in events(text, "2019-03-05")] == [3]
    ar = "قتل جنديان في كمين قرب سبها يوم الأحد. وتوفي جندي آخر متأثرا بجراحه يوم الاثنين."
    assert [e.fatalities for e in events(ar, "2019-03-05")] == [3]


def test_each_dated_conjunct_keeps_its_own_toll():
    ar = ("سقطت قذائف على أبو سليم يوم الجمعة ما أدى إلى مقتل ثلاثة مدنيين، وفي اليوم التالي قتلت غارة جوية خمسة "
          "مقاتلين في تاجوراء.")
    assert sorted((e.place_id, e.fatalities) for e in events(ar, "2019-05-06")) == [
        ("gn:2210394", 5), ("ly:tripoli-abu-salim", 3)]
    text = ("Shelling hit Abu Salim on Friday, killing three civilians, and a day later an airstrike on Tajoura killed "
            "five fighters.")
    assert sorted((e.place_id, e.fatalities) for e in events(text, "2019-05-06")) == [
        ("gn:2210394", 5), ("ly:tripoli-abu-salim", 3)]


@pytest.mark.parametrize("text", [
    "The Radaa force released three journalists it had detained in Tripoli.",
    "أطلقت قوة الردع سراح ثلاثة صحفيين كانت احتجزتهم في طرابلس.",
    "Gunmen who had kidnapped two engineers in Ghat released them on Monday.",
])
def test_a_release_and_the_detention_before_it_are_no_new_event(text):
    assert events(text, "2021-03-10") == []


def test_a_detention_told_as_news_is_an_arrest():
    assert one("The Radaa force detained three journalists in Tripoli.", "2021-03-10").sub_event_type == "Arrests"


@pytest.mark.parametrize("text", [
    "هاجم مسلحون مجهولون مصرفا في الكفرة وسرقوا مبالغ مالية.",
    "Gunmen attacked a bank in Kufra and stole money.",
])
def test_an_attack_on_a_bank_is_violence_against_civilians(text):
    assert one(text, "2021-03-10").event_type == VAC


@pytest.mark.parametrize("text", [
    "Youths threw stones at police in Zawiya on 3 March 2021.",
    "رشق شبان الشرطة بالحجارة في الزاوية في 3 مارس 2021.",
])
def test_throwing_stones_is_a_riot(text):
    e = one(text, None)
    assert (e.event_type, e.actor1) == ("Riots", "Rioters")


def test_bursts_of_gunfire_and_rocket_salvos_are_no_riot():
    assert not [e for e in events("أطلق مسلحون رشقات نارية في الهواء في الزاوية.") if e.event_type == "Riots"]
    assert not [e for e in events("سقطت رشقة صاروخية على طرابلس.") if e.event_type == "Riots"]


def test_migrants_held_and_beaten_by_traffickers_suffer_violence():
    text = "Hundreds of migrants were held in a warehouse in Bani Walid and beaten by traffickers on 23 May 2018."
    assert one(text, None).event_type == VAC


@pytest.mark.parametrize("text", [
    "تجمع العشرات أمام مقر البلدية في درنة للمطالبة بالمحاسبة.",
    "تجمهر عشرات الشبان أمام مديرية الأمن في سبها.",
])
def test_a_crowd_gathered_is_a_protest(text):
    assert one(text, "2023-09-18").event_type == "Protests"


@pytest.mark.parametrize("text", [
    "تجمع المئات في ميدان الشهداء بطرابلس احتفالا بذكرى الثورة.",
    "Thousands rallied in Benghazi to celebrate the anniversary of the revolution.",
])
def test_a_celebration_is_no_protest(text):
    assert events(text, "2023-02-17") == []


def test_a_protest_that_also_celebrates_stays_a_protest():
    text = "Thousands rallied in Benghazi to protest against the government and celebrate the revolution."
    assert one(text, "2023-02-17").event_type == "Protests"


@pytest.mark.parametrize("text", [
    "اندلعت اشتباكات في الزاوية يوم الأربعاء أسفرت عن مقتل ثمانية أشخاص. وفي آخر حصيلة، قتل 12 شخصا في المعارك.",
    "Clashes in Zawiya on Wednesday killed eight people. In the latest toll, 12 people were killed in the fighting.",
])
def test_a_later_toll_replaces_and_does_not_add(text):
    assert [e.fatalities for e in events(text, "2021-05-07")] == [12]


# --------------------------------------------------------------------------- titles


@pytest.mark.parametrize(("text", "date", "want"), [
    ("Eight killed in Sabha clashes\n\nEight people were killed on Saturday in clashes between tribesmen in Sabha, "
     "a doctor said.", "2012-03-26", [("Battles", "Sabha", "2012-03-24", 8)]),
    ("مقتل ثلاثة في اشتباكات بمدينة غريان\n\nقُتل ثلاثة أشخاص في اشتباكات اندلعت مساء أمس الأحد بين مجموعتين مسلحتين "
     "في مدينة غريان، بحسب مصدر طبي.", "2021-05-10", [("Battles", "غريان", "2021-05-09", 3)]),
    # the title's toll completes a body that gives none
    ("Two dead in rocket strike on Tripoli district\n\nA rocket hit a house in the Abu Salim district of Tripoli "
     "on Sunday, medics said.", "2018-03-12", [("Explosions/Remote violence", "Abu Salim", "2018-03-11", 2)]),
])
def test_a_title_sums_up_the_body_event_and_is_no_event_of_its_own(text, date, want):
    evs = events(text, date)
    assert [(e.event_type, e.location, e.event_date, e.fatalities) for e in evs] == want


def test_a_title_about_another_place_is_kept():
    evs = events("Protest in Benghazi\n\nGunmen kidnapped a judge in Derna on Thursday.", "2014-01-30")
    assert {(e.event_type, e.location) for e in evs} == {("Protests", "Benghazi"),
                                                          ("Violence against civilians", "Derna")}


def test_only_a_short_unpunctuated_first_line_followed_by_text_is_a_title():
    from geo.text.structure import split_sentences
    s = split_sentences("Eight killed in Sabha clashes\n\nEight people were killed on Saturday in Sabha.")
    assert [x.is_title for x in s] == [True, False]
    s = split_sentences("Eight people were killed on Saturday in Sabha.\n\nThe clashes went on.")
    assert not any(x.is_title for x in s)
    assert not split_sentences("Eight killed in Sabha clashes")[0].is_title  # a line alone is the whole text


# --------------------------------------------------------------------------- what did not happen


@pytest.mark.parametrize(("text", "date"), [
    ("Rebels in Misrata said there were no NATO air strikes on Thursday.", "2011-06-10"),
    ("لم تشن طائرات الناتو أي غارات على مصراتة يوم الخميس.", "2011-06-10"),
    # asked for, not done
    ("The army called on all armed groups in Tripoli to cease fire on Friday.", "2013-11-17"),
    ("Activists called for mass protests in Bayda on Thursday.", "2011-02-17"),
    ("دعا ناشطون عبر فيسبوك إلى خروج مظاهرات حاشدة في مدينة البيضاء اليوم.", "2011-02-17"),
    # what an offensive is for
    ("أطلقت قوات الجيش الوطني الليبي اليوم عملية عسكرية قالت إنها تهدف إلى تحرير مدينة درنة.", "2016-05-08"),
    ("The army launched an operation on Sunday aimed at retaking Derna.", "2016-05-08"),
])
def test_negated_called_for_and_intended_events_are_none(text, date):
    assert events(text, date) == []


@pytest.mark.parametrize(("text", "date"), [
    ("تظاهر مئات الشبان في مدينة بنغازي اليوم احتجاجا على انقطاع الكهرباء في المناطق الخاضعة لسيطرة الحكومة.", "2020-09-14"),
    ("Hundreds protested in Benghazi on Monday over power cuts in areas under the control of the government.", "2020-09-14"),
])
def test_who_holds_an_area_is_no_change_of_control(text, date):
    assert [e.event_type for e in events(text, date)] == ["Protests"]


@pytest.mark.parametrize(("text", "date", "day"), [
    ("قتل جنديان في اشتباكات في مدينة بنغازي أمس السبت. وقامت وحدات من الجيش بدوريات في المدينة اليوم بعد تلك الاشتباكات.",
     "2013-06-16", "2013-06-15"),
    ("Two soldiers were killed in clashes in Benghazi on Saturday. Army units patrolled the city on Sunday after "
     "those clashes.", "2013-06-16", "2013-06-15"),
])
def test_after_those_clashes_refers_back_and_is_no_new_event(text, date, day):
    assert [(e.event_type, e.event_date, e.fatalities) for e in events(text, date)] == [("Battles", day, 2)]


@pytest.mark.parametrize("text", [
    "قتل ستة جنود في اشتباكات بين القوات الخاصة ومحتجين مسلحين أمام معسكر في مدينة بنغازي أمس السبت.",
    "Six soldiers were killed on Saturday in clashes between the army and armed protesters outside a base in Benghazi.",
])
def test_armed_protesters_fighting_a_force_is_a_battle(text):
    ev = one(text, "2013-06-16")
    assert (ev.event_type, ev.event_date, ev.fatalities) == ("Battles", "2013-06-15", 6)
    assert "Protesters" not in (ev.actor1, ev.actor2)


@pytest.mark.parametrize(("text", "date"), [
    ("On Thursday, protesters in Misrata tore down a statue of Gaddafi.", "2011-02-24"),
    ("Protesters broke into the parliament in Tobruk and set a fire in front of the building on Friday.", "2022-07-02"),
    ("حطم متظاهرون تمثالا للقذافي في مصراتة يوم الخميس.", "2011-02-24"),
])
def test_protesters_who_break_in_tear_down_or_set_fires_riot(text, date):
    assert [(e.event_type, e.actor1) for e in events(text, date)] == [("Riots", "Rioters")]


@pytest.mark.parametrize(("text", "date", "actor"), [
    ("The town of Zintan faced heavy shelling from Gaddafi forces on Monday.", "2011-03-21", "Gaddafi loyalist forces"),
    ("قتل 31 شخصا معظمهم من الثوار في قصف عنيف من كتائب القذافي على مدينة مصراتة اليوم.", "2011-06-11",
     "Gaddafi loyalist forces"),
    ("Isis fighters attacked a checkpoint near Brega on Monday, killing three guards.", "2016-01-04", "Islamic State"),
])
def test_the_blow_comes_from_the_actor_after_from_and_isis_is_islamic_state(text, date, actor):
    assert one(text, date).actor1 == actor


@pytest.mark.parametrize(("text", "place"), [
    ("شهدت مدينة صبراتة التي تبعد 70 كلم عن العاصمة طرابلس اليوم اشتباكات عنيفة بين الثوار وكتائب القذافي.", "صبراتة"),
    ("Heavy clashes broke out today in Sabratha, some 70 km from Tripoli.", "Sabratha"),
])
def test_the_anchor_of_a_distance_is_not_the_events_place(text, place):
    assert [e.location for e in events(text, "2011-06-12")] == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("تجددت الاشتباكات في حي المنشية بمدينة سبها صباح اليوم. وقال المتحدث باسم مركز سبها الطبي إن قتيلين و11 جريحا "
     "وصلوا إلى المستشفى إثر تجدد القتال.", "حي المنشية"),
    ("Clashes resumed in the Manshiya district of Sabha this morning. A spokesman for the Sabha Medical Centre said two "
     "dead and 11 wounded had arrived at the hospital after the renewed fighting.", "Manshiya"),
])
def test_the_speakers_hospital_and_where_the_wounded_went_are_no_second_event(text, place):
    assert [(e.location, e.fatalities, e.injuries) for e in events(text, "2016-11-20")] == [(place, 2, 11)]


@pytest.mark.parametrize(("text", "date", "want"), [
    # the report's day (a source "said on Monday") against the day the text gives the event
    ("An air strike on the southern town of Ubari killed at least 9 people, a local official said on Monday. "
     "The LNA confirmed a strike late on Sunday on Ubari but denied hitting civilians.", "2019-08-05",
     [("Explosions/Remote violence", "2019-08-04", "LNA", 9)]),
    ("Nine people were killed in an air strike on Ubari. The LNA confirmed it carried out a strike on Ubari late on "
     "Sunday.", "2019-08-05", [("Explosions/Remote violence", "2019-08-04", "LNA", 9)]),
    ("قتل تسعة أشخاص في غارة جوية على مدينة أوباري. وأكد الجيش الوطني أنه شن غارة على أوباري مساء الأحد.",
     "2019-08-05", [("Explosions/Remote violence", "2019-08-04", "LNA", 9)]),
])
def test_an_event_dated_only_by_the_report_is_the_one_the_text_dates(text, date, want):
    assert [(e.event_type, e.event_date, e.actor1, e.fatalities) for e in events(text, date)] == want


def test_a_statements_day_in_its_frame_is_not_the_events_day():
    ev = one("قال مجلس بلدية غريان في بيان اليوم إن طائرة مسيرة استهدفت مقرا تابعا له في وسط المدينة أمس الأحد.",
             "2019-12-02")
    assert (ev.event_type, ev.event_date) == ("Explosions/Remote violence", "2019-12-01")
    ev = one("The Gharyan council said in a statement on Monday that a drone struck its headquarters on Sunday.",
             "2019-12-02")
    assert (ev.event_type, ev.event_date) == ("Explosions/Remote violence", "2019-12-01")


@pytest.mark.parametrize(("text", "date", "want"), [
    ("Fighting in a restive city in southern Libya killed 20 people, officials said. The clashes pitted two tribes "
     "against each other in the city of Ubari.", "2014-01-12", [("Battles", "Ubari", 20)]),
    ("قتل 20 شخصا في اشتباكات بمدينة في جنوب ليبيا. ودارت الاشتباكات بين قبيلتين في مدينة أوباري.", "2014-01-12",
     [("Battles", "أوباري", 20)]),
    # the event told first, then where it took place
    ("Twelve migrants were shot dead in a western Libyan town on Wednesday. Witnesses said the shooting took place in "
     "Gharyan after a dispute with smugglers.", "2016-04-28", [("Violence against civilians", "Gharyan", 12)]),
    ("قتل 12 مهاجرا رميا بالرصاص في بلدة غرب ليبيا يوم الأربعاء. وقال شهود إن الهجوم وقع في غريان إثر خلاف مع مهربين.",
     "2016-04-28", [("Violence against civilians", "غريان", 12)]),
])
def test_an_event_told_of_a_region_or_no_place_is_the_one_placed_in_its_town(text, date, want):
    assert [(e.event_type, e.location, e.fatalities) for e in events(text, date)] == want


@pytest.mark.parametrize("text", [
    "أعلنت وزارة الصحة في حكومة الوحدة الوطنية مقتل شخصين في اشتباكات بين مجموعتين مسلحتين في مدينة الزاوية أمس السبت.",
    "The health ministry of the Government of National Unity said two people were killed in clashes between two armed "
    "groups in Zawiya on Saturday.",
])
def test_the_government_of_a_reporting_ministry_is_no_side(text):
    ev = one(text, "2023-05-28")
    assert (ev.event_type, ev.event_date, ev.fatalities) == ("Battles", "2023-05-27", 2)
    assert ev.actor1 != "GNU forces" and ev.actor2 != "GNU forces"


@pytest.mark.parametrize("text", [
    "قصفت قوات غرفة عمليات محاربة داعش مواقع في صبراتة اليوم.",
    "Forces of the anti-IS operations room shelled positions in Sabratha on Tuesday.",
])
def test_a_force_named_after_the_enemy_it_fights_is_not_that_enemy(text):
    assert one(text, "2016-03-01").actor1 != "Islamic State"


@pytest.mark.parametrize(("text", "date", "et", "day"), [
    ("شنّت طائرات حربية موالية للقذافي غارتين جويتين على مدينة البريقة اليوم.", "2011-03-08",
     "Explosions/Remote violence", "2011-03-08"),
    ("سقط في مدينة أوباري أمس السبت قتيلان جراء رماية كثيفة بين الطوارق والتبو.", "2015-09-20", "Battles", "2015-09-19"),
    ("NTC forces swept into Sirte on Saturday but drew heavy fire from Gaddafi loyalists.", "2011-10-08", "Battles",
     "2011-10-08"),
])
def test_two_air_strikes_an_exchange_of_fire_and_sweeping_into_a_town(text, date, et, day):
    ev = one(text, date)
    assert (ev.event_type, ev.event_date) == (et, day)


@pytest.mark.parametrize(("text", "day", "fat"), [
    ("(ABC News) September 12, 2012 - Gunmen killed the US ambassador in an attack on the consulate in Benghazi on "
     "Tuesday night.", "2012-09-11", 1),
    ("(رويترز) 12 سبتمبر 2012 - قتل السفير الأمريكي في هجوم على القنصلية في بنغازي مساء الثلاثاء.", "2012-09-11", 1),
])
def test_an_agency_dateline_dates_the_report_and_an_envoy_is_one_death(text, day, fat):
    ev = one(text, None)
    assert (ev.event_date, ev.fatalities) == (day, fat)


@pytest.mark.parametrize(("text", "want"), [
    ("NATO warplanes pummelled a town west of the capital Tripoli on Friday.", ["west of the capital"]),
    ("NATO warplanes pummelled targets in the capital Tripoli on Friday.", ["Tripoli"]),
])
def test_the_name_after_a_reference_word_is_one_place(text, want):
    assert [e.location for e in events(text, "2011-06-10")] == want


def test_a_journalist_who_counts_the_dead_is_no_side():
    ev = one("In Misrata, a Reuters journalist counted 10 bodies in a hospital following heavy shelling by Libyan "
             "troops on Friday.", "2011-06-10")
    assert (ev.event_type, ev.fatalities, ev.actor2) == ("Explosions/Remote violence", 10, "")
    ev = one("وفي مصراتة، أحصى صحفي عشر جثث في المستشفى بعد قصف عنيف من كتائب القذافي يوم الجمعة.", "2011-06-10")
    assert ev.actor2 != "Journalists"


@pytest.mark.parametrize(("text", "date", "day"), [
    ("Gaddafi's forces shelled Misrata on Friday. Donors pledged aid to the rebels on Thursday in Abu Dhabi. In Misrata, "
     "a doctor counted 10 bodies after heavy shelling of the port.", "2011-06-10", "2011-06-10"),
    ("قصفت كتائب القذافي مصراتة يوم الجمعة. وتعهد المانحون بتقديم مساعدات للثوار يوم الخميس في أبوظبي. وفي مصراتة أحصى "
     "طبيب عشر جثث بعد قصف عنيف للميناء.", "2011-06-10", "2011-06-10"),
])
def test_the_day_of_a_meeting_abroad_dates_nothing_in_libya_after_it(text, date, day):
    assert {e.event_date for e in events(text, date) if e.event_type == "Explosions/Remote violence"} == {day}


@pytest.mark.parametrize("text", [
    "Gaddafi forces shell Misrata, 10 killed\n\nForces loyal to Gaddafi shelled the town of Misrata on Friday, killing "
    "at least 10 people.",
    "مقتل 10 في قصف لكتائب القذافي على مصراتة\n\nقصفت كتائب القذافي مدينة مصراتة يوم الجمعة ما أسفر عن مقتل عشرة أشخاص.",
])
def test_a_violent_title_folds_into_the_bodys_violent_event_of_its_place(text):
    assert [(e.event_type, e.event_date, e.fatalities) for e in events(text, "2011-06-10")] == [
        ("Explosions/Remote violence", "2011-06-10", 10)]


@pytest.mark.parametrize(("text", "date", "day"), [
    ("More than 50 inmates escaped from a prison in Zliten on Saturday after overpowering the guards.", "2014-02-16",
     "2014-02-15"),
    ("فر أكثر من 50 سجينا من سجن في زليتن يوم السبت بعد التغلب على الحراس.", "2014-02-16", "2014-02-15"),
])
def test_a_prison_break_is_a_strategic_development(text, date, day):
    ev = one(text, date)
    assert (ev.event_type, ev.event_date) == ("Strategic developments", day)


def test_civilians_fleeing_are_no_prison_break():
    assert all(e.event_type != "Strategic developments" for e in events("Civilians fled the fighting in Sirte on Monday.",
                                                                          "2016-06-07"))


@pytest.mark.parametrize(("text", "date", "et", "fat"), [
    ("Three protestors were shot dead in Zawiya early this morning.", "2014-06-07", "Protests", 3),
    ("Armed men seized a Tunisian diplomat in Tripoli on Monday, the foreign ministry said.", "2016-03-02",
     "Violence against civilians", None),
    ("Gunmen seized two Italian technicians in Ghat on Saturday.", "2017-11-04", "Violence against civilians", None),
])
def test_protestors_and_people_seized(text, date, et, fat):
    ev = one(text, date)
    assert (ev.event_type, ev.fatalities) == (et, fat)


@pytest.mark.parametrize(("text", "date", "day"), [
    ("MISRATA, Libya, June 4 (Reuters) - Gunmen abducted two Egyptian workers in Bani Walid on Saturday, a local "
     "official said.", "2017-06-04", "2017-06-03"),
    ("BENGHAZI, Oct 12 (Reuters) - Gunmen kidnapped three Turkish engineers in Kufra on Thursday.", "2019-10-12",
     "2019-10-10"),
])
def test_a_dateline_without_its_year_is_still_the_report_date(text, date, day):
    assert one(text, date).event_date == day


@pytest.mark.parametrize("text", [
    "أقفلت مجموعة من المواطنين حقل الشرارة النفطي أمس السبت، مطالبين بتسليم السلطة لحكومة الاستقرار.",
    "Residents of Ubari shut down the Sharara oil field on Saturday, demanding jobs and development.",
])
def test_people_who_close_a_field_to_press_a_demand_protest(text):
    assert [(e.event_type, e.actor1, e.event_date) for e in events(text, "2022-04-17")] == [
        ("Protests", "Protesters", "2022-04-16")]


@pytest.mark.parametrize("text", [
    "قتل مسلحون مجهولون ضابطاً في الشرطة اليوم في منطقة الهواري ببنغازي.\nوتعرض عسكريون ونشطاء وإعلاميون لحوادث اغتيال "
    "مماثلة في المدينة أسفرت عن مقتل أكثر من 70 شخصاً.",
    "Gunmen killed a police officer in Benghazi's Hawari district on Tuesday. Dozens of soldiers and activists have "
    "died in similar attacks in the city.",
])
def test_similar_events_in_general_are_none_of_their_own(text):
    assert [e.fatalities for e in events(text, "2013-09-10")] == [1]


@pytest.mark.parametrize("text", [
    "قُتل ضابط في جهاز الأمن الداخلي اليوم في انفجار عبوة ناسفة ألصقت بسيارته في مدينة المرج.",
    "An officer of the Internal Security Agency was killed today when a bomb attached to his car exploded in Marj.",
])
def test_the_force_a_victim_belongs_to_is_the_target(text):
    ev = one(text, "2013-09-10")
    assert (ev.actor2, ev.fatalities) == ("Internal Security Agency", 1) and ev.actor1 != "Internal Security Agency"


@pytest.mark.parametrize(("text", "lang", "fat", "inj"), [
    ("وخسر الجيش خمسة من جنوده في المعارك.", "ar", 5, None),
    ("وقد فقد الجيش في هذه المعارك حتى الساعة الرابعة عصراً 8 عناصر وجرح 15 آخرون.", "ar", 8, 15),
])
def test_men_a_force_lost_are_counted_however_far_the_verb(text, lang, fat, inj):
    from geo.text.numbers import casualties
    c = casualties(text, lang)
    assert (c.fatalities, c.injuries) == (fat, inj)


@pytest.mark.parametrize("text", [
    "قتل 20 شخصاً مساء الأحد في قصف جوي على مرزق.\nوقال مسؤول محلي الإثنين إن حصيلة الغارة ارتفعت إلى 43 قتيلاً.",
    "Twenty people were killed in an air strike on Murzuq late on Sunday. A local official said on Monday that the toll "
    "from the strike had risen to 43.",
])
def test_a_toll_updated_on_the_day_it_was_said_updates_the_event(text):
    assert [(e.event_date, e.fatalities) for e in events(text, "2019-08-05")] == [("2019-08-04", 43)]


@pytest.mark.parametrize(("text", "place", "fat"), [
    ("قُتل 12 شخصاً أمس في غارة جوية على بلدة تازربو، شرقي البلاد.", "تازربو", 12),
    ("Twenty people were killed in shelling of Murzuq, southern Libya, on Sunday.", "Murzuq", 20),
])
def test_a_region_after_a_comma_locates_the_town_and_takes_no_share_of_its_toll(text, place, fat):
    assert [(e.location, e.fatalities) for e in events(text, "2019-08-05")] == [(place, fat)]


@pytest.mark.parametrize(("text", "place"), [
    ("Twenty people were killed in a car bombing in Benghazi. The blast struck the Sabri district on Tuesday evening.",
     "Sabri"),
    ("قتل 20 شخصا في تفجير سيارة مفخخة في بنغازي. ووقع الانفجار في حي الصابري مساء الثلاثاء.", "الصابري"),
])
def test_a_town_told_first_then_its_district_and_day_is_one_event(text, place):
    assert [(e.location, e.event_date, e.fatalities) for e in events(text, "2016-08-03")] == [(place, "2016-08-02", 20)]


@pytest.mark.parametrize("text", [
    "Six people were killed in clashes that erupted Sunday evening and continued to Monday morning in Gharyan after "
    "gunmen attacked a government building.",
    "قتل ستة أشخاص في اشتباكات اندلعت مساء الأحد واستمرت حتى صباح الاثنين في غريان بعد أن هاجم مسلحون مبنى حكوميا.",
])
def test_an_event_that_went_on_until_a_later_day_began_on_the_first(text):
    assert one(text, "2016-05-23").event_date == "2016-05-22"


def test_what_habitually_happens_because_of_fighting_is_no_event():
    evs = events("A mortar round hit a house in Ain Zara on Tuesday, wounding two children. Oil terminals in the region "
                 "regularly close because of armed groups fighting for control of them.", "2019-05-14")
    assert [e.event_type for e in evs] == ["Explosions/Remote violence"]


@pytest.mark.parametrize("text", [
    "The LNA is withdrawing from the districts of Ain Zara and Abu Salim, a military source said on Thursday.",
])
def test_withdrawing_from_districts_hands_each_over(text):
    assert [(e.event_type, e.location) for e in events(text, "2020-06-04")] == [
        ("Strategic developments", "Ain Zara"), ("Strategic developments", "Abu Salim")]


@pytest.mark.parametrize("text", [
    "LNA troops killed 12 Islamic State fighters near Zillah after an attack on Friday, a military source said on Saturday.",
    "قتلت قوات الجيش الوطني 12 من عناصر داعش قرب زلة بعد هجوم يوم الجمعة.",
])
def test_the_counted_dead_are_victims_not_agents(text):
    ev = one(text, "2018-11-26")
    assert (ev.actor1, ev.actor2, ev.fatalities) == ("LNA", "Islamic State", 12)


@pytest.mark.parametrize("text", [
    "Fighting broke out in Souq al-Juma this afternoon. Witnesses say at least three dead bodies arrived at Mitiga "
    "hospital this evening.",
    "اندلعت اشتباكات في سوق الجمعة بعد ظهر اليوم. وقال شهود إن ثلاث جثث على الأقل وصلت إلى مستشفى معيتيقة مساء اليوم.",
])
def test_bodies_brought_to_a_hospital_are_the_toll_of_the_event_before(text):
    assert [(e.event_type, e.fatalities) for e in events(text, "2016-05-10")] == [("Battles", 3)]


@pytest.mark.parametrize("text", [
    "Police arrested three men in Khoms on Monday and seized rifles, hand grenades and explosives from their car.",
    "ألقت الشرطة القبض على ثلاثة رجال في الخمس يوم الاثنين وضبطت بحوزتهم بنادق وقنابل يدوية ومتفجرات.",
])
def test_weapons_seized_in_an_arrest_are_no_attack_with_them(text):
    assert {e.event_type for e in events(text, "2017-04-11")} == {"Strategic developments"}


@pytest.mark.parametrize("text", [
    "On 19 May GNA forces peacefully entered the town of Badr after LNA units withdrew, with no reported clashes.",
    "في 19 مايو دخلت قوات الوفاق بلدة بدر سلميا بعد انسحاب وحدات الجيش الوطني.",
])
def test_a_town_entered_peacefully_changes_hands_without_a_battle(text):
    assert {e.event_type for e in events(text, "2020-05-20")} == {"Strategic developments"}


@pytest.mark.parametrize("text", [
    "Gunmen shot dead a shopkeeper in Sabha on Monday.",
    "أطلق مسلحون النار على صاحب متجر فأردوه قتيلا في سبها يوم الاثنين.",
])
def test_gunmen_killing_a_shopkeeper_is_violence_against_a_civilian(text):
    ev = one(text, "2021-03-10")
    assert (ev.event_type, ev.fatalities, ev.event_date) == ("Violence against civilians", 1, "2021-03-08")


@pytest.mark.parametrize(("text", "date", "want"), [
    ("A grenade was thrown at a shop in Zawiya on 24 November. Spontaneous demonstrations remain likely in the "
     "downtown areas of the capital.", "2012-11-27", ["Explosions/Remote violence"]),
    ("Two militias clashed in Tripoli on Friday night. It left at least one participant dead.", "2022-06-11",
     ["Battles"]),
])
def test_likely_protests_are_none_and_a_participants_death_is_a_toll(text, date, want):
    evs = events(text, date)
    assert [e.event_type for e in evs] == want
    if want == ["Battles"]:
        assert evs[0].fatalities == 1


@pytest.mark.parametrize(("text", "want"), [
    ("وخرجت احتجاجات مساء السبت في البيضاء وفي سبها وفي المرج.", ["البيضاء", "سبها", "المرج"]),
    ("Protests broke out on Saturday in Bayda, in Sabha and in Marj.", ["Bayda", "Sabha", "Marj"]),
])
def test_a_list_that_repeats_its_preposition_is_still_a_list(text, want):
    assert [e.location for e in events(text, "2020-09-14")] == want


def test_who_holds_a_part_of_the_country_is_no_capture_but_a_base_taken_is():
    evs = events("تظاهر المئات في بنغازي مساء السبت.\nويسيطر على شرق ليبيا وجزء كبير من جنوبها الجيش الوطني الليبي.",
                 "2020-09-14")
    assert [e.event_type for e in evs] == ["Protests"]
    assert one("قوات الوفاق تسيطر على قاعدة الوطية.", "2020-05-18").event_type == "Battles"


@pytest.mark.parametrize("text", [
    "The Olympic committee president was snatched from his car by gunmen in Tripoli on 15 July.",
    "اختطف مسلحون رئيس اللجنة الأولمبية من سيارته في طرابلس يوم 15 يوليو.",
])
def test_a_person_snatched_by_gunmen_is_abducted(text):
    ev = one(text, "2012-07-25")
    assert (ev.event_type, ev.event_date) == ("Violence against civilians", "2012-07-15")


@pytest.mark.parametrize("text", [
    "قالت وزارة الداخلية في بيان اليوم السبت، غداة إطلاق النار على مهاجرين في مركز احتجاز بطرابلس، إن التحقيق جار.",
    "The ministry said on Saturday, a day after guards opened fire on migrants at a detention centre in Tripoli, that an "
    "inquiry was under way.",
])
def test_what_a_day_came_after_is_of_the_day_before(text):
    ev = one(text, "2021-10-09")
    assert (ev.event_type, ev.event_date) == ("Violence against civilians", "2021-10-08")


@pytest.mark.parametrize("text", [
    "اندلعت مساء الاثنين اشتباكات بين قوة الردع واللواء 444 في طرابلس.\nودارت المعارك في منطقتي عين زارة وصلاح الدين.",
    "Clashes broke out on Monday evening between the Radaa force and the 444 Brigade in Tripoli.\nThe fighting raged in "
    "Ain Zara and Salah al-Din.",
])
def test_where_the_fighting_told_before_raged_keeps_its_sides(text):
    evs = events(text, "2023-08-15")
    assert len(evs) == 3 and {e.actor1 for e in evs} == {"Special Deterrence Force (Radaa)"}
    assert {e.event_date for e in evs} == {"2023-08-14"}


@pytest.mark.parametrize(("text", "want"), [
    ("Guards shot migrants at a detention centre in Tripoli on Friday.", [("Violence against civilians", "Migrants")]),
    ("أطلق حراس النار على مهاجرين في مركز احتجاز بطرابلس يوم الجمعة.", [("Violence against civilians", "Migrants")]),
    ("A policeman was shot in Benghazi on Friday.", []),  # the bare passive names no shooter: no police agent
])
def test_shooting_people_and_the_bare_passive(text, want):
    assert [(e.event_type, e.actor2) for e in events(text, "2021-10-09")] == want


@pytest.mark.parametrize(("text", "want"), [
    ("Protesters gathered in Zuwara on Sunday. On Monday, an airstrike hit the city.", "Zuwara"),
    ("تظاهر محتجون في زوارة يوم الأحد. وفي يوم الاثنين، استهدفت غارة جوية المدينة.", "زوارة"),
    ("Clashes broke out near the port of Sirte on Sunday. Militants also shelled the city.", "Sirte"),
])
def test_a_reference_word_is_located_by_the_name_it_refers_to(text, want):
    # "the city" is not a location an analyst can map or read: the event carries the name it stands for
    evs = events(text, "2016-05-23")
    assert evs and want in {e.location for e in evs}
    assert not {e.location for e in evs} & {"the city", "المدينة"}


@pytest.mark.parametrize(("text", "days"), [
    ("Residents demonstrated in Misrata on 20 and 21 July.", ["2012-07-20", "2012-07-21"]),
    ("تظاهر مئات المواطنين في مصراتة يومي 20 و21 يوليو.", ["2012-07-20", "2012-07-21"]),
    ("Clashes broke out in Zawiya on Sunday and Monday.", ["2012-07-22", "2012-07-23"]),
    ("اندلعت اشتباكات في الزاوية يومي الأحد والاثنين.", ["2012-07-22", "2012-07-23"]),
    ("Protesters rallied in Benghazi on 16–18 July.", ["2012-07-16", "2012-07-17", "2012-07-18"]),
    # a longer span is one event of its first day, and a range end is no list of days
    ("Protesters rallied in Benghazi from 4 to 10 July.", ["2012-07-04"]),
    ("Clashes erupted in Zawiya on Sunday evening and continued until Monday morning.", ["2012-07-22"]),
])
def test_an_event_told_of_a_few_days_is_one_event_per_day(text, days):
    evs = events(text, "2012-07-25")
    assert sorted(e.event_date for e in evs) == days
    assert len({e.id for e in evs}) == len(evs) and len({(e.event_type, e.location) for e in evs}) == 1


@pytest.mark.parametrize("text", [
    "GNA forces entered the Watiya air base on Monday. There was no recorded fighting at the base.",
    "دخلت قوات حكومة الوفاق قاعدة الوطية الجوية يوم الاثنين. ولم تسجل أي اشتباكات في القاعدة.",
    "GNA forces entered the Watiya air base on Monday. No clashes were reported.",
])
def test_a_capture_the_next_sentence_says_met_no_fight_is_no_battle(text):
    evs = events(text, "2020-05-20")
    assert [(e.event_type, e.sub_event_type) for e in evs] == [(SD, "Non-violent transfer of territory")]


@pytest.mark.parametrize("text", [
    "GNA forces entered the Watiya air base on Monday. Heavy fighting was reported there.",
    "دخلت قوات حكومة الوفاق قاعدة الوطية الجوية يوم الاثنين. ودارت اشتباكات عنيفة في القاعدة.",
])
def test_a_capture_with_fighting_told_after_it_stays_a_battle(text):
    assert {e.event_type for e in events(text, "2020-05-20")} == {"Battles"}


def test_the_places_taken_with_a_peaceful_entry_were_taken_peacefully_too():
    text = ("On 19 May, GNA forces peacefully entered the town of al-Asabiaa, while also entering the towns of "
            "Badr and Tiji.")
    evs = events(text, "2020-05-25")
    assert {e.location for e in evs} >= {"Badr", "Tiji"}
    assert {(e.event_type, e.sub_event_type) for e in evs} == {(SD, "Non-violent transfer of territory")}


@pytest.mark.parametrize("text", [
    "The troops withdrew after a barrage of aerial attacks by Turkish drones on the Watiya base on Monday.",
    "استهدفت هجمات جوية قاعدة الوطية يوم الاثنين.",
])
def test_aerial_attacks_are_air_strikes(text):
    assert "Air/drone strike" in {e.sub_event_type for e in events(text, "2020-05-20")}


@pytest.mark.parametrize("text", [
    "US forces said they killed eleven militants in an air strike near Murzuq. Tuesday's strike, which the military "
    "confirmed on Wednesday, was the second in a week.",
    "قالت القوات الأمريكية إنها قتلت 11 مسلحا في غارة جوية قرب مرزق. وكانت غارة الثلاثاء الثانية خلال أسبوع.",
])
def test_a_blow_named_by_its_day_dates_the_blow_told_before(text):
    evs = [e for e in events(text, "2019-09-25") if e.event_type == "Explosions/Remote violence"]
    assert [(round(e.latitude), e.event_date, e.time_precision) for e in evs] == [(26, "2019-09-24", 1)]  # Murzuq


def test_a_blow_named_by_its_day_after_a_dated_one_of_another_day_is_another_blow():
    text = ("An air strike hit Murzuq on 19 September. Tuesday's strike on Ubari killed four people.")
    assert sorted(e.event_date for e in events(text, "2019-09-25")) == ["2019-09-19", "2019-09-24"]


@pytest.mark.parametrize("text", [
    "An air strike killed four militants near Murzuq on Tuesday. The strike comes as rival factions have been locked "
    "in a battle around the capital Tripoli.",
    "قتل أربعة مسلحين في غارة جوية قرب مرزق يوم الثلاثاء. ويأتي ذلك في ظل اشتباكات متواصلة حول العاصمة طرابلس.",
])
def test_the_setting_a_sentence_comes_amid_is_no_event(text):
    evs = events(text, "2019-09-25")
    assert [e.event_type for e in evs] == ["Explosions/Remote violence"]


@pytest.mark.parametrize("text", [
    "Fighting raged in Murzuq on Tuesday as forces battled for the capital Tripoli, some 800 kilometres to the north.",
    "دارت اشتباكات في مرزق يوم الثلاثاء، فيما تتواصل المعارك في طرابلس التي تبعد نحو 800 كلم شمالا.",
])
def test_a_place_told_by_its_distance_is_no_event_place(text):
    assert {e.location for e in events(text, "2019-09-25")} <= {"Murzuq", "مرزق"}


def test_occasional_strikes_are_a_habit():
    assert events("The US, which has carried out occasional strikes in desert areas near Murzuq, said on Monday it "
                  "would go on.", "2019-09-25") == []


def test_a_sentence_that_names_its_own_blow_does_not_take_the_sections_air_strikes():
    text = ("استهدفت غارة جوية منزلا في أوباري يوم السبت. وقال مسؤول عسكري إن جنديا جرح إثر هجوم انتحاري استهدف بوابة "
            "أمنية في أجدابيا يوم الجمعة.")
    assert sorted((e.sub_event_type, e.event_date) for e in events(text, "2018-03-25")) == [
        ("Air/drone strike", "2018-03-24"), ("Suicide bomb", "2018-03-23")]


@pytest.mark.parametrize("text", [
    "An air strike hit a house in Ubari on Saturday. This is the first time that warplanes have struck the town.",
    "استهدفت غارة جوية منزلا في أوباري يوم السبت. وهذه هي المرة الأولى التي يستهدف فيها طيران حربي بلدة أوباري.",
])
def test_what_an_event_was_the_first_of_is_no_second_event(text):
    assert len(events(text, "2018-03-25")) == 1


def test_the_strike_named_again_with_the_article_is_the_one_told():
    text = ("استهدفت غارة جوية منزلا في أوباري يوم السبت وأسفرت عن مقتل شخصين. وقال المصدر إن الغارة أسفرت عن سقوط "
            "عدد من الجرحى.")
    assert len(events(text, "2018-03-25")) == 1


def test_blows_told_as_recurring_are_a_habit():
    text = "وتشهد ليبيا هجمات دامية متواترة البعض منها يستهدف مقرات أمنية في بنغازي."
    assert events(text, "2018-03-25") == []


@pytest.mark.parametrize(("text", "want"), [
    ("وقتل ثلاثة جنود في 21 فبراير الماضي في تفجير سيارة مفخخة في ودان.", ["2018-02-21"]),
    # a day of a year before is background all the same
    ("وقتل ثلاثة جنود في 21 فبراير 2017 في تفجير سيارة مفخخة في ودان.", []),
])
def test_a_day_of_last_month_or_the_one_before_is_news(text, want):
    assert sorted({e.event_date for e in events(text, "2018-03-25")}) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Protests broke out on Saturday in Bayda, the former seat of government, and in Sabha in the south.",
     {"Bayda", "Sabha"}),
    ("وقال شهود إن الاحتجاجات اندلعت مساء السبت في البيضاء، المقر السابق للحكومة، وفي سبها في الجنوب.",
     {"البيضاء", "سبها"}),
])
def test_a_list_of_places_goes_on_past_an_apposition(text, want):
    assert {e.location for e in events(text, "2020-09-13") if e.event_type == "Protests"} == want


@pytest.mark.parametrize("text", [
    "Rebels took Brega on Saturday after Gaddafi forces withdrew from the town.",
    "سيطر الثوار على مدينة البريقة يوم السبت بعدما انسحبت منها كتائب القذافي.",
])
def test_a_place_taken_after_the_other_side_withdrew_is_one_non_violent_transfer(text):
    assert [(e.event_type, e.sub_event_type) for e in events(text, "2011-03-27")] == [
        (SD, "Non-violent transfer of territory")]


def test_a_place_taken_after_fighting_stays_a_battle():
    assert [e.event_type for e in events("Rebels took Brega on Saturday after fierce fighting.", "2011-03-27")] == [
        "Battles"]


def test_repelling_an_incursion_is_a_battle():
    text = "تصدى الثوار يوم السبت لمحاولات كتائب القذافي التوغل داخل مدينة مصراتة."
    assert [e.event_type for e in events(text, "2011-03-27")] == ["Battles"]


@pytest.mark.parametrize(("text", "want"), [
    ("تظاهر المئات يوم الجمعة أمام مقر إحدى الكتائب المسلحة التابعة لمدينة مصراتة في منطقة غرغور.", "منطقة غرغور"),
    ("Hundreds protested on Friday outside the base of a brigade belonging to the city of Misrata in Gharghour.",
     "Gharghour"),
])
def test_the_town_an_armed_group_belongs_to_is_not_where_the_event_is(text, want):
    assert [e.location for e in events(text, "2013-11-16")] == [want]


@pytest.mark.parametrize("text", [
    "A car bomb exploded at a checkpoint in Derna on Monday. No one has claimed responsibility for the attack.",
    "انفجرت سيارة مفخخة عند بوابة في درنة يوم الاثنين. ونفى الجيش مسؤوليته عن الهجوم.",
    "Shelling hit Yafrin on Monday. Residents who fled the fighting said food was short.",
    "سقطت قذائف على يفرن يوم الاثنين. وقال سكان نزحوا هربا من القتال إن الطعام شحيح.",
])
def test_the_event_a_sentence_disowns_or_flees_is_the_one_told(text):
    assert len(events(text, "2017-10-31")) == 1


@pytest.mark.parametrize("text", [
    "Fierce clashes broke out in Abu Salim on Monday between two militias. Residents said the sound of explosions "
    "spread across the area.",
    "اندلعت اشتباكات عنيفة في أبو سليم يوم الاثنين بين مجموعتين مسلحتين. وقال سكان إن دوي انفجارات سمع في المنطقة.",
])
def test_bare_blasts_told_after_a_battle_are_the_battles_own(text):
    assert [e.event_type for e in events(text, "2017-02-23")] == ["Battles"]


def test_a_blast_at_another_town_after_a_battle_is_an_event_of_its_own():
    text = "Fierce clashes broke out in Abu Salim on Monday. An explosion hit Misrata on Monday."
    assert sorted(e.event_type for e in events(text, "2017-02-23")) == ["Battles", "Explosions/Remote violence"]


@pytest.mark.parametrize("text", [
    "Fierce clashes broke out in Tripoli's Abu Salim district on Monday. The reasons behind the clashes in Tripoli "
    "are not clear.",
])
def test_the_clashes_named_again_at_the_town_are_the_ones_told_at_its_district(text):
    assert len(events(text, "2017-02-23")) == 1


@pytest.mark.parametrize("text", [
    "وقتل ثلاثة جنود في اعتداء بسيارة مفخخة في ودان يوم الأربعاء.",
    "Three soldiers were killed in an assault with a car bomb in Waddan on Wednesday.",
])
def test_an_assault_with_a_car_bomb_is_one_bombing(text):
    evs = events(text, "2018-02-22")
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Remote explosive/landmine/IED", 3)]


@pytest.mark.parametrize(("text", "town"), [
    ("Fighting broke out today in the town of Tarhouna, 80 kilometres south east of Tripoli.", "Tarhouna"),
    ("Fighting broke out today in the town of Tarhouna, 80 kilometres south-east of Tripoli.", "Tarhouna"),
    ("An attack hit a checkpoint in Taraghin, 600 miles south of Tripoli, on Monday.", "Taraghin"),
])
def test_a_place_measured_from_another_is_the_event_place(text, town):
    assert [e.location for e in events(text, "2016-01-22")] == [town]


@pytest.mark.parametrize(("text", "name"), [
    ("Fighting broke out in Tarhouna between the pro-Islamist Al-Kani brigade and local families.", "Al-Kani Brigade"),
    ("The Faris battalion stormed a house in Kufra.", "Faris Battalion"),
])
def test_a_named_unit_with_its_head_in_lower_case(text, name):
    assert name in {a.name for a in find_actors(text, "en")}


@pytest.mark.parametrize("text", [
    "The local militia withdrew.", "A faction of the Islamist-leaning militia withdrew.", "The Libyan militia withdrew.",
])
def test_a_lower_case_unit_needs_a_name(text):
    assert not find_actors(text, "en")


def test_a_dateline_in_brackets_below_the_lead_is_the_reports_day():
    text = ("A couple was killed in Murzuq in another spate of violence.\n\n[Libya, 8 August 2019] – The murder of the "
            "family took place on Wednesday morning in Murzuq.")
    assert {e.event_date for e in events(text, "2019-08-08")} == {"2019-08-07"}
    assert dateline("[Libya, 8 August 2019] – The murder took place on Wednesday.", "en").date == dt.date(2019, 8, 8)


@pytest.mark.parametrize(("text", "want"), [
    ("GNA forces on Monday retook control of al-Ajaylat, al-Jamil and Riqdalin.", {"Ajaylat", "Jamil", "Riqdalin"}),
    ("سيطرت قوات الوفاق يوم الاثنين على العجيلات والجميل ورقدالين.", {"العجيلات", "الجميل", "رقدالين"}),
])
def test_a_town_listed_beside_a_village_it_holds_is_a_place_of_the_event_too(text, want):
    assert {e.location for e in events(text, "2020-04-14")} == want


def test_a_fire_exchange_is_a_clash():
    text = "An armed group tried on Sunday to enter Surman, which triggered a fire exchange with the revolutionaries."
    assert [e.event_type for e in events(text, "2015-08-24")] == ["Battles"]


@pytest.mark.parametrize("text", [
    "قتل 15 جنديا في هجوم على نقطة تفتيش على الطريق الرابط بين مدينتي « ترهونة » و« بني وليد » يوم السبت.",
    "Gunmen killed 15 soldiers at a checkpoint on the road linking the towns of Tarhuna and Bani Walid on Saturday.",
])
def test_an_event_on_the_road_linking_two_towns_is_one_event(text):
    evs = events(text, "2013-10-06")
    assert [(e.fatalities, e.geo_precision) for e in evs] == [(15, 2)]


@pytest.mark.parametrize(("text", "name"), [
    ("قتل جنديان في هجوم على نقطة تفتيش في منطقة « وشتاتة » يوم السبت.", "وشتاتة"),
    ("قصف طيران مجهول منزلا في منطقة قصر الجديري بمدينة صبراتة يوم الجمعة.", "قصر الجديري"),
])
def test_an_unknown_name_after_a_cue_is_recorded_whole(text, name):
    r = extract_result(text, date="2016-02-20")
    assert name in {m.text for m in r.mentions if m.status == "unresolved"}


@pytest.mark.parametrize(("text", "want"), [
    ("Clashes erupted in Benghazi on Monday. Extremists linked to the attack on the US Consulate remain the greatest "
     "threat.", ["Battles"]),
    ("Clashes erupted in Benghazi on Monday. Police arrested a man suspected of involvement in the bombing of a church.",
     ["Battles", SD]),
    ("اندلعت اشتباكات في بنغازي يوم الاثنين. واعتقلت الشرطة رجلا متورطا في تفجير كنيسة.", ["Battles", SD]),
])
def test_the_past_act_a_person_is_linked_to_is_no_event(text, want):
    assert [e.event_type for e in events(text, "2013-03-05")] == want


@pytest.mark.parametrize(("text", "town"), [
    ("Nineteen soldiers were murdered in southern Libya early this morning. A group of militants arrived at a building "
     "at Sukna, west of Hun, before dawn.\nThey then opened fire on the checkpoint.", "Sukna"),
    ("قتل 19 جنديا في جنوب ليبيا فجر اليوم. ووصلت مجموعة من المسلحين إلى مبنى في بلدة سوكنة قبل الفجر.\nثم أطلقوا "
     "النار على البوابة.", "سوكنة"),
])
def test_a_regions_event_is_at_the_one_town_of_it_the_next_sentence_names(text, town):
    evs = events(text, "2015-01-02")
    assert evs and {e.location for e in evs} == {town}


def test_where_the_soldiers_of_a_regions_event_came_from_is_not_its_place():
    text = ("Nineteen soldiers were murdered in southern Libya early this morning. The battalion is from nearby Brak "
            "al-Shati.")
    assert {e.location for e in events(text, "2015-01-02")} == {"southern Libya"}


@pytest.mark.parametrize("text", [
    "أعلنت وزارة الدفاع اليوم الأربعاء نشر قواتها في زوارة لفض النزاع.",
    "وانتشرت قوات الجيش في زوارة يوم الأربعاء.",
    "The defence ministry deployed troops in Zuwara on Wednesday.",
])
def test_forces_deployed_are_a_strategic_development(text):
    assert [(e.event_type, e.sub_event_type) for e in events(text, "2012-04-04")] == [(SD, "Change to group/activity")]


def test_a_report_published_is_no_deployment():
    assert events("ونشر موقع الوطن تقريرا عن زوارة يوم الأربعاء.", "2012-04-04") == []


def test_a_dateline_a_day_before_the_page_dates_today():
    text = "طرابلس 18 مايو 2017 / قتل 80 عسكريا في هجوم على القاعدة الجوية في براك الشاطئ اليوم (الخميس)."
    assert {e.event_date for e in events(text, "2017-05-19")} == {"2017-05-18"}


@pytest.mark.parametrize("text", [
    "قتل 20 شخصا مساء الأحد 4 أغسطس 2019 جراء قصف جوي على مرزق. وقال مسؤول محلي الإثنين 5 أغسطس 2019 إن ضربة جوية "
    "على مرزق أسفرت عن مقتل 43 شخصا.",
    "Twenty people were killed on Sunday 4 August 2019 in an air strike on Murzuq. A local official said on Monday 5 "
    "August 2019 that an air strike on Murzuq had killed 43 people.",
])
def test_a_strike_told_again_on_the_day_of_the_report_is_the_strike_of_the_day_before(text):
    evs = events(text, "2019-08-05")
    assert [(e.event_date, e.fatalities) for e in evs] == [("2019-08-04", 43)]


def test_a_town_told_by_how_far_it_lies_from_another_is_the_event_place():
    text = "هاجم مسلحون بوابة مدينة أوجلة التي تبعد 160 كلم عن جنوب أجدابيا اليوم."
    assert [e.location for e in events(text, "2018-05-22")] == ["أوجلة"]


def test_an_attack_coinciding_with_another_is_an_event_of_its_own():
    text = ("قتل جنديان في تفجير انتحاري استهدف بوابة في أجدابيا اليوم. وجاء التفجير بالتزامن مع هجوم آخر على بوابة "
            "مدينة أوجلة.")
    assert {e.location for e in events(text, "2018-05-22")} >= {"أوجلة"}


@pytest.mark.parametrize(("text", "want"), [
    ("On Wednesday, ISIS targeted a patrol in Qatroun, killing 4 army men.", "Battles"),
    ("Gunmen killed two policemen in Sabha on Monday.", "Battles"),
    ("قتل مسلحون ثلاثة من رجال الأمن في سبها يوم الاثنين.", "Battles"),
    ("Gunmen killed two civilians in Sabha on Monday.", VAC),
])
def test_armed_men_of_the_state_killed_are_a_battle(text, want):
    assert [e.event_type for e in events(text, "2022-01-29")] == [want]


@pytest.mark.parametrize(("text", "n"), [
    ("The group threatened to organize a sit-in inside the Sharara field if the NOC did not act by Thursday.", 0),
    ("Protesters threatened to storm the field, and on Thursday they blocked the road to Sharara.", 1),
])
def test_an_act_threatened_a_few_words_on_is_not_yet_an_event(text, n):
    assert len(events(text, "2017-10-08")) == n


def test_a_xinhua_dateline_with_the_first_of_the_month_dates_the_report():
    text = "طرابلس أول يونيو 2020 (شينخوا) استعادت قوات الجيش الوطني الليبي اليوم (الإثنين) بلدة الأصابعة."
    assert dateline(text, "ar").date == dt.date(2020, 6, 1)
    assert {e.event_date for e in events(text, "2020-06-02")} == {"2020-06-01"}
    assert resolve_date("في أول يونيو 2020", dt.date(2020, 6, 2)).date == dt.date(2020, 6, 1)


def test_a_direction_right_after_a_district_says_where_it_is():
    # «حي الفرسان شرقي بلدة أوباري»: the district (a row inside Ubari) is the place; "east of Ubari" describes it
    text = "استهدفت غارة جوية منزلا في حي الفرسان شرقي بلدة أوباري يوم السبت."
    assert [e.location for e in events(text, "2018-03-25")] == ["حي الفرسان"]


def test_a_date_line_below_the_title_is_the_publication_day_again():
    text = ("Jailbreak in Libya, 54 detainees escape\nBy AP - Feb 02,2014 - Last updated at Feb 02,2014\n"
            "A security official says that 54 detainees have escaped from a prison in Tripoli.")
    evs = events(text, "2014-02-02")
    assert evs and all(e.date_note.startswith("document date") for e in evs)
    assert resolve_date("By AP - Feb 02,2014 - Last updated", None, "en").date == dt.date(2014, 2, 2)


def test_a_blow_named_by_its_weekday_after_the_article_dates_the_one_told():
    text = ("US forces said they killed eleven militants in an air strike near Murzuq. The military confirmed the "
            "Tuesday strike in a statement.")
    evs = [e for e in events(text, "2019-09-25") if e.event_type == "Explosions/Remote violence"]
    assert [e.event_date for e in evs] == ["2019-09-24"]


def test_a_sentence_of_air_strikes_keeps_its_weak_words_at_their_own_places():
    text = ("وقال الجيش في بيان إن سلاح الجو استهدف عدة مواقع حول مدينة مرزق. وأضاف البيان: \"اليوم نفذت عدة ضربات "
            "جوية... استهداف بوابة في سبها وتم تدمير العربات.. استهداف تجمع من العربات شرق مدينة غريان\".")
    places = {e.place_name_en for e in events(text, "2019-08-05")}
    assert {"Sabha", "Gharyan"} <= places
