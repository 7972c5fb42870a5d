"""Tests of geo.text.numbers: number words, casualties, counted things."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.text.numbers import casualties, counted_noun, find_numbers, fold_same_length, parse_number
from geo.text.structure import split_sentences

FIXTURE = Path(__file__).parent / "fixtures" / "sirte-live-2016-ar.txt"
_AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_parse_digits_roundtrip(n):
    assert parse_number(str(n)) == n
    assert parse_number(str(n).translate(_AR_DIGITS)) == n
    assert parse_number(f"{n:,}") == n


@pytest.mark.parametrize(
    "token, value",
    [("واحد", 1), ("واحدة", 1), ("اثنان", 2), ("اثنين", 2), ("اثنتين", 2), ("ثلاثة", 3), ("ثلاث", 3), ("أربعة", 4),
     ("أربع", 4), ("خمسة", 5), ("ستة", 6), ("ست", 6), ("سبعة", 7), ("سبع", 7), ("ثمانية", 8), ("ثماني", 8),
     ("ثمان", 8), ("تسعة", 9), ("عشرة", 10), ("عشر", 10), ("أحد عشر", 11), ("إحدى عشرة", 11), ("اثنا عشر", 12),
     ("ثلاثة عشر", 13), ("تسع عشرة", 19), ("عشرون", 20), ("عشرين", 20), ("خمسة وعشرون", 25), ("ثلاثون", 30),
     ("مئة", 100), ("مائة", 100), ("مئتين", 200), ("ثلاثمئة", 300), ("مائة وخمسون", 150), ("ألف", 1000),
     ("ثلاثة آلاف", 3000), ("one", 1), ("six", 6), ("twenty", 20), ("twenty-five", 25), ("a dozen", 12),
     ("one hundred and five", 105)],
)
def test_number_words(token, value):
    assert parse_number(token) == value


@pytest.mark.parametrize("token", ["عشرات", "مئات", "dozens", "hundreds", "several", "سيارة", "", "أحد", "a"])
def test_vague_or_not_numbers(token):
    assert parse_number(token) is None


def test_fixture_casualties():
    text = FIXTURE.read_text(encoding="utf-8")
    sent = next(s for s in split_sentences(text) if "مقتل ستة" in s.text)
    c = casualties(sent.text, "ar")
    assert (c.fatalities, c.injuries) == (6, 15)
    strikes = next(s for s in split_sentences(text) if "سبع غارات" in s.text)
    c = casualties(strikes.text, "ar")
    assert (c.fatalities, c.injuries) == (None, None)
    (count, noun, s, e), = counted_noun(strikes.text)
    assert (count, noun) == (7, "غارات جوية")
    assert strikes.text[s:e] == "سبع غارات جوية"


@pytest.mark.parametrize(
    "text, fat, inj",
    [
        ("أسفرت عن مقتل 3 أشخاص", 3, None),
        ("سقوط 4 قتلى و10 جرحى", 4, 10),
        ("قتل خمسة من عناصر التنظيم", 5, None),
        ("مصرع شخصين وإصابة جندي", 2, 1),
        ("استشهاد ٧ مدنيين وجرح ١٢ آخرين", 7, 12),
        ("سقوط قتيلين وثلاثة جرحى", 2, 3),
        ("مقتل 3 مدنيين و2 من الجنود", 5, None),
        ("نفذ سلاح الجو سبع غارات جوية", None, None),
        ("استمرت المعارك ثلاثة أيام", None, None),
        # an indefinite singular casualty noun is one; «أحد» after the killing word is one
        ("أطلقت قوات الأمن النار على المتظاهرين ما أسفر عن سقوط قتيل.", 1, None),
        ("قصف عنيف خلف قتيلا وثلاثة جرحى", 1, 3),
        ("سقوط قتيل وجريح", 1, 1), ("سقوط قتيل واحد", 1, None),
        ("ارتفعت الحصيلة إلى 23 قتيلا و45 جريحا", 23, 45),
        ("سقوط ثلاثة عشر قتيلا", 13, None),
        ("مقتل أحد عناصر الشرطة", 1, None),
        ("إصابة أحد المارة بجروح", None, 1),
        ("قضى ثلاثة أشخاص في الانفجار", 3, None),
        ("استشهد خمسة من أفراد الجيش", 5, None),
        ("قضى عشر سنوات في السجن", None, None),
        ("قتل مدنيان وأصيب شرطيان في القصف", 2, 2),
        ("مقتل مدنيين في قصف", None, None),
        ("راح ضحية الهجوم 5 أشخاص", 5, None),
        ("مقتل جندي وإصابة آخر", 1, 1),
        # verb, a subject of two words, then the victims named by a nisba plural
        ("أعدم تنظيم الدولة 21 مسيحيا مصريا قرب سرت", 21, None),
        ("قتل مسلحون مجهولون خمسة سودانيين في الكفرة", 5, None),
        ("اختطف مسلحون 20 مصريا في سرت", None, None),
        ("زار وفد من الحكومة 20 ليبيا", None, None),
        # "N of" the people after the verb and its subject; two bodies in the dual; among the dead
        ("قتل مسلحون ثلاثة من رجال الشرطة عند بوابة أمنية", 3, None),
        ("عثر على جثتي رجلين مقتولين بالرصاص", 2, None),
        ("كان بين القتلى خمسة عشر مدنيا", 15, None),
        ("قتل 20 شخصا وكان بين القتلى 15 مدنيا", 20, None),
        ("وصل وفد من الحكومة بين الطرفين", None, None),
        # the verb after several joined counts counts them all; an active verb with its own object does not
        ("قالت مصادر طبية إن 7 مقاتلين ومدنيين اثنين لقوا حتفهم", 9, None),
        ("إن 7 مقاتلين و3 مدنيين قتلوا في القصف", 10, None),
        ("7 مسلحين و3 جنود قتلوا 4 مدنيين", 4, None),
        # a toll that reaches a figure, masculine verb too
        ("وبلغ عدد القتلى 30 شخصا", 30, None),
        ("ليصل عدد الضحايا إلى 14 قتيلا", 14, None),
        # one named or definite victim, the dual with the article
        ("اغتيال الناشطة سلوى بوقعيقيص في منزلها", 1, None),
        ("قتل الرجلان رميا بالرصاص", 2, None),
        ("أصيب الطفل بجروح", None, 1),
        # eleven is a number, not «أحد» "one of"; the dual of a hundred in construct
        ("مقتل أحد عشر شخصا بينهم أربعة أطفال", 11, None),
        ("مقتل إحدى عشرة امرأة وإصابة أحد المسعفين", 11, 1),
        ("مقتل مائتي شخص", 200, None),
        ("مقتل أحد الجنود", 1, None),
        # counts of several groups joined by «و» add up
        ("مقتل 7 جنود و2 مدنيين", 9, None),
        ("قتل سبعة جنود ومدنيان في الاشتباكات", 9, None),
        ("مقتل ثلاثة أشخاص وطفل", 4, None),
        ("مقتل 5 جنود وإصابة 3 آخرين", 5, 3),
        # one who died of the wounds
        ("وتوفي لاحقا متأثرا بجراحه", 1, None),
        ("وتوفيت الطفلة متأثرة بجروحها", 1, None),
        ("توفيا متأثرين بجراحهما", 2, None),
    ],
)
def test_arabic_casualties(text, fat, inj):
    c = casualties(text, "ar")
    assert (c.fatalities, c.injuries) == (fat, inj)


@pytest.mark.parametrize(
    "text, fat, inj",
    [
        ("Clashes killed six and wounded 15.", 6, 15),
        ("Six people were killed in the clashes.", 6, None),
        ("At least 11 dead after the shelling.", 11, None),
        ("A car bomb exploded, wounding 15.", None, 15),
        ("Officials said 15 injured were taken to hospital.", None, 15),
        ("The blast killed 11 people, including two children, and injured 40.", 11, 40),
        ("The GNA carried out seven air strikes.", None, None),
        ("A soldier died of his wounds after the ambush.", 1, None),
        ("One civilian later died in hospital.", 1, None),
        ("Six people, among them a child, lost their lives.", 6, None),
        ("Two policemen were shot dead at a checkpoint.", 2, None),
        ("Three bodies were found dead in a farm.", 3, None),
        ("Two protesters were shot in the leg.", None, None),
        ("A shell hit the house, killing a woman and wounding two children.", 1, 2),
        ("Gunmen opened fire on a car, killing the driver.", 1, None),
        ("The blast resulted in the death of a policeman.", 1, None),
        ("Gunmen killed the driver and his two sons.", 3, None),
        ("Islamic State militants executed 21 Egyptian Christians near Sirte.", 21, None),
        ("Unknown gunmen killed five Sudanese in Kufra.", 5, None),
        ("Gunmen kidnapped 20 Egyptians in Sirte.", None, None),
        ("Fifteen civilians were among the dead.", 15, None),
        ("Three children were among those wounded.", None, 3),
        ("Twenty people were killed; 15 civilians were among the dead.", 20, None),
        ("Three ministers were among the guests.", None, None),
        ("The number of dead reached 30 on Sunday.", 30, None),
        ("The day was marred by the murder of Salwa Bugaigis.", 1, None),
        ("An armed group kidnapped and murdered Mohamed Eshtewi, the Mayor of Misrata.", 1, None),
        ("Gunmen murdered the activist in her home.", 1, None),
        ("Both Gaddafi and his son were captured, then tortured and killed.", 2, None),
        ("Both men were shot dead.", 2, None),
        ("Airstrikes killed Islamic State fighters in Sirte.", None, None),
        ("Both sides claimed victory.", None, None),
    ],
)
def test_english_casualties(text, fat, inj):
    c = casualties(text, "en")
    assert (c.fatalities, c.injuries) == (fat, inj)


def test_hedges_and_vague_notes():
    c = casualties("مقتل ما لا يقل عن 11 شخصا", "ar")
    assert c.fatalities == 11 and "at least" in c.notes
    c = casualties("At least 11 people were killed", "en")
    assert c.fatalities == 11 and "at least" in c.notes
    c = casualties("سقوط عشرات القتلى والجرحى", "ar")
    assert c.fatalities == 12 and "vague count" in c.notes and "coded 12" in c.notes
    c = casualties("Dozens were killed", "en")
    assert c.fatalities == 12 and "coded 12" in c.notes


def test_counted_noun_skips_dates_times_distances():
    text = "في 30 آذار 2015 الساعة 19:44 على بعد 450 كلم نفذت القوات 3 هجمات"
    assert [(c, n) for c, n, _, _ in counted_noun(text)] == [(3, "هجمات")]
    assert [(c, n) for c, n, _, _ in counted_noun("seven air strikes and 3 drone strikes over 2 days")] == [
        (7, "air strikes"),
        (3, "drone strikes"),
    ]


def test_find_numbers_offsets():
    text = "قتل خمسة وعشرون وأصيب ١٥ و3"
    nums = find_numbers(text)
    assert [(n.value, text[n.start : n.end]) for n in nums] == [(25, "خمسة وعشرون"), (15, "١٥"), (3, "3")]
    assert len(fold_same_length(text)) == len(text)


def test_casualty_prefilter_never_changes_the_result(monkeypatch):
    """The word prefilter only skips work: every sentence reads the same with it switched off."""
    import re
    from pathlib import Path

    from geo.text import numbers
    from geo.text.structure import split_sentences

    fixtures = Path(__file__).parent / "fixtures"
    sentences = []
    for name in ("sirte-live-2016-ar.txt", "libya-report-en.txt"):
        sentences += [s.text for s in split_sentences((fixtures / name).read_text(encoding="utf-8"))]
    sentences += ["سقوط 4 قتلى و10 جرحى", "killed six and wounded at least 11", "عشرات القتلى", "مصرع شخصين",
                  "ثلاث سنوات و15 يوما", "The 15 soldiers returned"]
    with_filter = [numbers.casualties(s, "ar") for s in sentences]
    monkeypatch.setattr(numbers, "_casualty_words_re", lambda: re.compile(""))
    without = [numbers.casualties(s, "ar") for s in sentences]
    assert with_filter == without
    assert any(c.fatalities for c in with_filter)


def test_each_count_keeps_its_offset_when_a_sentence_gives_several():
    text = "Some 1,000 people were killed in Zawiya, and another 170 killed in the Nafusa Mountains."
    c = casualties(text, "en")
    assert c.fatalities == 1170
    assert [(v, text[o:o + 5]) for v, o in c.fatal_counts] == [(1000, "1,000"), (170, "170 k")]
    assert casualties("Clashes killed 12 people.", "en").fatal_counts == ()


@pytest.mark.parametrize(
    "text, lang, fat",
    [("A rocket slammed into a building, killing a woman and her two children.", "en", 3),
     ("The blast killed a commander and two of his bodyguards.", "en", 3),
     ("Gunmen opened fire, killing a man and his son.", "en", 2),
     ("The shell hit a house, killing a soldier and a civilian.", "en", 2),
     ("ما أدى إلى مقتل امرأة وطفليها", "ar", 3),
     ("أسفر القصف عن مقتل رجل وابنه", "ar", 2),
     ("أسفر القصف عن مقتل امرأة وثلاثة من أطفالها", "ar", 4),
     ("killing three soldiers and two civilians", "en", 5)],
)
def test_a_victim_and_those_joined_to_them_are_counted(text, lang, fat):
    assert casualties(text, lang).fatalities == fat


@pytest.mark.parametrize(
    "text, lang, fatal",
    [("Nine people were killed, five of them children.", "en", 9),
     ("Nine people, five of them children, were killed.", "en", 9),
     ("قتل تسعة أشخاص، خمسة منهم أطفال.", "ar", 9),
     ("Five of them were killed.", "en", 5),
     ("On 3 May, five of them were killed.", "en", 5)],
)
def test_n_of_them_is_a_part_of_the_count_before(text, lang, fatal):
    assert casualties(text, lang).fatalities == fatal


@pytest.mark.parametrize("text, fat, inj", [
    ("Clashes in Tripoli: 32 killed, 159 wounded.", 32, 159),
    ("Clashes in Tripoli left 32 dead, 159 injured.", 32, 159),
    ("Clashes in Sabha killed between 40 and 50 people.", 40, None),
])
def test_a_count_takes_the_word_it_carries_and_a_range_after_its_verb_its_lower_bound(text, fat, inj):
    c = casualties(text, "en")
    assert (c.fatalities, c.injuries) == (fat, inj)


@pytest.mark.parametrize("text, fat", [
    ("وارتفعت حصيلة القتلى إلى 34 يوم 25 يناير.", 34),
    ("قتل 34 شخصا يوم الثلاثاء في بنغازي.", 34),
    ("وبحلول نهاية اليوم كان أكثر من 30 شخصا قد قتلوا.", 30),
    ("استمر القتال 3 أيام وقتل فيه 5 أشخاص.", 5),  # «3 أيام» counts days
])
def test_a_count_before_the_day_it_fell_on_and_before_qad_is_counted(text, fat):
    assert casualties(text, "ar").fatalities == fat


@pytest.mark.parametrize("text, fat, inj", [
    ("قتل مدني وأصيب آخران في القصف.", 1, 2),
    ("قتل ثلاثة جنود وأصيب آخران.", 3, 2),
])
def test_two_others_are_two(text, fat, inj):
    c = casualties(text, "ar")
    assert (c.fatalities, c.injuries) == (fat, inj)


@pytest.mark.parametrize(("text", "lang", "fat"), [
    ("On 20 April, two Western photojournalists were killed by a mortar round.", "en", 2),
    ("Three young men were killed in the shelling.", "en", 3),
    ("Three pro-Gaddafi soldiers were killed near the bridge.", "en", 3),
    ("Militants attacked the consulate, killing the ambassador and three other Americans.", "en", 4),
    ("The attack killed Ambassador Chris Stevens and three other Americans.", "en", 4),
    ("ما أسفر عن مقتل السفير كريستوفر ستيفنز وثلاثة أمريكيين آخرين.", "ar", 4),
    ("قتل مسلحون رجلا وثلاثة آخرين في سبها.", "ar", 4),
    ("أسفر الهجوم عن مقتل قائد الكتيبة وأربعة من مرافقيه.", "ar", 5),
])
def test_victims_described_or_joined_by_others_are_counted(text, lang, fat):
    assert casualties(text, lang).fatalities == fat


@pytest.mark.parametrize(("text", "lang", "fat", "inj"), [
    ("The two main roads were closed.", "en", None, None),   # a count of things, not people
    ("أسفر الهجوم عن مقتل جندي وإصابة ثلاثة آخرين.", "ar", 1, 3),  # the others are the wounded
    ("Clashes killed five soldiers and three civilians.", "en", 8, None),
])
def test_others_are_not_counted_twice_nor_from_things(text, lang, fat, inj):
    c = casualties(text, lang)
    assert (c.fatalities, c.injuries) == (fat, inj)


@pytest.mark.parametrize(("text", "fat", "inj"), [
    ("أعدم مسلحون 12 سجينا في منطقة قرب بنغازي.", 12, None),
    ("قتل مسلحون ثلاثة صحفيين في طرابلس.", 3, None),
    ("أصيب خمسة متظاهرين برصاص قوات الأمن.", None, 5),
    ("خطف مسلحون أربعة مهندسين قرب غات.", None, None),  # taken, not killed
])
def test_prisoners_reporters_and_protesters_are_counted_people(text, fat, inj):
    c = casualties(text, "ar")
    assert (c.fatalities, c.injuries) == (fat, inj)


def test_a_toll_of_a_period_does_not_replace_the_events_own_count():
    c = casualties("Fighting between rival militias in Tripoli killed 32 people and wounded 159 over the weekend, "
                   "bringing the death toll since the clashes began to 47.", "en")
    assert (c.fatalities, c.injuries) == (32, 159)
    assert casualties("قتل 32 شخصا في الاشتباكات لترتفع حصيلة القتلى منذ بدء المعارك إلى 47.", "ar").fatalities == 32
    # alone, it is the toll there is; an update of one event's toll still replaces
    assert casualties("The death toll since the clashes began rose to 47.", "en").fatalities == 47
    assert casualties("Four people were killed, and the toll later rose to seven.", "en").fatalities == 7


@pytest.mark.parametrize(("text", "fat"), [
    ("Killed in the attack were US Ambassador Christopher Stevens and Sean Smith a US diplomat.", 2),
    ("Gunmen stormed the compound, killing Ambassador Chris Stevens and Sean Smith.", 2),
    ("Another soldier died of his wounds on Monday.", 1),
    ("Two other US diplomats were killed in the attack.", 2),
])
def test_named_and_added_victims_are_counted(text, fat):
    assert casualties(text, "en").fatalities == fat


@pytest.mark.parametrize(("text", "lang", "fat", "inj"), [
    ("The rebels lost 14 men in the battle.", "en", 14, None),
    ("خسر الثوار 14 مقاتلا في المعركة.", "ar", 14, None),
    ("The rebels lost 14 tanks.", "en", None, None),
    ("Killed were four soldiers and two civilians.", "en", 6, None),
    ("Among the wounded were 12 children.", "en", None, 12),
])
def test_men_lost_and_the_dead_named_after_the_verb_are_counted(text, lang, fat, inj):
    c = casualties(text, lang)
    assert (c.fatalities, c.injuries) == (fat, inj)


@pytest.mark.parametrize(("text", "lang", "fat", "inj"), [
    # the counted people described between the count and the verb
    ("Five soldiers loyal to Haftar were killed in fighting in Benghazi on Tuesday.", "en", 5, None),
    ("At least 36 soldiers from the Bunyan Marsous operations room were killed today.", "en", 36, None),
    ("Seven people, most of them civilians, were killed in the shelling.", "en", 7, None),
    ("20 fighters loyal to Khalifa Haftar were killed and 40 others wounded.", "en", 20, 40),
    ("Three guards stationed at the gate were wounded.", "en", None, 3),
    ("قال مسؤولون إن خمسة أشخاص على الأقل قتلوا في اشتباكات قبلية في مدينة سبها.", "ar", 5, None),
    ("أفاد مصدر طبي أن 14 شخصا، معظمهم من المدنيين، قتلوا في قصف على مدينة يفرن.", "ar", 14, None),
    ("قال مصدر عسكري إن ثلاثة بينهم قياديان من الجيش الوطني قتلوا في ضربة جوية.", "ar", 3, None),
    ("قال متحدث إن 6 أشخاص بينهم 3 أطفال قتلوا في مصراتة.", "ar", 6, None),
    # a verb of their own ends the description: they did the killing, they were not killed
    ("Five soldiers attacked the checkpoint where two guards were killed.", "en", 2, None),
    ("Ten fighters who stormed the town said that civilians were wounded.", "en", None, None),
])
def test_victims_described_before_their_verb_are_counted(text, lang, fat, inj):
    c = casualties(text, lang)
    assert (c.fatalities, c.injuries) == (fat, inj)


@pytest.mark.parametrize(("text", "lang", "fat", "inj"), [
    ("Ali Hassan, 34, was shot dead by gunmen in Derna on Monday.", "en", 1, None),  # an age, not a toll
    ("Clashes in Sebha on Tuesday killed another five people.", "en", 5, None),
    ("The bomber killed four guards and injured another 3.", "en", 4, 3),
    ("An airstrike hit a farm near Ajdabiya, killing a shepherd.", "en", 1, None),
    ("أعلنت وزارة الصحة تسجيل 9 حالات وفاة و30 جريحا في الاشتباكات.", "ar", 9, 30),
    ("قتل مسلحون قاضيا بالرصاص أمام محكمة في مدينة درنة.", "ar", 1, None),
    ("قتل 31 شخصا معظمهم من الثوار في قصف على مدينة مصراتة.", "ar", 31, None),
])
def test_ages_further_victims_cases_and_one_object_victim(text, lang, fat, inj):
    c = casualties(text, lang)
    assert (c.fatalities, c.injuries) == (fat, inj)
