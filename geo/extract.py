"""Text → events: the extraction pipeline, in stages.

1. **Document** (:func:`read_document`, once per text): the publication date (argument, labelled header,
   dateline, or a date line at the top), the years a narrative names, the sentences
   (:func:`geo.text.structure.split_sentences`), the place mentions (:func:`geo.toponyms.find_mentions`) with
   their relative cues (:mod:`geo.relative`), and which guard families' words occur at all. The result is a
   :class:`_Document`; nothing later reads the text again as a whole.
2. **Sentences** (:class:`_Coder`, in text order), each stage a method that can be run alone:

   * ``guard_triggers``: triggers (:func:`geo.text.lexicon.find_triggers`) that name no event of their own are
     dropped or retyped (a weapon moved, a detention centre named, a bare "take" with no place after it, what
     protesters burn or storm is their protest);
   * ``read_killings``: deaths that are the toll of an event told before, of a place and day, or an event of
     their own; ``toll_of_back_reference``: a toll of "the fighting" («وأسفرت المواجهات عن مقتل ستة») goes to
     the section's previous event;
   * ``eventless``: a sentence with no event leaves its place and date to the sentences after it;
   * ``date_of`` (:func:`geo.text.timeparse.find_dates`): the sentence's date, "the next day" counted from the
     date named last, the section's or the document's; a sentence whose only date is background («منذ حزيران
     2015») states a situation, no new event;
   * ``actors_of`` (:func:`geo.text.lexicon.find_actors`): «الجيش» after a named army is that army;
   * ``event_places``: the finest place wins over its own parent ("in Sirte near the Ouagadougou hall" → the
     hall), a town inside an actor's name or at a road's end gives way, events abroad are not recorded;
     :class:`_PlaceFinder` gives each trigger the places it governs (one event per place listed together, as
     ACLED codes one event per location), else the paragraph's or section's place;
   * ``choose_triggers``: one trigger per (type, sub-type) and place, with the general guards: an attempt is
     fighting, not a change of control; a prospect, a purpose, a habit, a negation, a comparison and a
     long-past reference are no events;
   * ``emit``: each trigger becomes its events, with ``trigger_places``, ``trigger_sides`` (actor1 the agent,
     actor2 the other side; the sub-type they make of it), ``trigger_date`` and ``of_its_war`` (actors named
     after their time, the sides of the 2011 war), and its toll.

3. **Account** (``_Coder.account``): repeats of one event are folded into the first report, and every place
   mention is accounted for.

Every place mention is accounted for in :class:`ExtractionResult`: used by an
event, or listed in ``unused`` with the reason.

This module imports neither geopandas nor folium nor shapely.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools as _functools
import gc as _gc
import sys as _sys
import types as _types
import hashlib
import re
import threading as _threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, ParamSpec, Sequence, TypeVar

from gazetteer.normalize import normalize as _norm
from gazetteer.normalize import is_arabic, normalize_with_offsets
from geo.text import lexicon, numbers, structure, timeparse
from geo.text.document import header_date, parse_date
from geo.events import Event, event_id
from geo.exc import InputError
from geo.nearness import precision_km
from geo.relative import RelativeLocation, is_apposition, locate
from geo.toponyms import ROAD_TO_BEFORE, Mention, cue_before, find_mentions

if TYPE_CHECKING:
    from gazetteer.core import Gazetteer
    from gazetteer.model import Place
    from geo.relative import RelativeCue
    from geo.text.lexicon import ActorMention, Trigger
    from geo.text.numbers import Casualties
    from geo.text.structure import Sentence
    from geo.text.document import Document
    from geo.text.timeparse import DateInfo

__all__ = ["ExtractionResult", "extract", "extract_document", "extract_many", "extract_result"]

_AREAL = frozenset({"continent", "country", "region", "sea", "district", "coast", "wadi"})
_NO_EVENT_KINDS = frozenset({"statement", "disaster"})
# A sentence about a flood or a storm: what "bursts", "collapses" or is "evacuated" there is no
# conflict event (ACLED codes no natural disaster).
_DISASTER_MASKS = frozenset({"explosive", "attack", "closure", "handover", "deployment", "property_destruction", "strike"})
# Trigger kinds that only refer back to fighting already reported ("the fighting", «المواجهات»).
_BACKREF_KINDS = frozenset({"fighting"})
# Words right after a trigger that make it a prospect, not a report.
_HEDGE_RE = re.compile(
    r"^\s*(?:\S+\s+){0,2}(?:بات|باتت|اصبح|أصبح|أصبحت|صار)?\s*(?:قريبا|قريبًا|وشيكا|وشيك|مرتقبا|مرتقب|متوقعا|متوقع)\b"
    r"|^\s*(?:\S+\s+){0,3}(?:is|was|are|were|remain|remains)\s+(?:expected|imminent|near|planned|likely|possible)\b"
    r"|^\s*(?:\S+\s+){0,2}(?:soon)\b",
    re.IGNORECASE,
)
# "threatened to storm", "would lead to", «أي هجوم», «هدد باقتحام»: an event spoken of, not one that happened
# the event word as the subject of a modal or a generic quantity: "Attacks could be indiscriminate", "the majority of
# attacks", "other such attacks", «قد تكون الهجمات»: what may happen or happens in general, no event
_MODAL_AFTER_RE = re.compile(r"\s+(?:could|would|might|may|can|will)\s+(?:not\s+)?(?:be|happen|occur|take|target|hit)\b",
                             re.IGNORECASE)
_MODAL_BEFORE_RE = re.compile(
    # ("threatened to organize a civil disobedience", "vowed to stage a sit-in": the act named a few words on)
    r"\b(?:threaten\w*|vow\w*|plan\w*|intend\w*|prepar\w*|promis\w*|pledg\w*)\s+to\s+(?:(?!and\b|but\b)[\w-]+\s+){0,3}?$"
    # "Terrorists are very likely to try to carry out attacks", "fighting is expected to resume": a forecast
    r"|\b(?:likely|unlikely|expected|poised)\s+to\s+(?:\S+\s+){0,4}?$|\b(?:majority|most)\s+of\s+(?:the\s+)?$"
    r"|\b(?:other\s+)?such\s+$|\b(?:may|might|could)\s+(?:not\s+)?have\s+(?:\S+\s+){0,3}?$"
    r"|(?:^|\s)(?:من\s+المرجح|من\s+المتوقع|يرجح|يتوقع|يُتوقع|يُرجح)\s+(?:أن\s+|ان\s+)?(?:\S+\s+){0,3}?$"
    r"|\b(?:hope[sd]?|hoping|wish\w*)\s+(?:that\s+|to\s+|for\s+)(?:an?\s+|the\s+)?(?:\S+\s+)?$"
    r"|(?:^|\s)(?:[وف]?(?:يأمل|تأمل|يأملون|آملا|آملين|أملا))\s+(?:\S+\s+)?(?:في\s+|ب)?(?:أن\s+|ان\s+)?(?:\S+\s+)?$"
    r"|\b(?:would|could|will|might|(?-i:may)|must|shall)\s+(?:not\s+)?(?:\S+\s+)?$|\bany\s+(?:\S+\s+)?$"
    r"|\b(?:warn\w*|fear\w*)\s+(?:of\s+|that\s+|against\s+)(?:an?\s+|the\s+|any\s+)?(?:\S+\s+)?$"
    # "Residents fear new clashes", «يخشى السكان من تجدد الاشتباكات»: what is feared has not happened
    r"|\bfear\w*\s+(?:new|renewed|more|further|fresh)\s+$"
    r"|(?:^|\s)[وف]?(?:يخشى|تخشى|يخشون|خشية|مخاوف|يتخوف|تتخوف|يتخوفون)\s+(?:\S+\s+){0,3}?من\s+"
    r"(?:تجدد|امتداد|اندلاع|عودة|تصاعد|وقوع)\s+$"
    # "If the LNA attacks Misrata", «إذا هاجمت القوات»: a condition
    r"|\b(?:if|unless)\s+(?:\S+\s+){0,4}?$|(?:^|\s)[وف]?(?:إذا|اذا|لو|في\s+حال|في\s+حالة)\s+(?:\S+\s+){0,3}?$"
    # "denied reports of clashes", «نفى … وقوع اشتباكات», "rumours of an attack": what is denied or rumoured
    r"|\bden(?:y|ies|ied|ying)\s+(?:(?:reports?|claims?|rumou?rs?)\s+(?:of|that)\s+)?(?:an?\s+|the\s+|any\s+)?$"
    r"|\brumou?rs?\s+(?:of|that)\s+(?:an?\s+|the\s+)?$"
    r"|(?:^|\s)[وف]?(?:نفى|نفت|ينفي|تنفي|نفوا)\s+(?:\S+\s+){0,4}?(?:وقوع|حدوث)?\s*$|(?:^|\s)(?:شائعات|إشاعات)\s+(?:عن|حول)\s+$"
    # "calm since the ceasefire", «منذ دخول وقف إطلاق النار حيز التنفيذ»: the time since an event told before
    r"|\bsince\s+(?:the\s+|a\s+)?$|(?:^|\s)منذ\s+(?:دخول\s+)?$"
    # "on the anniversary of the battle of Gardabiya", «بمناسبة الذكرى الـ96 لمعركة القرضابية»: remembered, not happening
    r"|\banniversary\s+of\s+(?:the\s+)?(?:\S+\s+)?$|(?:^|\s)(?:ذكرى|ذكري|الذكرى|الذكري|لذكرى|لذكري)\s+(?:\S+\s+){0,2}?$"
    # «أبدى استعداده للدخول في وقف لإطلاق النار», "expressed readiness for a ceasefire": willing, not done
    r"|(?:^|\s)[وف]?(?:استعداد\S*|مستعد\S*)\s+(?:\S+\s+){0,3}?$|\b(?:read(?:y|iness)|willing(?:ness)?|prepared)\s+(?:to|for)\s+"
    r"(?:\S+\s+){0,3}?$"
    # "aimed to end the fighting", "an end to the fighting", «إنهاء القتال»: a goal, not an event
    r"|\b(?:to\s+end|an\s+end\s+to|ending|to\s+halt)\s+(?:the\s+)?$|(?:^|\s)[وف]?ل?(?:إنهاء|انهاء)\s+$"
    r"|(?:^|\s)(?:هدد\S*|يهدد\S*|تهدد\S*|توعد\S*|يتوعد\S*|يعتزم|تعتزم|ينوي|تنوي|يخطط|تخطط|سوف|لن)\s+(?:\S+\s+)?$"
    # «هدد الجيش بشن هجوم», «توعدت قوات الوفاق باقتحام …»: the threatened act, its agent between
    r"|(?:^|\s)[وف]?(?:هدد|هددت|يهدد|تهدد|توعد|توعدت|يتوعد|تتوعد)\s+(?:\S+\s+){0,3}?(?:(?:ب|ل)\S*\s+|ب|ل)$"
    r"|\bto\s+(?:repel|counter|prevent|stop|thwart|avert|deter)\s+(?:an?\s+|any\s+|the\s+)?(?:\S+\s+)?$"
    r"|(?:^|\s)(?:لصد|لمنع|لمواجهة|للتصدي\s+ل\S*|لإحباط|لاحباط|لردع)\s+(?:أي\s+)?$"
    r"|(?:^|\s)(?:أي|اي)\s+$|(?:^|\s)(?:حذر\S*|يحذر\S*|تحذر\S*)\s+(?:\S+\s+){0,2}?من\s+(?:أن\s+|ان\s+)?(?:أي\s+|اي\s+)?(?:\S+\s+)?$"
    # «عندما يتم إغلاق المنفذ», "whenever the crossing is closed": what happens each time, or would, is no event
    r"|(?:^|\s)[وف]?(?:عندما|حينما|كلما|متى|إذا|اذا|لو)\s+(?:ما\s+)?(?:يتم|تتم|يجري|تجري)\s+$"
    r"|(?:^|\s)[وف]?كلما\s+(?:\S+\s+)?$|\b(?:whenever|if)\s+(?:\S+\s+){0,4}(?:is|are)\s+(?:\S+\s+)?$",
    re.IGNORECASE,
)
# "called for an immediate ceasefire", "urged the parties to respect the truce", «دعا إلى وقف فوري لإطلاق النار»,
# «طالبت البعثة بوقف إطلاق النار»: an agreement asked for is no agreement
#: What a protest or a statement asks for: "demanding the release of detained relatives", "calling for an end to the
#: attacks", «للمطالبة بالإفراج عن المعتقلين»; the event named in it is the cause of the demand, not an event told.
#: Arabic words of demanding ("demanding", "to demand"), shared by _DEMANDED_RE and _DEMANDING_RE.
_AR_DEMANDING = "مطالبين|مطالبة|مطالبه|للمطالبة|للمطالبه"
_DEMANDED_RE = re.compile(
    r"\b(?:demand\w*|call(?:s|ed|ing)?\s+for|urg\w*|press\w*\s+for)\s+(?:the\s+|an?\s+)?(?:immediate\s+|urgent\s+)?"
    r"(?:release|end|return|arrest|investigation|prosecution|withdrawal|halt|cessation|handover|transfer)\s+(?:of|to|into|from)\s+"
    r"(?:\S+\s+){0,3}$"
    r"|(?:^|\s)(?:[وف]?(?:مطالب\S*|للمطالبة|طالب\S*|يطالب\S*|دعا|دعت|داعي\S*))\s+(?:ب|ب?ال)?"
    r"(?:الإفراج|الافراج|إفراج|افراج|إطلاق\s+سراح|اطلاق\s+سراح|وقف|إنهاء|انهاء|التحقيق|تحقيق|محاسبة|انسحاب|تسليم)\S*\s+"
    r"(?:\S+\s+){0,3}$"
    # «مطالبين بتسليم السلطة», «للمطالبة بإسقاط»: the trigger is itself what is demanded
    rf"|(?:^|\s)[وف]?(?:{_AR_DEMANDING}|يطالبون|طالبوا|مطالبا)\s+$",
    re.IGNORECASE)
_CALL_FOR_RE = re.compile(
    r"\b(?:call(?:s|ed|ing)?\s+(?:for|on|upon)|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|appeal(?:s|ed|ing)?\s+(?:for|to)"
    r"|press(?:es|ed|ing)?\s+for|push(?:es|ed|ing)?\s+for)\s+(?:(?!agree|sign|reach|conclud)\S+\s+){0,5}?"
    r"(?:to\s+(?:respect|observe|abide\s+by|uphold|honou?r|commit\s+to|agree\s+to|reach|accept)\s+)?"
    r"(?:an?\s+|the\s+)?(?:\S+\s+)?$"
    r"|(?:^|\s)[وف]?(?:دعا|دعت|دعوا|يدعو|تدعو|طالب\S*|يطالب\S*|تطالب\S*|حث\S*|يحث\S*|تحث\S*|ناشد\S*|يناشد\S*"
    r"|تناشد\S*)\s+(?:(?![وف]?(?:اتفق|وقع|توصل|أبرم|ابرم))\S+\s+){0,5}?(?:(?:إلى|الى|على)\s+)?(?:\S+\s+)?$",
    re.IGNORECASE)
# a person of a force: «ضابط في», «عنصر من», «أحد عناصر», «منتسب إلى», "an officer of the", "a member of" (not its
# officials, «مسؤول في», who speak for it)
_MEMBER_OF_BEFORE_RE = re.compile(
    r"(?:^|\s)(?:ضابط|ضابطا|عنصر|عنصرا|جندي|جنديا|منتسب|منتسبا|عضو|عضوا|قيادي|قياديا|آمر|امر)"
    r"(?:\s+\S+)?\s+(?:في|من|ب|إلى|الى)\s*$|(?:^|\s)(?:أحد|احد|إحدى|احدى)\s+(?:عناصر|أفراد|افراد|منتسبي|ضباط)\s+$"
    r"|\b(?:officer|member|soldier|commander|agent|employee|guard)s?\s+(?:of|in|from|with)\s+(?:the\s+)?$",
    re.IGNORECASE)
# a killing verb and a count right before an actor: its victims («قتل … 12 من عناصر», "killed 12", "killing dozens of")
_KILLED_COUNT_BEFORE_RE = re.compile(
    r"\b(?:killed|killing|kills|wounded|wounding|injured|injuring|captured|capturing|executed|executing)\s+"
    r"(?:(?:at\s+least|some|about|around|more\s+than|nearly|dozens\s+of|scores\s+of|several|many)\s+)?"
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a\s+hundred)?\s*"
    r"(?:of\s+(?:the\s+)?)?$"
    r"|(?:^|\s)[وف]?(?:قتل|قتلت|قتلوا|أسر|أسرت|اسر|اسرت)\s+(?:\S+\s+){0,3}?"
    r"(?:\d+|[٠-٩]+|(?:ثلاث|أربع|اربع|خمس|ست|سبع|ثماني|تسع|عشر|اثن|عشرات|مئات)\S*)\s+(?:من\s+)?"
    r"(?:(?:ال)?(?:عناصر|مقاتلي|مسلحي|أفراد|افراد)\s+)?$",
    re.IGNORECASE)
_SHOT_AND_RE = re.compile(r"\s+(?:and\s+(?:killed|wounded|injured)|dead|by)\b", re.IGNORECASE)  # "were shot and killed by …"
# events of the kind just told, in general: «حوادث اغتيال مماثلة», «هجمات مشابهة», "similar attacks", "such killings"
_SIMILAR_AFTER_RE = re.compile(r"\s*(?:ال)?(?:مماثلة|مماثله|مماثل|مماثلين|مشابهة|مشابهه|مشابه|مشابهين)(?=[\s.,،]|$)")
_SIMILAR_BEFORE_RE = re.compile(r"\b(?:similar|such|comparable)\s+$", re.IGNORECASE)
# a demand the sentence's actors press: «مطالبين بـ», «للمطالبة», «احتجاجا على», "demanding", "in protest at"
_DEMANDING_RE = re.compile(rf"(?:^|\s)(?:{_AR_DEMANDING}|احتجاجا|احتجاجاً)(?=\s)"
                           r"|\b(?:demanding|to\s+demand|in\s+protest|to\s+protest|protesting)\b", re.IGNORECASE)
# protesters who bear arms: «محتجين مسلحين», «متظاهرون مسلحون», "armed protesters", "armed demonstrators"
_ARMED_PROTESTERS_RE = re.compile(r"\barmed\s+(?:protesters|demonstrators)\b|(?:محتج|متظاهر)\S*\s+مسلح", re.IGNORECASE)
# "the attack took place in", «الهجوم وقع في», «وقع الهجوم في» (verb first: see _refers_back's caller): where the
# event told before happened
_TOOK_PLACE_RE = re.compile(r"\s+(?:had\s+|has\s+)?(?:took\s+place|happened|occurred|was\s+carried\s+out|erupted|raged)\b"
                            r"|\s+(?:وقع|وقعت|جرى|جرت|حدث|حدثت|تمت|تم)\s", re.IGNORECASE)
# «ودارت المعارك في …», «وتركزت الاشتباكات في …»: the verb before the fighting told before, then where it was
_AR_RAGED_BEFORE_RE = re.compile(r"(?:^|\s)[وف]?(?:دارت|دار|تركزت|تركز|تجددت|احتدمت|استمرت)\s+$")
# a protest word after a call: the protest happened when the sentence told of protesters acting before the call
# ("Thousands demonstrated, calling for protests to go on")
_PROTEST_HELD_BEFORE_RE = re.compile(r"\b(?:protested|demonstrated|rallied|gathered|marched)\b|(?:تظاهر|احتج|خرج|تجمع)\S*\s", re.IGNORECASE)
# «تهدف إلى تحرير», «بهدف السيطرة», "aimed at retaking", "aiming to": a purpose, not a deed
_AR_AIM_BEFORE_RE = re.compile(
    r"(?:^|\s)[وف]?(?:تهدف|يهدف|تهدفان|بهدف|هدفها|هدفه|الرامية|الرامي|الراميه|الهادفة|الهادفه|الهادف|تسعى|يسعى|سعيا|سعياً)"
    r"\s+(?:إلى|الى|ل)?\s*$|\baim(?:ed|ing|s)?\s+(?:at|to)\s+$|\bintended\s+to\s+$|\bseek(?:ing|s)?\s+to\s+$",
    re.IGNORECASE)
# «الخاضعة لسيطرة», «مناطق سيطرته», "under the control of": who holds a place (not «وقعت تحت سيطرة», "came under")
_STATIVE_CONTROL_BEFORE_RE = re.compile(
    r"(?:^|\s)(?:ال)?(?:خاضعة|خاضعه|خاضع|تخضع|يخضع)\s+ل?$|(?:^|\s)(?:مناطق|منطقة|منطقه)\s+$"
    r"|(?:^|\s)(?!(?:وقعت|وقع|باتت|بات|أصبحت|اصبحت|أصبح|اصبح|صارت|عادت|عاد|دخلت|دخل)\s)\S+\s+تحت\s+$"
    r"|\b(?<!came )(?<!come )(?<!fell )(?<!fallen )(?<!back )(?<!brought )under\s+(?:the\s+)?$"
    r"|\b(?:areas|territory|territories|regions)\s+(?:of\s+)?$",
    re.IGNORECASE)
# the present tense of holding («يسيطر», «تسيطر», «يسيطرون») and a part of the country or a wide area as its object
_AR_HOLDS_RE = re.compile(r"[وف]?(?:يسيطر|تسيطر|يسيطرون|تسيطران|يسيطران)")
_AR_HOLDS_AREA_AFTER_RE = re.compile(
    r"\s+(?:حاليا\s+)?على\s+(?:معظم\s+|أغلب\s+|اغلب\s+|كامل\s+|جزء\s+(?:كبير\s+)?من\s+|مناطق\s+(?:واسعة\s+)?(?:من\s+|في\s+)?)?"
    r"(?:(?:ال)?(?:شرق|غرب|جنوب|شمال|وسط)\S*\s+(?:ليبيا|البلاد)|ليبيا|البلاد|(?:ال)?منطقة\s+(?:ال)?(?:الشرقية|الغربية|الجنوبية))")
# the words of control themselves (not "captured", «استولت»): the stative reading above applies to them only
_CONTROL_WORD_RE = re.compile(r"(?:[وفلب]|لل|بال|وال)?(?:ال)?سيطر|control|held\b|hold", re.IGNORECASE)
# "The strike comes as rival factions have been locked in a battle around Tripoli", «ويأتي ذلك في ظل اشتباكات …»:
# the setting of what the sentence tells, not an event of its own
_AMID_BEFORE_RE = re.compile(
    r"\b(?:comes?|came|coming)\s+(?:as|amid|amidst|while|at\s+a\s+time\s+when)\s+[^.;:]*$"
    r"|(?:^|\s)[وف]?(?:يأتي|ياتي|تأتي|تاتي|جاء|جاءت)\s+(?:ذلك\s+|هذا\s+|ذاك\s+|\S+\s+){0,2}?(?:في\s+ظل|وسط)\s+[^.؛:]*$",
    re.IGNORECASE)
# «بعد تلك الاشتباكات», "after these clashes", "since those attacks": a reference to the event told before
_AFTER_THIS_RE = re.compile(
    r"\b(?:after|following|since|during)\s+(?:these|those|this|that)\s+(?:[\w'’-]+\s+)?$"
    r"|(?:^|\s)[وف]?(?:بعد|إثر|اثر|عقب|منذ|خلال)\s+(?:تلك|هذه|هذا|ذلك|هاتين|هذين)\s+$",
    re.IGNORECASE)
# "No one has claimed responsibility for the attack", "denied responsibility for the strikes", «نفى مسؤوليته عن القصف»;
# "residents who fled the fighting", «هربا من القتال»: the event is one told, or one people left, not a new one
_TOLD_EVENT_BEFORE_RE = re.compile(
    r"\b(?:responsibility|blame)\s+for\s+(?:the|this|these|that|those|its|their)\s+(?:[\w'’-]+\s+){0,2}$"
    # "extremists linked to the attack on the US Consulate", "suspected of involvement in the bombing": who did a
    # past act, no act of the sentence
    r"|\b(?:linked|tied|connected)\s+to\s+(?:the|a|an|this|that|these|those)\s+(?:[\w'’-]+\s+){0,3}$"
    r"|\b(?:behind|suspected\s+of|accused\s+of|charged\s+(?:with|over)|convicted\s+of|wanted\s+for|involvement\s+in)\s+"
    r"(?:the|a|an|this|that|these|those)\s+(?:[\w'’-]+\s+){0,3}$"
    r"|(?:^|\s)(?:ال)?(?:متورط|متهم|مشتبه|ضالع|مسؤول)(?:ين|ون|ة|ه|ا|اً|ان)?\s+(?:في|ب|عن)\s*(?:\S+\s+){0,1}$"
    r"|\b(?:fled|flee|flees|fleeing|escaped|escaping)\s+(?:from\s+)?(?:the|heavy|fierce)\s+(?:[\w'’-]+\s+)?$"
    r"|(?:^|\s)مسؤولي(?:ة|ه|ته|تها|تهم|تهما)\s+(?:عن\s+)?$"
    r"|(?:^|\s)(?:هربا|هرباً|فرارا|فراراً|هروبا|هروباً|نزحوا|فروا|هربوا)\s+من\s+$",
    re.IGNORECASE)
# "protested after the assassination of", «احتجاجا على اغتيال», "in retaliation for the attack": a later
# trigger of the sentence that names what the first one answers
_AFTER_REF_RE = re.compile(
    r"\b(?:after|following|over|in\s+protest\s+(?:at|against|over)|in\s+response\s+to|in\s+retaliation\s+for)"
    r"\s+(?:the\s+|a\s+|an\s+)?(?:\S+\s+)?$"
    r"|(?:^|\s)(?:بعد|إثر|اثر|عقب|احتجاجا\s+على|احتجاجاً\s+على|ردا\s+على|رداً\s+على|على\s+خلفية|تنديدا\s+ب\S*)\s+(?:\S+\s+)?$",
    re.IGNORECASE)
_NEGATION_BEFORE_RE = re.compile(
    r"(?:^|\s)(?:[وف]?لم|[وف]?لن|دون|بدون|[وف]?ليس)\s+(?:\S+\s+)?$|(?:^|\s)[وف]?لا\s+(?!\S*زال|سيما)(?:\S+\s+)?$"
    r"|\b(?:no|not|never|without|didn't|did\s+not|wasn't|weren't|hasn't|haven't|denied)\s+(?:any\s+|further\s+|new\s+)?"
    r"(?:(?!and\b|but\b|or\b|after\b|before\b|when\b)[\w'’-]+\s+)?$",
    re.IGNORECASE)
# "The government called the assault a coup", «وأدانت البعثة الهجوم»: a speaker judging an event already
# reported (the trigger is definite and refers back) adds no event of its own
_JUDGE_BEFORE_RE = re.compile(
    r"\b(?:call\w*|describ\w*|condemn\w*|denounc\w*|label\w*|brand\w*|decr\w*|criticis\w*|criticiz\w*|blam\w*|"
    r"welcom\w*|deplor\w*|justif\w*|defend\w*|claim\w*\s+responsibility\s+for)\s+(?:\S+\s+){0,2}$"
    r"|(?:^|\s)(?:[وف]?(?:أدان|ادان|تدين|يدين|ندد|نددت|يندد|تندد|استنكر|استنكرت|شجب|شجبت|وصف|وصفت|يصف|تصف|اعتبر|اعتبرت|"
    r"برر|بررت|تبنى|تبنت))\S{0,3}\s+(?:\S+\s+){0,3}(?:ب)?$",
    re.IGNORECASE)
# "IS militants, who have seized Sirte", «التنظيم الذي يسيطر على سرت»: a relative clause in the perfect (or
# an Arabic relative clause in the present) describes a standing state, the background of the news
_STATE_CLAUSE_RE = re.compile(
    r"[,،]\s*(?:who|which|that)\s+(?:have|has|had)\s+(?:(?:already|long|since|recently|previously|been)\s+)*$",
    re.IGNORECASE)
_AR_RELATIVE_RE = re.compile(r"(?:^|\s)(?:الذي|التي|الذين|اللذين|اللتين|اللتان|اللذان|اللواتي)\s+(?:لا\s+)?(?:ت?زال\S*\s+)?$")
# "also killed", «كما قتل»: a toll that adds victims to the one told before, not its update
#: Victims added to a toll already told: "another soldier", "two other diplomats", "three more people", «جندي آخر»,
#: «ثلاثة آخرون», «جندي ثالث».
_ADDED_VICTIMS_RE = re.compile(
    r"\b(?:another|(?:\w+\s+)(?:other|more)\s+(?:\w+\s+)?(?:people|persons|civilians|soldiers|fighters|diplomats|\w+s)\b|"
    r"a\s+(?:second|third|fourth|fifth))\b"
    r"|(?:^|\s)\S+\s+(?:آخر|اخر|آخرون|اخرون|آخرين|اخرين|ثالث|رابع|خامس)(?:\s|$|[.،])", re.IGNORECASE)
#: A toll updated ("the toll rose to", «ارتفعت الحصيلة», «آخر حصيلة»): its count replaces the one before, adds nothing.
_TOLL_UPDATE_RE = re.compile(r"\btoll\b|\b(?:rose|risen|climbed)\s+to\b|حصيل|ارتفع", re.IGNORECASE)
_ALSO_RE = re.compile(r"\b(?:also|another|other|further|additional)\b|(?:^|\s)(?:كما|أيضا|أيضاً|ايضا|آخرين|اخرين)(?:\s|$)",
                      re.IGNORECASE)
# «حكم بإعدام», "sentenced … to death": a verdict, not an execution
_VERDICT_BEFORE_RE = re.compile(
    r"(?:حكم\S*|قضت\S*|قضى|يقضي|أحكام|احكام)\s+(?:\S+\s+){0,2}$|\bsentenced\b[^.;]{0,60}\bto\s+$", re.IGNORECASE)
# "N months/years after|since <trigger>": the trigger names a past reference event.
_LONG_AGO_RE = re.compile(
    r"(?:منذ|قبل)\s+(?:\S+\s+)?(?:شهر|شهرين|اشهر|أشهر|شهور|عام|عامين|اعوام|أعوام|سنه|سنة|سنتين|سنوات|اسابيع|أسابيع)"
    r"\s+(?:على\s+|من\s+)?$"
    # («بعد شهرين من انتقال الحكومة» names a past event; «وبعد شهر قصفت القوات» only says when the next one came)
    r"|بعد\s+(?:\S+\s+)?(?:شهر|شهرين|اشهر|أشهر|شهور|عام|عامين|اعوام|أعوام|سنه|سنة|سنتين|سنوات|اسابيع|أسابيع)"
    r"\s+(?:على|من)\s+$"
    r"|\b(?:months?|years?|weeks?)\s+(?:after|since|before)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# «غداة», "a day after", "the day after" right before an event word: that event came the day before the date named
_DAY_AFTER_BEFORE_RE = re.compile(r"(?:^|\s)[وف]?(?:غداة|غداه)\s+(?:\S+\s+)?$|\b(?:a|one|the)\s+day\s+after\s+(?:\S+\s+){0,3}$",
                                  re.IGNORECASE)
# "The next day", «في اليوم التالي»: a day after the date named last
_NEXT_DAY_RE = re.compile(
    r"\b(?:the\s+(?:next|following)\s+(?:day|morning|night|evening|afternoon)|a\s+day\s+later|the\s+day\s+after)\b"
    r"|\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|\d{1,2})\s+days\s+"
    r"(?:later\b|after\s+(?:the|this|that)\s+)"
    # "the day before,", "a day earlier", "two days earlier", «في اليوم السابق», «قبل ذلك بيوم»: before the date named last
    r"|(?P<before>\bthe\s+(?:day|night|evening)\s+before(?=\s*[,;.]|\s*$)|\bthe\s+previous\s+(?:day|night|evening)\b"
    r"|\ba\s+day\s+(?:earlier|before)\b|(?:في\s+)?(?:اليوم|الليلة)\s+(?:السابق|السابقة|الذي\s+سبقه)|قبل\s+ذلك\s+بيوم|قبلها\s+بيوم)"
    r"|\b(?P<nb>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days\s+(?:earlier|before)(?=\s*[,;.]|\s*$)"
    r"|\b(?P<wn>two|three|four|2|3|4)\s+weeks\s+later\b"
    r"|\b(?P<few>a\s+few|several|some)\s+days\s+later\b|(?P<few2>\bdays\s+(?:later|afterwards)|\bwithin\s+days\b)"
    r"|(?P<wk0>\blater\s+(?:that|the\s+same)\s+week\b)"
    r"|\b(?P<w>a\s+week\s+later|the\s+following\s+week|the\s+next\s+week)\b"
    r"|(?:صباح\s+|مساء\s+|ليلة\s+)?(?:اليوم|ليوم)\s+(?:التالي|الموالي)|في\s+الغد|بعد\s+ذلك\s+بيوم|بعدها\s+بيوم"
    r"|بعد\s+(?:ذلك\s+)?(?P<ar2>يومين)"
    r"|بعد\s+(?:ذلك\s+)?(?P<arn>ثلاثة|اربعة|أربعة|خمسة|ستة|سبعة|ثمانية|تسعة|عشرة|\d{1,2})\s+(?:ايام|أيام|يوما|يوماً)"
    r"|بعد\s+(?:ذلك\s+)?(?P<arfew>عدة\s+أيام|عدة\s+ايام|بضعة\s+أيام|بضعة\s+ايام|أيام|ايام)"
    r"|بعد\s+(?:ذلك\s+)?(?P<arw2>اسبوعين|أسبوعين)"
    r"|(?P<arw>بعد\s+(?:ذلك\s+)?(?:اسبوع|أسبوع)|(?:في\s+)?(?:ال)?(?:اسبوع|أسبوع)\s+(?:التالي|الموالي))"
    # "later that day", «في اليوم نفسه»: the date named last itself
    r"|(?P<z>\b(?:(?:on\s+|later\s+)?(?:that|the)\s+same\s+(?:day|night|evening)|later\s+(?:that|the\s+same)\s+day"
    r"|that\s+(?:night|evening|afternoon))\b"
    r"|(?:في\s+|مساء\s+|صباح\s+|ليلة\s+)?(?:اليوم|الليلة|ليلة)\s+(?:نفسه|نفسها|ذاته|ذاتها)|في\s+(?:نفس|ذات)\s+(?:اليوم|الليلة)"
    r"|(?:مساء|ليلة|صباح|في)\s+ذلك\s+اليوم)",
    re.IGNORECASE,
)
# Every phrase of _NEXT_DAY_RE holds one of these words (same flags): a sentence without them is
# not searched with the long pattern (a cheap precheck, about 7x faster than the search it skips)
_NEXT_DAY_HINT_RE = re.compile(r"day|week|next|following|same|that|يوم|الغد|ايام|أيام|سبوع|ليل", re.IGNORECASE)
_DIGIT_RE = re.compile(r"\d")  # _SAME_MONTH_RE needs a digit
_MONTH_LATER_RE = re.compile(
    r"\b(?:a|one)\s+month\s+later\b|\b(?:the\s+)?(?:following|next)\s+month\b"
    r"|(?:^|\s)[وف]?(?:في\s+)?(?:ال)?شهر\s+(?:التالي|الموالي|اللاحق)|(?:^|\s)[وف]?بعد\s+(?:ذلك\s+)?(?:بـ?)?شهر(?![\u0621-\u064a])",
    re.IGNORECASE)
# «في 26 من الشهر نفسه», "on the 26th of the same month": a day of the month named last
# "By early March 2019, 300 Wagner fighters were in Benghazi. At this time, the LNA was capturing Sabha",
# «… وفي ذلك الوقت سيطرت القوات على سبها»: a sentence opened by a time anaphor is at the time of the
# sentence before, also when that sentence told no event
_TIME_ANAPHOR_RE = re.compile(
    r"^\W*(?:(?:and\s+)?(?:at|by)\s+(?:this|that|the\s+same)\s+time|at\s+the\s+time|meanwhile|in\s+the\s+meantime|"
    r"around\s+the\s+same\s+time)\b"
    r"|^\W*[وف]?(?:في\s+(?:ذلك|هذا|نفس)\s+(?:الوقت|الحين)|في\s+الوقت\s+(?:نفسه|ذاته)|في\s+(?:تلك|هذه)\s+(?:الأثناء|الاثناء|الفترة)"
    r"|حينها|وقتها|آنذاك|انذاك|حينذاك)(?![\u0621-\u064a])",
    re.IGNORECASE)
_SAME_MONTH_RE = re.compile(
    r"(?<!\d)(?P<d>[0-3]?\d)\s+(?:من\s+)?(?:(?:الشهر|شهر)\s+(?:نفسه|ذاته)|(?:نفس|ذات)\s+الشهر)"
    r"|\bthe\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)\s+of\s+(?:the\s+same|that)\s+month\b",
    re.IGNORECASE,
)
# «في منتصف الشهر», "later that month", "at the end of the month": a part of the month named last (no month
# name follows: «منتصف مايو» is an explicit date)
_PART_OF_MONTH_RE = re.compile(
    r"(?:^|\s)(?:في\s+)?(?P<p>منتصف|أواسط|اواسط|أواخر|اواخر|نهاية|مطلع|أوائل|اوائل|بداية)\s+(?:ذلك\s+)?الشهر"
    r"(?:\s+(?:نفسه|ذاته|ذاتها|نفسها))?(?!\s*\S*(?:يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|"
    r"أكتوبر|اكتوبر|نوفمبر|ديسمبر))"
    r"|\b(?P<p2>mid|middle|late|later|end|early|beginning)(?:-|\s+(?:of\s+)?)(?:that|the\s+same|the)\s+month\b"
    r"|\b(?:in\s+)?(?P<p3>mid)-month\b",
    re.IGNORECASE,
)
_LATER_DAYS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
               "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20,
               "ثلاثة": 3, "اربعة": 4, "أربعة": 4, "خمسة": 5, "ستة": 6, "سبعة": 7, "ثمانية": 8, "تسعة": 9, "عشرة": 10}


def _days_later(m: re.Match[str]) -> tuple[int, int]:
    """(days after the date named last, time precision) of a "next day" / "two days later" phrase (negative
    for "the day before", "two days earlier")."""
    def count(word: str) -> int:
        word = word.lower()
        return int(word) if word.isdigit() else _LATER_DAYS[word]

    if m.group("z"):
        return 0, 1
    if m.group("before"):
        return -1, 1
    if m.group("nb"):
        return -count(m.group("nb")), 1
    if m.group("n") or m.group("arn"):
        return count(m.group("n") or m.group("arn")), 1
    if m.group("wn"):
        return 7 * count(m.group("wn")), 2
    if m.group("arw2"):
        return 14, 2
    if m.group("few") or m.group("arfew") or m.group("few2"):
        return 3, 2  # "a few days later": about three days, known to the week
    if m.group("wk0"):
        return 0, 2  # "later that week": the week of the date named last
    if m.group("w") or m.group("arw"):
        return 7, 2
    if m.group("ar2"):
        return 2, 1
    return 1, 1
# Targets that make an attack violence against civilians (ACLED): people and places that do not fight
#: A release: "released", "freed", «أطلق سراح», «الإفراج عن».
_RELEASE_RE = re.compile(r"\b(?:released|freed|set\s+free|releas(?:e|ing))\b|سراح|(?:أفرج|افرج|الإفراج|الافراج|إفراج|افراج)", re.I)
#: What happened before the sentence's own event: "had (been)", «كان/كانت/كانوا (قد)».
_EARLIER_BEFORE_RE = re.compile(r"\bhad\s+(?:been\s+)?$|\bhave\s+been\s+$|(?:^|\s)(?:كان|كانت|كانوا|كن)\s+(?:قد\s+)?$", re.I)
_CIVILIAN_TARGET_RE = re.compile(
    r"^\s*(?:(?:stormed|raided|attacked|assaulted|targeted|hit|bombed|shelled)\s+"
    r"|(?:[اإأ]قتحم\S*|هاجم\S*|داهم\S*|[اإأ]ستهدف\S*|فجر\S*)\s+(?:\S+\s+){0,3}?(?=(?:ال)?(?:فندق|مستشف|مدرس|مسجد|كنيس|سوق|سفار|قنصلي|وزار|محكم|مفوضي|مصرف|بنك|جامع))"
    r"|(?:\S+\s+){0,3}?(?:on|against|targeting|at|على|ضد|استهدف\S*)\s+)"
    r"(?:the\s+|a\s+|an\s+|our\s+|US\s+|U\.S\.\s+)?"
    r"(?:\S+\s+){0,2}?(?:mission|consulate|embassy|diplomat\S*|hotel|hospital|clinic|school|mosque|church|market|ministry|"
    r"courthouse|court|elect\w*\s+commission|electoral|"
    r"civilians?|worshippers|guests|residents|migrants?|refugees|detention\s+(?:centre|center)|journalists?|"
    r"employees|staff|workers|"
    r"aid\s+workers|wedding|funeral|(?:national\s+)?oil\s+corporation|corporation|bank|university|"
    r"(?:ال)?قنصلي\S*|(?:ال)?سفار\S*|(?:ال)?وزار\S*|(?:ال)?محكم\S*|(?:ال)?مفوضي\S*|(?:ال)?فندق|(?:ال)?مستشفى|مستشفي|(?:ال)?مدرس\S*|(?:ال)?مسجد|(?:ال)?كنيس\S*|(?:ال)?سوق|(?:ال)?مدنيين|(?:ال)?مصلين|"
    r"(?:ال)?نزلاء|(?:ال)?مهاجرين|مركز\s+(?:ايواء|إيواء|احتجاز)|(?:ال)?صحفيين|حفل|جناز\S*|"
    r"مقر\s+(?:ال)?مؤسس\S*|(?:ال)?مؤسس\S*\s+(?:ال)?وطني\S*|(?:ال)?مصرف\S*|(?:ال)?بنك|(?:ال)?جامع\S*)",
    re.IGNORECASE,
)
_TERROR_RE = re.compile(r"terror|[اإ]رهاب", re.IGNORECASE)
_ARMED_TARGET_RE = re.compile(
    r"\b(?:checkpoints?|army|military|soldiers|troops|bases?|camps?|barracks|police|forces|guards?|positions)\b"
    r"|(?:بواب\S*|(?:ال)?جيش|عسكري\S*|معسكر\S*|قاعد\S*|ثكن\S*|(?:ال)?شرط\S*|قوات|تمركز\S*|(?:ال)?أمن\S*)",
    re.IGNORECASE)
_PART_OF_GAP_RE = re.compile(r"^['’]?s?\s+(?:suburb|district|neighbou?rhood|area|quarter|outskirts)\s+of\s+(?:the\s+)?$"
                             # "Tripoli's Tajoura district", "Benghazi's Laithi": a place of the place before
                             r"|^['’]s\s+(?:(?:eastern|western|southern|northern|central)\s+)?$",
                             re.IGNORECASE)
_ORIGIN_BEFORE_RE = re.compile(
    r"(?:\bfrom|\bout\s+of)\s+(?:the\s+)?(?:(?:city|town|village|port|base)\s+of\s+)?(?:nearby\s+)?$"
    # "militiamen of the town of Misrata", "fighters of Zintan": who they are, not where they are
    r"|\b(?:militiamen|militias?|fighters|troops|brigades?|gunmen|rebels)\s+of\s+(?:the\s+(?:city|town|village)\s+of\s+)?$"
    r"|(?:^|\s)(?:قادم\S*\s+)?من\s+(?:مدينة\s+|مدينه\s+|بلدة\s+|منطقة\s+)?$"
    # «إحدى الكتائب المسلحة التابعة لمدينة مصراتة», "a brigade belonging to the city of Misrata": whose it is
    r"|(?:^|\s)(?:ال)?تابع(?:ة|ه|ين|ون)?\s+ل(?:مدينة\s+|مدينه\s+|بلدة\s+)?$"
    r"|\b(?:belonging|affiliated)\s+(?:to|with)\s+(?:the\s+(?:city|town)\s+of\s+)?$",
    re.IGNORECASE,
)
# Every phrase of _ORIGIN_BEFORE_RE holds one of these words (same flags): a cheap precheck
# "elders from Zintan", "fighters from the town of Misrata", «أعيان من الزنتان», «مقاتلون من مدينة الزنتان»: people
# and where they come from (not "expelled from Derna", «طرد … من درنة», where the event is)
_PEOPLE_FROM_RE = re.compile(
    r"\b(?:elders|fighters|militiamen|militias?|gunmen|men|man|delegations?|delegates|forces|troops|tribesmen"
    r"|residents|members|youths?|people|notables|leaders|representatives|volunteers|reinforcements)"
    r"\s+(?:\S+\s+)?from\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$"
    r"|\b(?:originat(?:ing|ed|es)|hail(?:ing|ed|s)|coming|came|drawn)\s+from\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$"
    r"|(?:^|\s)[وف]?(?:أعيان|اعيان|مقاتل\S*|مسلح\S*|رجل|رجال|وفد|وفود|قوات|عناصر|شبان|أهال\S*|اهال\S*|سكان|أبناء"
    r"|ابناء|ميليشي\S*|مليشي\S*|كتائب|ثوار|شيوخ|حكماء|وجهاء|ممثل\S*|متطوع\S*|تعزيزات)\s+(?:\S+\s+)?(?:قادم\S*\s+)?"
    r"من\s+(?:مدينة\s+|مدينه\s+|بلدة\s+|منطقة\s+)?$",
    re.IGNORECASE)
_ORIGIN_HINT_RE = re.compile(r"from|of|من|تابع|belonging|affiliated", re.IGNORECASE)
# Victims that make an attack violence against civilians: "killing two employees", «مقتل ثلاثة مدنيين»
# «تعرض فندق كورنثيا في طرابلس إلى هجوم», "the hospital came under attack": a civilian target named before
# the attack it suffered
_CIVILIAN_TARGET_BEFORE_RE = re.compile(
    r"(?:تعرض\S*|تعرضت)\s+(?:ال)?(?:فندق|مستشف\S*|مدرس\S*|مسجد|كنيس\S*|سوق|سفار\S*|قنصلي\S*|مخيم|مركز\s+(?:ايواء|إيواء|احتجاز))"
    r"[^.،؛]{0,70}(?:ل|إلى|الى)\s*$"
    r"|\b(?:hotel|hospital|clinic|school|mosque|church|market|embassy|consulate|camp\s+for\s+\S+|detention\s+(?:centre|center))"
    r"[^.;]{0,50}\b(?:came\s+under|was\s+(?:the\s+)?target\s+of|suffered|was\s+hit\s+by)\s+(?:an?\s+)?(?:\S+\s+)?$",
    re.IGNORECASE)
_CIVILIAN_VICTIMS_RE = re.compile(
    r"\b(?:killing|killed|wounding|injuring|kidnapping|shot\s+dead|shooting\s+dead|gunned\s+down|murdered|stabbed|shot|"
    r"executed|abducted|kidnapped)\s+(?:\S+\s+){0,3}?(?:civilians?|employees?|staff(?:ers)?|workers?|"
    r"guests|worshippers|migrants?|passers-by|passer-by|children|child|women|woman|journalists?|doctors?|nurses?|students?|"
    r"activists?|lawyers?|judges?|prosecutors?|bloggers?|clerics?|imams?|preachers?|teachers?|engineers?|mayors?|"
    r"councillors?|councilors?|(?:human\s+rights\s+)?defenders?|reporters?|photographers?|boys?|girls?|residents?|"
    r"shopkeepers?|shop\s+owners?|merchants?|traders?|farmers?|shepherds?|drivers?|businessm[ae]n|tribal\s+elders?)\b"
    # «أطلق مسلحون النار على صاحب متجر»، «قتل مسلحون تاجرا»: a shopkeeper, a trader, a farmer, a driver
    r"|(?:النار\s+على|قتل\S*|اغتال\S*|خطف\S*|اختطف\S*)\s+(?:\S+\s+){0,2}?(?:صاحب\s+(?:متجر|محل|مخبز)|تاجر\S*|مزارع\S*|"
    r"راعي?\S*|سائق\S*|معلم\S*|طبيب\S*|مهندس\S*|عامل\S*|مواطن\S*|مدني\S*|طفل\S*|امرأة|امراه|سيدة)(?=[\s.,،]|$)"
    r"|\b(?:a|an|one|two|three|\d+)\s+(?:young\s+|local\s+)?(?:man|men|woman|women|boy|boys|girl|girls|child|children|"
    r"civilians?|residents?|workers?|migrants?|journalists?|students?)\s+(?:was|were)\s+(?:killed|shot|wounded|injured)\b"
    # "Mohammed Nabbous, a journalist, was killed": a civilian by trade in apposition to the victim
    r"|,\s+(?:a|an|the)\s+(?:\S+\s+){0,2}?(?:journalist|reporter|activist|lawyer|judge|doctor|blogger|cameraman|"
    r"photographer|engineer|teacher|student|cleric|imam)\b[^.;]{0,40}?\b(?:was|were)\s+(?:\S+\s+)?(?:killed|shot|murdered)\b"
    r"|(?:مقتل|قتل\S*|قُتل|إصابة|اصابة|استشهاد)\s+(?:\S+\s+){0,3}?(?:مدنيين|مدنيا|موظفين|موظفا|عمال|نزلاء|مصلين|مهاجرين|أطفال|"
    r"اطفال|نساء|صحفيين|أطباء|اطباء|طلاب|شاب|شابا|طفل|طفلة|امرأة|مواطن|مواطنا)"
    r"|(?:اغتال\S*|اغتيال|قتل\S*|مقتل|اختطاف|اختطف\S*|خطف\S*|أعدم\S*|اعدم\S*)\s+(?:\S+\s+){0,2}?"
    r"(?:ال)?(?:ناشط|ناشطة|ناشطا|ناشطين|محامي|محامية|محاميا|قاضي|قاضيا|القاضي|وكيل\s+النيابة|مدون|مدونة|إمام|امام|إماما|"
    r"خطيب|شيخ|معلم|معلمة|مهندس|مهندسا|عميد\s+بلدية|عضو\s+المجلس\s+البلدي|صحفي|صحفية|صحفيا|مصور|طبيب|طبيبا|طبيبة)"
    r"(?![\u0621-\u064a])"
    # «لقي محمد نبوس مدير قناة … مصرعه»: a civilian by trade who met his death
    r"|لقي\S*\s+[^.،؛]{0,60}?(?:مدير|صحفي|مراسل|ناشط|طبيب|مواطن|مدني|طفل|امرأة|سائق|عامل|مهندس|معلم|مصور|محام)\S*"
    r"[^.،؛]{0,50}?(?:مصرع|حتف)",
    re.IGNORECASE,
)
#: Unnamed "people" killed or wounded by an attack («وقتلوا أربعة أشخاص», "killing four people"): civilians when
#: the assault names no armed target (an attack on a town, not on a checkpoint or its guards; not "gunfire killed …")
#: Protest verbs a force also does when it regroups or moves (police who "protested" over pay do protest)
#: A place taken with no fighting: "without a fight", "unopposed", «دون قتال», «دون مقاومة».
_UNOPPOSED_RE = re.compile(
    r"\bwithout\s+(?:a\s+fight|(?:any\s+)?(?:resistance|fighting|a\s+shot\s+(?:being\s+)?fired)|firing\s+a\s+(?:single\s+)?shot)"
    r"|\bwith\s+no\s+(?:reported\s+)?(?:clashes|fighting|resistance)\b"
    r"|\bunopposed\b|\bpeacefully\b|(?:دون|بدون|من\s+دون|من\s+غير)\s+(?:أي\s+|اي\s+)?(?:قتال|مقاومة|مقاومه|اشتباكات|معارك|إطلاق\s+(?:نار|رصاصة)|اطلاق\s+(?:نار|رصاصه))"
    r"|(?:^|\s)سلميا"
    # "took Brega after the loyalists withdrew from it", «سيطروا على البريقة بعدما انسحبت منها الكتائب»
    r"|\b(?:after|once|when)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:withdrew|had\s+withdrawn|pulled\s+out|retreated|fled)\b"
    r"|\bfollowing\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:withdrawal|retreat)\b"
    r"|(?:بعد|بعدما|إثر|اثر|عقب)\s+(?:أن\s+|ان\s+)?(?:انسحاب|انسحبت|انسحب|انسحبوا|فرار|فرت|فر)(?![\u0621-\u064a])",
    re.IGNORECASE)
# ("forces peacefully entered the town": the manner before the verb; «سلميا» after it is in _UNOPPOSED_RE)
_UNOPPOSED_BEFORE_RE = re.compile(r"\b(?:peaceful(?:ly)?|quietly|unopposed)\s+$", re.IGNORECASE)
#: A sentence that says a capture told before met no fight: "There was no recorded fighting at the airbase", "No
#: clashes were reported", «ولم تسجل أي اشتباكات», «دون أي مقاومة تذكر».
_NO_FIGHT_RE = re.compile(
    r"\bthere\s+(?:was|were|had\s+been)\s+no\s+(?:recorded\s+|reported\s+|significant\s+)?(?:fighting|clashes|resistance|battle)"
    r"|\bno\s+(?:fighting|clashes|resistance)\s+(?:was|were|has\s+been|have\s+been)\s+(?:recorded|reported)"
    r"|\b(?:met|encountered|faced)\s+no\s+(?:armed\s+)?resistance"
    r"|لم\s+(?:تسجل|تشهد|تقع|تحدث|يسجل|يشهد|تدر|تندلع)\s+(?:أي\s+|اي\s+)?(?:اشتباكات|مواجهات|معارك|مقاومة|مقاومه)"
    r"|(?:^|\s)(?:دون|بدون)\s+(?:أي\s+|اي\s+)?(?:قتال|مقاومة|مقاومه|اشتباكات)",
    re.IGNORECASE)
_PROTEST_VERB_RE = re.compile(r"rallied|rally|marched", re.IGNORECASE)
#: A celebration ("to celebrate", «احتفالا»), and the words that make a gathering a protest all the same.
_CELEBRATE_RE = re.compile(r"\bcelebrat\w*|احتفال|(?:^|\s)[وب]?الاحتفال|ابتهاج", re.IGNORECASE)
_PROTEST_NOUN_RE = re.compile(r"\bprotest\w*|\bdemonstrat\w*|مظاهر|احتجاج|محتج|متظاهر|تظاهر|للمطالبة|مطالب", re.IGNORECASE)
#: A road block («قطع الطريق», "roadblock"): a protest when a crowd sets it up, not when an armed group does.
_ROADBLOCK_RE = re.compile(r"road\s*block|blocked|blocking|قطع|أغلق|اغلق", re.IGNORECASE)
_CROWD_RE = re.compile(r"\b(?:protest\w*|demonstrat\w*|residents|youths?|crowds?)\b|محتج|متظاهر|أهالي|اهالي|شبان|سكان",
                       re.IGNORECASE)
_ASSAULT_WORD_RE = re.compile(r"attack|raid|storm|assault|هاجم|هجوم|اقتحم|اقتحام|داهم|مداهمة|الهجوم", re.IGNORECASE)
_PEOPLE_VICTIMS_RE = re.compile(
    r"\b(?:killing|killed|wounding|wounded|injuring|injured)\s+(?:\S+\s+){0,2}?(?:people|persons|villagers|townspeople)\b"
    r"|(?:مقتل|[وف]?قتل\S*|قُتل\S*|[وف]?أصاب\S*|إصابة|اصابة)\s+(?:\S+\s+){0,2}?(?:أشخاص|اشخاص|شخصا|شخصاً|أشخاصا|"
    r"مواطنين|سكان|الأهالي|الاهالي|(?:من\s+)?الأهالي)(?![\u0621-\u064a])",
    re.IGNORECASE)
_ARMED_VICTIM_RE = re.compile(
    r"^\s*(?:\S+\s+){0,3}?(?:commander|officer|colonel|general|soldier|fighter|militia\s+leader|brigade|"
    r"militants?|terrorists?|insurgents?|gunmen|troops|rebels?|jihadists?|"
    # (armed men of the state: "killing 4 army men", "two policemen", «ثلاثة من رجال الأمن»; guards may be civilians)
    r"army\s*men|servicem[ae]n|security\s+(?:men|personnel)|policem[ae]n|police\s+officers?|"
    r"قائد|القائد|آمر|امر|ضابط|الضابط|العقيد|العميد|اللواء|عسكري|جندي|مقاتل|جنود|(?:ال)?مسلحين|إرهابي|ارهابي|"
    r"رجال\s+(?:ال)?(?:أمن|امن|شرطة|الشرطة)|(?:ال)?شرطيين|(?:ال)?شرطي|"
    r"(?:ال)?عناصر|(?:ال)?دواعش)",
    re.IGNORECASE,
)
_BUILDING_AFTER_RE = re.compile(
    r"^\s*(?:of\s+)?(?:the\s+|a\s+)?(?:\S+\s+){0,4}?(?:headquarters|building|offices?|ministry|hotel|hospital|compound|"
    r"premises|home|house|parliament|embassy|consulate|"
    r"(?:ال)?(?:مقر|مبنى|مبني|مكتب|وزارة|فندق|مستشفى|منزل|بيت|سفارة|قنصلية))\b"
    # «اقتحم خمسة مسلحين الفندق»: the subject stands between the verb and the building
    r"|^\s*(?:\S+\s+){1,3}?(?:ال)(?:مقر|مبنى|مكتب|وزارة|فندق|مستشفى|منزل|بيت)\b",
    re.IGNORECASE,
)
# Force used on protesters: live fire makes it excessive force, dispersal an intervention
_LIVE_FIRE_RE = re.compile(
    r"\b(?:live\s+(?:fire|ammunition|rounds)|opened\s+fire\s+on|fired\s+on\s+(?:the\s+)?(?:protesters|demonstrators|crowd))\b"
    r"|الرصاص\s+الحي|أطلق\S*\s+(?:ال)?نار\s+على\s+(?:ال)?(?:متظاهرين|محتجين)|اطلق\S*\s+(?:ال)?نار\s+على\s+(?:ال)?(?:متظاهرين|محتجين)",
    re.IGNORECASE,
)
_INTERVENTION_RE = re.compile(
    r"\b(?:dispers\w+|tear\s+gas|rubber\s+bullets|water\s+cannon|broke\s+up|fired\s+(?:in|into)\s+the\s+air|"
    r"arrested\s+(?:\S+\s+)?(?:protesters|demonstrators))\b"
    r"|فر\S*ق\S*\s+(?:ال)?(?:متظاهرين|محتجين|تظاهر\S*|اعتصام)|الغاز\s+المسيل|غاز\s+مسيل|الهراوات|أطلق\S*\s+(?:ال)?نار\s+في\s+الهواء"
    # «فضت قوات الأمن اعتصاما», «اعتقلت عشرة محتجين»: a sit-in broken up, protesters arrested
    r"|(?:^|\s)[وب]?(?:فض|فضت|فضوا|لفض)\s+(?:\S+\s+){0,3}?(?:ال)?(?:اعتصام\S*|تظاهر\S*|مظاهر\S*|وقف\S*\s+احتجاج\S*)"
    r"|(?:اعتقل\S*|اعتقال|القبض\s+على)\s+(?:\S+\s+){0,4}?(?:ال)?(?:متظاهرين|محتجين)",
    re.IGNORECASE,
)
#: The purpose lām on a verbal noun of capture or combat («لتحرير», «لصد», «للسيطرة»): an aim
_PURPOSE_LAM = tuple(_norm(w) for w in ("لصد", "لتحرير", "لاستعادة", "لاسترجاع", "لاقتحام", "للسيطرة", "لدخول",
                                        "للتصدي"))
_DESTROY_WORDS = frozenset(_norm(w) for w in ("destroyed", "destroying", "دمرت", "دمر"))
_CEASEFIRE_BEFORE_RE = re.compile(r"(?:وقف|توقف)\S*(?:\s+\S+)?\s*ل?$")
# Protesters who burn or storm: a riot
_RIOT_RE = re.compile(
    r"\b(?:burn(?:ed|t|ing)\s+(?:down\s+)?|set\s+fire\s+to|set\s+(?:a\s+)?fires?\b|torched|stormed|ransacked|looted|vandali[sz]ed"
    r"|smashed|broke\s+into|broken\s+into|tore\s+down|torn\s+down|toppled)\b"
    r"|\b(?:threw|throwing|hurled|hurling|pelted)\s+(?:stones|rocks|petrol\s+bombs|molotov)"
    r"|أحرق\S*|احرق\S*|أضرم\S*|اضرم\S*|(?:^|\s)[وب]?(?:ال)?(?:حرق|إحراق|احراق|إشعال|اشعال)\s+(?:ال)?(?:إطارات|اطارات|نار|نيران)"
    r"|(?:ال)?(?:إطارات|اطارات)\s+(?:ال)?(?:مشتعلة|المحترقة|محترقة)|اقتحم\S*\s+(?:ال)?(?:محتجون|متظاهرون|المحتجين|المتظاهرين)"
    r"|(?:تراشق\S*|رشق\S*|رموا|يرمون)\s+(?:\S+\s+){0,3}?(?:بال)?حجار\S*|زجاجات\s+حارقة"
    r"|(?:^|\s)[وف]?(?:حطم|حطموا|هدم|هدموا|أسقط|اسقط|أسقطوا|اسقطوا|أزال|ازال|أزالوا|ازالوا)\s+(?:\S+\s+)?(?:ال)?(?:تمثال|نصب|مجسم)\S*"
    r"|(?:^|\s)[وف]?(?:خرب|خربوا|حطموا|نهبوا|نهب)(?=\s)",
    re.IGNORECASE,
)
_ATTEMPT_RE = re.compile(r"(?:تحاول|يحاول|تحاولان|يحاولون|محاولة|محاوله|حاولت|حاول)\s+(?:\S+\s+)?$|"
                         r"\b(?:trying|tried|attempting|attempted|attempt|sought|seeking)\s+to\s+(?:\S+\s+)?$",
                         re.IGNORECASE)
# Between two listed places: only conjunctions, commas, articles and generic head nouns.
# "… garrisons in Tripoli and air defence systems around Sabha": the next target of a strike, named by its place
_TARGET_LIST_GAP_RE = re.compile(
    r"^\s*,?\s*(?:and|و)\s+(?:[^\s,.;،]+\s+){0,5}?(?:in|around|near|at|outside|inside|on|في|قرب|حول|بمحيط|محيط|على)\s+(?:the\s+)?$"
    r"|^\s*,?\s*و(?:[^\s,.;،]+\s+){0,5}?(?:في|قرب|حول|بمحيط|محيط|على)\s+$",
    re.IGNORECASE)
#: The longest gap (characters) between two names of a list ("…, the former seat of government, and in …").
_LIST_GAP_MAX = 60
#: The mark of a list in a gap between two place names: a comma or "and" («و»).
_LISTED_GAP_RE = re.compile(r"[,،&]|\band\b|(?:^|\s)و", re.IGNORECASE)
_LIST_GAP_RE = re.compile(
    # (the preposition said again: «في البيضاء وفي سبها», "in Bayda, in Sabha and in Marj")
    # (an apposition between commas: «في البيضاء، المقر السابق للحكومة، وفي سبها», "in Bayda, the former seat, and in Sabha")
    r"^(?:\s*\([^()]{1,24}\))?(?:\s*[،,]\s*[^\s،,.;:؛]+(?:\s+[^\s،,.;:؛]+){0,5}\s*(?=[،,]))?"
    # (the preposition again only after "and" or a comma: «مصراتة في منطقة غرغور» is Gharghour in Misrata, no list)
    r"[\s،,]*(?:(?:و|and|,|،|&)[\s،,]*(?:(?:in|at)\s+|في\s+)?)?(?:the\s+)?"
    r"(?:(?:حي|حيي|منطقه|منطقة|معسكر|جسر|تقاطع|ميناء|مطار|قاعده|قاعدة|"
    r"district|camp|bridge|junction|port|town|village|area)s?\s+)?"
    # (the article of a name the mention leaves out: "Ras Lanuf, Es Sider and Brega")
    r"(?:(?:al|el|es|as|ad|ash|az|at|ar|an|ed|et|ez)[\s-]+)?$",
    re.IGNORECASE,
)


@dataclass
class ExtractionResult:
    """Everything extracted from one document.

    Attributes
    ----------
    events
        The events, in text order.
    mentions
        Every place mention of the document (:class:`geo.toponyms.Mention`).
    unused
        ``(mention, reason)`` for each mention no event uses: context words,
        foreign places, unresolved names, places in sentences without an event.
    used
        ``(mention, event ids)`` for each mention an event is located by (ids before
        repeats of the same event were merged).
    errors
        Problems met while extracting (one line each); extraction goes on.
    """

    events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    unused: list[tuple[Mention, str]] = field(default_factory=list)
    used: list[tuple[Mention, tuple[str, ...]]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- helpers
def _default_gazetteer() -> Gazetteer:
    from gazetteer import Gazetteer

    return Gazetteer.default()


def _doc_id_for(text: str) -> str:
    return "doc-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _language_of(text: str) -> str:
    try:
        from geo.text.document import detect_language

        return detect_language(text, default="ar")
    except ImportError:  # pragma: no cover
        from gazetteer.normalize import is_arabic

        return "ar" if is_arabic(text[:4000]) else "en"


@dataclass(frozen=True, slots=True)
class _Located:
    """A mention placed: the place, its point, precision and relation."""

    mention: Mention
    lat: float
    lon: float
    geo_precision: int
    relation: str
    uncertainty_m: float | None
    uncertainty_wkt: str | None
    note: str
    place_id: str
    place_name_en: str
    place_name_ar: str
    country: str
    admin1: str
    location: str = ""

    @property
    def label(self) -> str:
        """The location as an analyst writes it: the phrase located, or the name a reference word
        ("the city", «المدينة») refers to rather than the word itself."""
        if self.location:
            return self.location
        m = self.mention
        return m.anchor_text if m.relation == "same_as" and m.anchor_text else m.text


class _Ctx:
    """Per-document state of the pipeline."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self._admin1: dict[str, str] = {}

    def admin1_name(self, place: Place) -> str:
        if place.id in self._admin1:
            return self._admin1[place.id]
        name = ""
        if not place.is_foreign:
            try:
                d = self.gaz.district_of(place)
            except Exception:  # noqa: BLE001 - a gazetteer without districts
                d = None
            name = d.name_en if d is not None else ""
        self._admin1[place.id] = name
        return name


def _centre_feature(gaz: Gazetteer, anchor: Place) -> Place | None:
    """A curated "centre of X" feature under ``anchor`` if the gazetteer has one."""
    try:
        kids = gaz.children(anchor.id)
    except Exception:  # noqa: BLE001
        return None
    for k in kids:
        if re.search(r"\b(?:centre|center|downtown)\b", k.name_en, re.IGNORECASE) and k.feature_type in (
            "area", "neighbourhood", "landmark"
        ) and "conference" not in k.name_en.lower():
            return k
    return None


_CIRCLES: dict[tuple[float, float, float], str] = {}


def _circle_wkt(lat: float, lon: float, radius_m: float) -> str:
    """WKT circle of a place's own uncertainty (cached: the same places recur across documents)."""
    k = (lat, lon, radius_m)
    w = _CIRCLES.get(k)
    if w is None:
        from geo.geodesy import circle_lonlat, ring_to_wkt

        w = ring_to_wkt(circle_lonlat(lat, lon, radius_m, n=32))
        if len(_CIRCLES) > 20_000:
            _CIRCLES.clear()
        _CIRCLES[k] = w
    return w


def _locate_mention(ctx: _Ctx, text: str, m: Mention, cue: RelativeCue | None) -> _Located:
    loc = _locate_mention_point(ctx, text, m, cue)
    if cue is not None and cue.end == m.start and cue.start < m.start:
        # the place as written, with its relation: «غرب سرت», "near the Ouagadougou hall"
        loc = dataclasses.replace(loc, location=text[cue.start:m.end])
    return loc


def _locate_mention_point(ctx: _Ctx, text: str, m: Mention, cue: RelativeCue | None) -> _Located:
    p = m.place
    assert p is not None
    admin1 = ctx.admin1_name(p)
    if cue is None and m.relation == "centre_of":  # "the city centre"
        from geo.relative import RelativeCue

        cue = RelativeCue("centre", None, None, m.start, m.start, "")
    if cue is not None:
        if cue.relation == "centre":
            centre = _centre_feature(ctx.gaz, p)
            if centre is not None:
                return _Located(m, centre.lat, centre.lon, 2, "centre_of", centre.precision_m, None,
                                f"centre of {p.name_en}: gazetteer feature {centre.id}", centre.id,
                                centre.name_en, centre.name_ar, centre.country, ctx.admin1_name(centre))
        try:
            rl: RelativeLocation = locate(cue, p)
        except ValueError:
            rl = None  # type: ignore[assignment]
        if rl is not None:
            return _Located(m, rl.point_lat, rl.point_lon, rl.geo_precision, rl.relation, rl.uncertainty_m,
                            rl.uncertainty_wkt, rl.note, p.id, p.name_en, p.name_ar, p.country, admin1)
    prec = 3 if p.feature_type in _AREAL else 1
    rel = m.relation if m.relation != "same_as" else ""
    r = float(p.precision_m) if p.precision_m else None
    wkt = _circle_wkt(p.lat, p.lon, r) if r and p.feature_type not in _AREAL else None
    return _Located(m, p.lat, p.lon, prec, rel, r, wkt, "", p.id, p.name_en, p.name_ar, p.country, admin1)


_TOWN_TYPES = frozenset({"city", "capital", "town", "village"})


def _carry_over(ctx: _Ctx, text: str, located: list[_Located], salience: dict[str, int] | None = None) -> list[_Located]:
    """The place a sentence without a place of its own inherits: the town holding the last places.

    «واستعادت القوات معسكر الجالط وجسر…» followed by «نفذ سلاح الجو سبع غارات» locates the strikes
    in the town of those features (Sirte), not at each of them. When the last places lie in several towns,
    the one the text has named most so far (``salience``: mentions per place id) is the text's subject
    ("Along with the Battle of Misrata, the First Battle of Zawiya was … The battle began when …").
    """
    towns: dict[str, _Located] = {}
    for loc in located:
        p = ctx.gaz.get(loc.place_id)
        cur, hops = p, 0
        while cur is not None and cur.feature_type not in _TOWN_TYPES and cur.parent_id and hops < 6:
            cur = ctx.gaz.get(cur.parent_id)
            hops += 1
        if cur is None or cur.feature_type not in _TOWN_TYPES:
            return located[:1]
        if cur.id == loc.place_id and not loc.relation:
            towns.setdefault(cur.id, loc)
        else:
            name = cur.name_ar if is_arabic(loc.mention.text) else cur.name_en
            towns.setdefault(cur.id, _Located(loc.mention, cur.lat, cur.lon, 1, "", float(cur.precision_m or 0) or None,
                                              None, f"town of {loc.place_name_en}", cur.id, cur.name_en, cur.name_ar,
                                              cur.country, ctx.admin1_name(cur), name))
    if len(towns) == 1:
        return list(towns.values())
    if salience and len(towns) > 1:
        ranked = sorted(towns.values(), key=lambda t: -salience.get(t.place_id, 0))
        if salience.get(ranked[0].place_id, 0) > salience.get(ranked[1].place_id, 0):
            return ranked[:1]
    return located[:1]


class _Salience:
    """How often each place was named before a position, counted once over the document (positions asked
    for in increasing order, as the sentences come)."""

    def __init__(self, mentions: list[Mention]) -> None:
        self._mentions = mentions
        self._next = 0
        self.counts: dict[str, int] = {}

    def before(self, pos: int) -> dict[str, int]:
        ms = self._mentions
        while self._next < len(ms) and ms[self._next].start < pos:
            m = ms[self._next]
            if m.place is not None and m.status in ("resolved", "context"):
                self.counts[m.place.id] = self.counts.get(m.place.id, 0) + 1
            self._next += 1
        return self.counts


def _enclosing_before(ctx: _Ctx, text: str, mentions: list[Mention], pos: int) -> _Located | None:
    """The town (or district) the text named last before ``pos``, as a located place."""
    for m in reversed(mentions):
        if m.start >= pos:
            continue
        p = m.place
        if m.status != "resolved" or p is None or p.country != "LY":
            continue
        cur: Place | None = p
        hops = 0
        while cur is not None and cur.feature_type not in _TOWN_TYPES | {"district"} and cur.parent_id and hops < 6:
            cur = ctx.gaz.get(cur.parent_id)
            hops += 1
        if cur is None or cur.feature_type not in _TOWN_TYPES | {"district"}:
            continue
        name = cur.name_ar if is_arabic(m.text) else cur.name_en
        prec = 3 if cur.feature_type == "district" else 2
        return _Located(m, cur.lat, cur.lon, prec, "", float(cur.precision_m or 0) or None, None,
                        f"unknown place: located at {cur.name_en}, named earlier in the text", cur.id, cur.name_en,
                        cur.name_ar, cur.country, ctx.admin1_name(cur), name)
    return None


# institutions named after the town they sit in (not armed groups named after the town they come from:
# «قوات مصراتة» fight elsewhere); matched on the normalised words just before the place, or (English) after it
_SEAT_BEFORE_AR_RE = re.compile(r"(?:^|\s)(?:[لبو]|لل|وب|ول)?(?:مديري[هة]\s+(?:ال)?امن|مديري[هة]\s+الامن\s+الوطني|مركز\s+شرط[هة]|(?:ال)?مجلس\s+(?:ال)?بلدي"
                                r"|بلدي[هة]|عميد\s+بلدي[هة]|جامع[هة]|مستشفي|مطار|ميناء|سجن)\s*$")
_SEAT_BEFORE_EN_RE = re.compile(r"\b(?:university|municipality|mayor|municipal\s+council|security\s+directorate|police)"
                                r"\s+of\s+$", re.I)
_SEAT_AFTER_EN_RE = re.compile(r"\s+(?:security\s+directorate|police\s+(?:directorate|station|headquarters)|municipal"
                               r"\s+council|municipality|university|hospital|airport|port)\b", re.I)


def _institution_seat(ctx: _Ctx, text: str, sentence_mentions: list[Mention]) -> _Located | None:
    """The town of an institution the sentence names after it («مديرية أمن سبها», "Sabha Security
    Directorate", "the municipal council of Derna"), where the sentence names no place of its own."""
    for m in sentence_mentions:
        p = m.place
        if m.status != "context" or not m.reason.startswith("organisation name") or p is None \
                or p.country != "LY" or p.feature_type not in _TOWN_TYPES:
            continue
        if is_arabic(m.text):
            if not _SEAT_BEFORE_AR_RE.search(_norm(text[max(0, m.start - 30):m.start])):
                continue
        elif not (_SEAT_BEFORE_EN_RE.search(text[max(0, m.start - 30):m.start])
                  or _SEAT_AFTER_EN_RE.match(text, m.end)):
            continue
        loc = _locate_mention_point(ctx, text, m, None)
        return dataclasses.replace(loc, note=f"seat of the institution named after {p.name_en}")
    return None


# what a blow falls on when it names an armed group's positions: «مواقع لمجلس شورى مجاهدي درنة», "positions of
# the Benghazi Revolutionaries Shura Council"
_POSITIONS_OF_AR_RE = re.compile(r"(?:^|\s)[وب]?(?:ال)?(?:مواقع|مقرات|مقر|تمركزات|معسكرات|تجمعات|آليات|اليات)\s+(?:ل|تابع\S*\s+ل)?")
_POSITIONS_OF_EN_RE = re.compile(r"\b(?:positions|headquarters|bases|camps|strongholds|fighters|convoys?|gatherings)\s+"
                                 r"(?:held\s+by\s+|belonging\s+to\s+|of\s+)(?:the\s+)?$", re.I)


def _target_group_town(ctx: _Ctx, text: str, sentence_mentions: list[Mention], trigger_end: int) -> _Located | None:
    """The town in the name of the armed group whose positions a blow hit, after the trigger («قصفت الطائرات
    مواقع لمجلس شورى مجاهدي درنة», "struck positions of the Derna Mujahideen Shura Council"), where the
    sentence names no place of its own: the blow fell somewhere in that town (precision 2)."""
    for m in sentence_mentions:
        p = m.place
        if m.status != "context" or not m.reason.startswith("organisation name") or p is None \
                or p.country != "LY" or p.feature_type not in _TOWN_TYPES or not 0 <= m.start - trigger_end <= 90:
            continue
        before = text[max(trigger_end, m.start - 60):m.start]
        if is_arabic(m.text):
            hit = _POSITIONS_OF_AR_RE.search(_norm(before)) is not None
        else:
            hit = _POSITIONS_OF_EN_RE.search(re.sub(r"(?:[A-Z][\w'’-]*\s+)+$", "", before)) is not None
        if not hit:
            continue
        loc = _locate_mention_point(ctx, text, m, None)
        return dataclasses.replace(loc, geo_precision=2,
                                   note=f"the town of the group whose positions were hit ({p.name_en})")
    return None


def _same_agent(actor: str, others: set[str] | None) -> bool:
    """Whether an event's agent may be that of the events whose agents are ``others`` (None: there are none).

    An unnamed agent may be any; a named one must be the only agent the others name."""
    return others is not None and (not actor or others - {""} <= {actor})


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per (type, sub-type, place, relation, date) in a document: later repeats (a
    statement recounting the same capture, a summary sentence) are folded into the first report.
    Territory sub-types count as one (who gained it depends on the actor each sentence names)."""
    out: list[Event] = []
    first: dict[tuple[Any, ...], int] = {}
    repeats: dict[int, list[Event]] = {}
    undated: dict[tuple[Any, ...], list[Event]] = {}
    # "The Battle of Misrata was a battle of the civil war…" with no date, then "The battle began on
    # 18 February": an undated report of a type and place the text dates elsewhere is that event
    dated = {(ev.event_type, ev.sub_event_type, ev.place_id, ev.relation) for ev in events if ev.event_date}
    # "seized in March 2014 …; the tanker entered the port in early March 2014, … seized by the rebels": a
    # report known only to the month is the same event as one of its type and place dated within that month
    # (not when the two name different agents: "planes loyal to the GNA attacked in April 2019", "on 8 April
    # LNA jets bombed the capital")
    finer: dict[tuple[Any, ...], set[str]] = {}
    for ev in events:
        if ev.event_date and ev.time_precision < 3:
            finer.setdefault((ev.event_type, ev.sub_event_type, ev.place_id, ev.relation, ev.event_date[:7]),
                             set()).add(ev.actor1)
    for ev in events:
        if not ev.place_id:
            out.append(ev)
            continue
        sub = "territory" if "territory" in ev.sub_event_type.lower() else ev.sub_event_type
        k = (ev.event_type, sub, ev.place_id, ev.relation, ev.event_date)
        if not ev.event_date and (ev.event_type, ev.sub_event_type, ev.place_id, ev.relation) in dated \
                or ev.event_date and ev.time_precision == 3 and _same_agent(ev.actor1, finer.get(
                    (ev.event_type, ev.sub_event_type, ev.place_id, ev.relation, ev.event_date[:7]))):
            undated.setdefault((ev.event_type, sub, ev.place_id, ev.relation), []).append(ev)  # folded below
            continue
        if k not in first:
            first[k] = len(out)
            out.append(ev)
            continue
        repeats.setdefault(first[k], []).append(ev)
    for key, evs in undated.items():
        for ev in evs:
            month = (ev.event_date or "")[:7]
            target = next((i for kk, i in first.items() if kk[:4] == key and kk[4]
                           and (not month or kk[4][:7] == month and out[i].time_precision < 3
                                and _same_agent(ev.actor1, finer.get(key[:1] + (ev.sub_event_type,) + key[2:] + (month,))))),
                          None)
            if target is None:
                out.append(ev)
            else:
                repeats.setdefault(target, []).append(ev)
    for j, evs in repeats.items():  # one replace per kept event: linear however often it repeats
        e0 = out[j]
        # a later report's toll updates the first one when it is higher ("… rose to 32") or when the first was
        # only a share of a toll divided between places; a lower later figure is a part ("among them 2 children")
        shared = "one toll divided" in e0.notes
        fat, inj = e0.fatalities, e0.injuries
        for e in evs:
            if e.fatalities is not None and (fat is None or e.fatalities > fat or shared):
                fat = e.fatalities
            if e.injuries is not None and (inj is None or e.injuries > inj or shared):
                inj = e.injuries
        spans = ", ".join(f"{e.span_start}-{e.span_end}" for e in evs[:5]) + (f" and {len(evs) - 5} more" if len(evs) > 5 else "")
        out[j] = dataclasses.replace(
            e0, fatalities=fat, injuries=inj,
            actor1=e0.actor1 or next((e.actor1 for e in evs if e.actor1), ""),
            actor2=e0.actor2 or next((e.actor2 for e in evs if e.actor2), ""),
            notes=e0.notes + f"; also reported at characters {spans}",
        )
    return out


# the Arabic verbs of a claim of responsibility: «تبنى», «تبنته», «أعلن مسؤوليته»
_AR_CLAIM_VERB = r"[وف]?(?:تبنا\S*|تبنى\S*|تبنت\S*|يتبنى|تتبنى|أعلن\S*\s+مسؤولي\S*|اعلن\S*\s+مسؤولي\S*)"
# a claim of responsibility: "claimed responsibility for", "claimed the attack", «تبنى الهجوم», «أعلن مسؤوليته عن»
_CLAIM_RE = re.compile(
    r"\bclaim(?:ed|s)?\s+(?:responsibility|credit)\b|\bclaimed\s+(?:the|this|that)\s+(?:attack|bombing|blast|assault|"
    rf"killing|killings|abduction|kidnapping)\b|(?:^|\s){_AR_CLAIM_VERB}",
    re.IGNORECASE)
_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# the agent after the claim: "the attack, claimed by IS", «الذي تبناه تنظيم داعش»
_CLAIMED_BY_RE = re.compile(r"\bclaimed\s+by\s+(?:the\s+)?$|\bclaimed\s+responsibility\s+(?:for\s+\S+\s+)?$"
                            rf"|(?:^|\s){_AR_CLAIM_VERB}\s+$", re.IGNORECASE)
# «هجوم للقوات الموالية للقذافي»: "an attack of the forces loyal to …" — the genitive names the agent
_AR_OF_FORCES_GAP_RE = re.compile(r"^\s*(?:(?:ل|لل|من\s+قبل\s+(?:ال)?)(?:قوات|عناصر|مسلحي|كتائب|ميليشيات|مليشيات|مقاتلي)"
                                  # «دخلت قوة من الكتائب الأمنية», «هاجمت مجموعة من مسلحي …»: a unit of the force after it
                                  r"|(?:قوة|قوات|وحدة|وحدات|مجموعة|مجموعات|سرية|سرايا|رتل|أرتال|عناصر|أفراد|افراد|جنود|دورية|دوريات|فرقة|فصيل|فصائل|"
                                  r"مقاتلون|مقاتلين|مسلحون|مسلحين|عشرات|مئات|العشرات|المئات)\s+(?:\S+\s+)?من)\s*$")
_AR_UNDERWENT_RE = re.compile(r"(?:^|\s)[وف]?(?:تعرض|تعرضت|تعرضوا|تتعرض|يتعرض)\s")
_AR_FROM_AGENT_RE = re.compile(r"(?:^|\s)(?:من|من\s+قبل|على\s+يد)\s+(?:(?:ال)?(?:قوات|عناصر|مسلحي|كتائب)\s+)?$")
# the gap between a blow and the actor it came from: "shelling from", "fire by", «قصف عنيف من», «من قبل»
_BLOW_FROM_RE = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:from|by)\s+(?:the\s+)?(?:(?:forces|troops|units|fighters)\s+of\s+(?:the\s+)?)?"
                           r"|\s+(?:\S+\s+){0,2}?(?:من|من\s+قبل|على\s+يد|على\s+أيدي)\s+", re.IGNORECASE)
# «سقطت في أيدي الثوار», «بيد قوات حفتر», «تحت سيطرة»: in whose hands a place fell (the agent comes after it)
_AR_HANDS = r"(?:بيد|بأيدي|بايدي|في\s+يد|في\s+أيدي|في\s+ايدي|في\s+قبضة|في\s+قبضه|تحت\s+سيطرة)"
# «لا تزال», «ما زالت», «لازالت», «ظلت», «بقيت», «احتفظت»: still, stayed, kept (before a word of control)
_STILL_BEFORE_RE = re.compile(r"(?:^|\s)[وف]?(?:(?:لا|ما)\s*(?:تزال|يزال|زالت|زال|زالوا|يزالون)|لازال\S*|مازال\S*|ظلت|ظل|ظلوا|"
                              r"بقيت|بقي|بقوا|تبقى|يبقى|احتفظ\S*|تحتفظ|يحتفظ|يحتفظون|تواصل\s+(?:ال)?سيطر)(?:\s|$)")
# "It started in Benghazi", "The offensive began in Sabha", «وبدأت العملية في بنغازي»: where what was told began
_BEGAN_IN_RE = re.compile(
    r"^\s*(?:it|the\s+(?:operation|offensive|battle|fighting|campaign|attack|assault|war|conflict|clashes|uprising))\s+"
    r"(?:first\s+)?(?:began|started|broke\s+out|erupted)\s+(?:\S+\s+){0,3}?in\b"
    r"|^\s*[وف]?(?:بدأت|بدات|انطلقت|اندلعت)\s+(?:ال)?(?:عملية|العملية|المعركة|معركة|الحرب|الاشتباكات|الحملة)?\s*(?:\S+\s+){0,3}?في\s",
    re.IGNORECASE)
# the agent of an event told before: "carried out by", "conducted by", «شنتها», «نفذتها», «التي يشنها»
_CARRIED_OUT_BY_RE = re.compile(
    r"\b(?:carried\s+out|conducted|launched|waged|mounted|perpetrated|staged|executed)\s+by\s+(?:the\s+)?$"
    r"|(?:^|\s)(?:التي\s+|الذي\s+)?(?:شنتها|شنها|يشنها|تشنها|نفذتها|نفذها|ينفذها|تنفذها|قادتها|قادها)\s+$",
    re.IGNORECASE)
# a movement towards a place: "advancing towards", "headed toward", «زحفها باتجاه», «تقدمت نحو»
_TOWARD_RE = re.compile(
    r"\b(?:advanc\w*|head\w*|mov\w*|march\w*|push\w*|continu\w+\s+(?:\S+\s+)?(?:advance|march))\s+"
    r"(?:\S+\s+){0,2}?(?:toward|towards)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$"
    r"|(?:^|\s)[وف]?(?:زحف\S*|تقدم\S*|يتقدم\S*|توجه\S*|تتجه|يتجه|اتجه\S*|تواصل\s+زحف\S*|واصل\S*\s+زحف\S*)\s+"
    r"(?:\S+\s+){0,2}?(?:باتجاه|بإتجاه|نحو|صوب)\s+(?:مدينة\s+|بلدة\s+)?$",
    re.IGNORECASE)
_CARRIED_HINT_RE = re.compile(r"\sby\s|شن|نفذ|قاد", re.IGNORECASE)  # a word each _CARRIED_OUT_BY_RE alternative holds
_TAKEN_IN_RE = re.compile(r"(?:was|were)\s+(?:re)?taken\s+(?:in|on)$", re.IGNORECASE)
# "taken in for questioning", "taken in to custody", "taken on board", "taken on a new role": no place taken
_TAKEN_IN_NOT_RE = re.compile(r"\s+(?:for|to|into|custody|board|new|responsibility|responsibilities|duties|roles?|hostage|"
                              r"prisoner|(?:a|an|the)\s+(?:new\s+)?(?:role|task|mission|job|post|responsibility))\b",
                              re.IGNORECASE)
# a place in the name of another event: "the battle of", "the siege of", «معركة», «حصار», «مجزرة»
# (as a time: "at the end of the battle of Sirte", «خلال معركة سرت»; "which resulted in the Battle of Bin Jawad" names
# the event told)
_NAMED_EVENT_OF_RE = re.compile(
    r"\b(?:at\s+the\s+(?:end|start|beginning|height)\s+of|during|after|before|since|following)\s+(?:the\s+)?(?:\S+\s+)?"
    r"(?:battle|siege|battles|sieges)\s+(?:for\s+|of\s+)(?:the\s+)?(?:(?:city|town)\s+of\s+)?$"
    r"|(?:^|\s)(?:خلال|أثناء|اثناء|إبان|ابان|بعد|قبل|منذ|عقب|نهاية|بداية|في\s+نهاية|في\s+بداية)\s+"
    r"(?:ال)?(?:معركة|معركه|معارك|حصار|مجزرة|مجزره|مذبحة|مذبحه)\s+(?:مدينة\s+)?$", re.IGNORECASE)
_OWN_NOUN_GAP_RE = re.compile(r"^\S*\s+(?:(?:for|of)\s+)?(?:the\s+)?(?:(?:city|town)\s+of\s+|مدينة\s+)?$", re.IGNORECASE)
_HANDS_OF_RE = re.compile(r"\b(?:hands?|control)\s+of$", re.IGNORECASE)
_GOVERNMENT_AFTER_RE = re.compile(r"\s+(?:the\s+)?(?:government|regime)\b(?!\s+(?:of|in)\b)", re.IGNORECASE)
# (and "was back in the hands of the government", "came under the control of the LNA")
_PASSIVE_AGENT_RE = re.compile(r"(?:\bfell\s+(?:in)?to|\b(?:was|were|been)\s+\w+\s+by|\bby|\b(?:hands?|control)\s+of)\s+"
                               r"(?:the\s+)?(?:(?:forces|troops|units|fighters|militias|militiamen)\s+of\s+(?:the\s+)?|\S+\s+)?$|"
                               rf"(?:{_AR_HANDS}|(?:من\s+قبل|على\s+يد|على\s+أيدي|على\s+ايدي)(?:\s+\S+){{0,2}})\s+$",
                               re.IGNORECASE)
_BETWEEN_RE = re.compile(r"(?:^|\s)(?:بين|between)\s", re.IGNORECASE)
_PITTED_RE = re.compile(r"\bpit(?:s|ted|ting)\b", re.IGNORECASE)
_AGAINST_RE = re.compile(r"\bagainst\b", re.IGNORECASE)
_PREP_RE = re.compile(r"(?:^|\s)(?:على|علي|ضد|مع|من|في|عن|الى|إلى|بين|و?ل\S+|ب\S+)(?:\s|$)")


#: Clause boundaries inside a sentence: «فيما», «بينما», «في حين», "while", "whereas", semicolons.
_CLAUSE_RE = re.compile(r"[;؛]|[،,]?\s*(?:(?<![\w])(?:فيما|بينما|في حين)(?![\w])|\b(?:while|whereas)\b)")
#: Clauses a sentence's tolls are split by: those of :data:`_CLAUSE_RE`, and a conjunct that opens with its own
#: time («…، وفي اليوم التالي قتلت غارة …», "…, and a day later an air strike killed …").
_TOLL_CLAUSE_RE = re.compile(
    _CLAUSE_RE.pattern + r"|[،,]\s*و(?=(?:في|بعد|قبل|ثم)\s)"
    r"|,\s*(?:and\s+)?(?=(?:then|later|(?:a|one|two|three|four|five)\s+days?\s+later|the\s+(?:next|following)\s+day|on\s+\w+day)\b)",
    re.IGNORECASE)

#: Words that refer back to forces named earlier ("the forces", «القوات», «قواتنا»).
_ANAPHORIC_FORCES_RE = re.compile(
    # definite («القوات») or with a pronoun («قواتنا»): «قوات حرس المنشآت» names a force, it does not refer back
    r"(?:^|[\s«\"(])(?:و|ف)?(?:(?:ال|لل|بال)(?:قوات|وحدات|عناصر)|(?:قوات|وحدات|عناصر)(?:نا|ها))(?=[\s»\".,،:]|$)"
    r"|\b(?:the|these|those|its|their|our) (?:forces|troops|units|fighters)\b",
    re.IGNORECASE,
)


_DEMONSTRATIVES, _AR_DEMONSTRATIVES = "this|these|that|those", "هذه|هذا|تلك|ذلك|هذين|هاتين"
_DEMONSTRATIVE_BEFORE_RE = re.compile(rf"(?:\b(?:{_DEMONSTRATIVES})|(?:{_AR_DEMONSTRATIVES}))\s+$", re.IGNORECASE)
_BACK_BEFORE_RE = re.compile(
    rf"(?:\b(?:(?:the|its|their)(?:\s+(?:US|U\.S\.|American|Turkish|Egyptian|Emirati|French|Russian|IS|ISIS|LNA|GNA|rebel|militant|army|NATO))?"
    rf"|{_DEMONSTRATIVES}|his|today['’]s|yesterday['’]s|saturday['’]s|sunday['’]s|monday['’]s|tuesday['’]s|"
    rf"wednesday['’]s|thursday['’]s|friday['’]s)|(?:{_AR_DEMONSTRATIVES}))\s+$",
    re.IGNORECASE,
)


def _comma_segment(text: str, pos: int) -> int:
    """Index of the comma-delimited piece of a sentence that holds ``pos`` (odd pieces are asides
    when the sentence is "main, aside, main")."""
    return len(_COMMA_RE.findall(text, 0, max(0, pos)))


_COMMA_RE = re.compile(r"[،,]")


# «هجوم اليوم», «تفجير الجمعة»: an event named by its day (the construct makes it definite) was told before
_BACK_AFTER_RE = re.compile(r"^\s+(?:اليوم|أمس|امس|الأمس|الليلة|البارحة|الجمعة|السبت|الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|"
                            r"الأربعاء|الاربعاء|الخميس)(?![\u0621-\u064a])")


_WEAPON_NOUN_RE = re.compile(
    r"(?:missiles?|rockets?|artillery|mortars?|shells|(?:hand\s+)?grenades?|explosives?|bombs?|IEDs?|mines?|"
    r"[وف]?(?:ال)?(?:صواريخ|صاروخ|قذائف|قذيفه|قذيفة|مدفعيه|مدفعية|هاون|(?:قنابل|قنبلة|قنبله)(?:\s+(?:ال)?(?:يدوية|يدويه))?|"
    r"متفجرات|عبوات(?:\s+(?:ال)?(?:ناسفة|ناسفه))?|ألغام|الغام))", re.I)
_MOVED_EN = (r"(?:deploy(?:ed|ing|s)?|set\s+up|install(?:ed|ing|s)?|station(?:ed|ing)?|deliver(?:ed|y|ies|ing)?|"
             r"ship(?:ped|ment|ments|ping)|suppl(?:ied|y|ies|ying)|smuggl(?:ed|ing)|stockpil(?:ed|es|ing)|stored|"
             r"transferr(?:ed|ing)|acquir(?:ed|ing)|bought|purchas(?:ed|ing)|"
             # seized or found: a cache taken, no attack with it
             r"seiz(?:ed|ing|ure|ures)|confiscat(?:ed|ing|ion)|recovered|discovered|uncovered)")
_MOVED_AR = (r"(?:نشر|نشرت|نشره|نصب|نصبت|تسليم|تسلم|تسلمت|شحنه|شحنة|شحنات|تهريب|هربت|مخزن|مخازن|تخزين|نقل|نقلت|امتلاك|"
             r"اشترت|شراء|توريد|تزويد|ضبط|ضبطت|مصادره|مصادرة|صادرت|حجز|حجزت)")
# the weapon is what is moved: "missiles … were (also thought to be) deployed", «صواريخ روسية نشرت»; or the object
# of such a verb or noun: "deployed missiles", "a shipment of rockets", «نشر صواريخ», «شحنة صواريخ»
_WEAPON_MOVED_AFTER_RE = re.compile(
    rf"(?:\s+(?!at\b|on\b|into\b|hit\b|fired\b)[^\s;,.]+){{0,6}}?\s+(?:were|was|are|is|had\s+been|have\s+been|has\s+been)\s+"
    rf"(?:(?!fired\b|launched\b)[^\s;,.]+\s+){{0,4}}?{_MOVED_EN}\b|(?:\s+\S+){{0,2}}?\s+[وف]?{_MOVED_AR}(?![\u0621-\u064a])", re.I)
_WEAPON_MOVED_BEFORE_RE = re.compile(
    rf"\b{_MOVED_EN}\s+(?:of\s+)?(?:\S+\s+){{0,2}}$|(?:^|\s)[وف]?{_MOVED_AR}\s+(?:\S+\s+)?$"
    # "seized rifles, hand grenades and explosives", «ضبطت أسلحة وقنابل ومتفجرات»: the rest of a list of things seized
    rf"|\b{_MOVED_EN}\s+(?:[\w-]+,?\s+){{1,6}}?(?:and|or)\s+(?:[\w-]+\s+)?$|\b{_MOVED_EN}\s+(?:[\w-]+,\s+){{1,5}}$"
    rf"|(?:^|\s)[وف]?{_MOVED_AR}\s+(?:\S+\s+){{1,5}}?و?$", re.I)
_COVERING_BEFORE_RE = re.compile(
    r"\b(?:reporting\s+on|report\s+on|covering|to\s+cover|filming|documenting|photographing)\s+(?:the\s+|a\s+)?(?:\S+\s+)?$"
    r"|(?:^|\s)(?:تغطيت\S*|تغطية|لتغطية|يغطي|تغطي|توثيق|لتوثيق|تصوير|لتصوير)\s+$", re.IGNORECASE)
#: «هجمات دامية متواترة», "attacks that recur": blows told as recurring, no one of them.
_HABIT_AFTER_RE = re.compile(r"\s+(?:\S+\s+)?(?:متواترة|متواتره|متكررة|متكرره)(?![\u0621-\u064a])")
#: "This is the first time that warplanes have struck Ubari", «وهذه هي المرة الأولى التي …»: what the event told
#: before was the first of, not a second event.
_FIRST_TIME_RE = re.compile(
    r"\s*(?:this|it|that)\s+(?:is|was|marks|marked)\s+(?:the\s+)?first\s+time\b"
    r"|\s*[وف]?(?:هذه|هي|وهي|تعد|تعتبر)\s+(?:هي\s+)?(?:المرة|المره)\s+(?:الأولى|الاولى|الأولي|الاولي)\s+(?:التي|الذي)",
    re.IGNORECASE)
_MARKING_BEFORE_RE = re.compile(
    r"[,،]\s*(?:(?:marking|making\s+it|becoming|in\s+what\s+(?:was|is|has\s+been))\s+(?:the|its|their|a)\s+(?:\S+\s+){0,2}"
    r"|[وف]?(?:ليكون|لتكون|ليصبح|لتصبح|وهو|وهي|ويعد|وتعد|ويعتبر)\s+(?:هذا\s+|هذه\s+)?(?:\S+\s+)?"
    r"(?:أول|اول|أعنف|اعنف|أكبر|اكبر|أخطر|اخطر|ثاني|ثالث|الأول|الاول|الأعنف|الاعنف)\s+)$",
    re.IGNORECASE)


def _clitic_of(word: str) -> str:
    """The preposition «ب» or «ل» a trigger word carries («باقتحام», «لشن»), else ''."""
    return word[0] if len(word) > 3 and word[0] in "بل" and word[1] == "ا" else ""


def _refers_back(text: str, t: Trigger) -> bool:
    """True when a trigger names an event already reported: «هذه الهجمات», «التفجير», "the attack"."""
    back = _BACK_BEFORE_RE.search(text[max(0, t.start - 14):t.start])
    if back and not (back.group().strip().lower() == "that" and t.word.lower().endswith("ed")):
        return True  # ("jets that bombed …": a relative "that" before a verb refers back to nothing)
    if _BACK_AFTER_RE.match(text[t.end:t.end + 12]):
        return True
    w = _norm(t.word)
    return w.startswith(("ال", "وال", "فال")) and t.kind not in {"protest", "territory", "arrest", "agreement"}


_SOURCE_AFTER_RE = re.compile(
    r"^\s*(?:,\s*)?(?:said|say|says|told|reported|report|reports|added|confirmed|claimed|stated|according"
    # "a Reuters journalist saw the bodies", "witnesses counted": who saw it tells it
    r"|saw|see|sees|counted|witnessed|heard|observed)\b"
    r"|^\s*(?:قال|قالوا|قالت|أفاد|افاد|أفادوا|ذكر|ذكروا|أكد|أكدوا|أعلن|أعلنوا|شاهد|شاهدوا|رأى|أحصى|احصى)(?![\u0621-\u064a])",
    re.IGNORECASE,
)
_SOURCE_BEFORE_RE = re.compile(r"(?:\baccording\s+to(?:\s+the)?|وفقا\s+ل|وفقًا\s+ل|بحسب|حسب|نقلا\s+عن|نقلاً\s+عن)\s*$",
                               re.IGNORECASE)


# "The GNA accused the LNA of shelling …", «اتهمت حكومة الوفاق قوات حفتر بقصف …»: who accuses is neither side
_ACCUSER_AFTER_RE = re.compile(r"^\s*(?:has\s+|had\s+|have\s+)?(?:accus(?:ed|es|ing)|blam(?:ed|es|ing))\b", re.IGNORECASE)
_ACCUSER_BEFORE_RE = re.compile(r"(?:^|\s)[وف]?(?:اتهم|اتهمت|يتهم|تتهم|حمل|حملت|يحمل|تحمل|حمّل|حمّلت)\s+$")


def _is_accuser(text: str, a: ActorMention) -> bool:
    """An actor that accuses another of the event: not a party to it."""
    return bool(_ACCUSER_AFTER_RE.match(text[a.end:a.end + 24]) or _ACCUSER_BEFORE_RE.search(text[max(0, a.start - 12):a.start]))


def _is_source(text: str, a: ActorMention) -> bool:
    """A civilian group that only reports the event: "residents said", «بحسب السكان».

    An armed actor that "said" it took a town is still the one that took it.
    """
    if _MINISTRY_OF_RE.search(text[max(0, a.start - 40):a.start]):
        # «أعلنت وزارة الصحة في حكومة الوحدة الوطنية مقتل…», "the health ministry of the GNU said": the government that
        # owns the ministry or office reporting the event is not a side of it
        return True
    if getattr(a, "kind", "") != "civilians":
        return False
    return bool(_SOURCE_AFTER_RE.match(text[a.end:a.end + 20]) or _SOURCE_BEFORE_RE.search(text[max(0, a.start - 20):a.start]))


_FIGHTS_NAMED_RE = re.compile(r"(?:^|\s)[ول]?(?:محاربة|محاربه|مكافحة|مكافحه|لمحاربة|لمكافحة)\s+(?:تنظيم\s+)?$|\b(?:anti|counter)-$",
                              re.IGNORECASE)
# a ministry, office or spokesman of a government: «وزارة الصحة في/بـ/التابعة لـ», «المكتب الإعلامي لـ», "the health
# ministry of", "the interior ministry in the"
_MINISTRY_OF_RE = re.compile(
    r"(?:^|\s)[وف]?(?:ال)?(?:وزارة|وزاره|مكتب|المكتب\s+الإعلامي|المكتب\s+الاعلامي|إدارة|ادارة|جهاز\s+الإسعاف|جهاز\s+الاسعاف)"
    r"(?:\s+(?:ال)?(?:صحة|صحه|داخلية|داخليه|خارجية|خارجيه|إعلام|اعلام|عدل|دفاع))?\s+(?:في|ب|التابعة\s+ل|التابع\s+ل|ل)\s*$"
    r"|\b(?:health|interior|foreign|justice|information|media)\s+(?:ministry|office)\s+(?:of|in|for)\s+(?:the\s+)?$"
    r"|\bministry\s+of\s+(?:health|interior|foreign\s+affairs|information)\s+(?:of|in)\s+(?:the\s+)?$",
    re.IGNORECASE)


def _camp(name: str) -> str:
    """'state', 'non_state', 'external', 'civilians' or '' (unknown) for a canonical actor name."""
    try:
        a = lexicon.default_lexicon().actor(name) if name else None
    except Exception:  # noqa: BLE001
        a = None
    return (a or {}).get("kind", "") if isinstance(a, dict) else ""


_FACTION_RE = re.compile(r"^Military Forces of Libya \((?P<years>[^)]*)\)\s*(?P<name>[^-]*)")


#: "government forces", «الجيش» in the 2011 war (17 February – 23 October 2011, the fall of Sirte)
#: were Gaddafi's: the generic state force takes the name of the government of the day
_GADDAFI_WAR = ("2011-02-15", "2011-10-23")
_NTC_END = "2012-08-08"  # the NTC hands power to the General National Congress (en.wikipedia 'National Transitional Council')
_GNA_START = "2015-12-17"  # the Libyan Political Agreement that created the GNA (en.wikipedia 'Government of National Accord')
_GNU_START = "2021-03-10"  # the GNU took office (en.wikipedia 'Government of National Unity (Libya)')
_DIGNITY_START = "2014-05-16"  # Haftar's Operation Dignity: from then on "the LNA" is his (en.wikipedia 'Operation Dignity')


#: The two sides of the 2011 war, as the actor lexicon names them.
_WAR_2011_SIDES = ("Gaddafi loyalist forces", "NTC/rebel forces (2011)")


#: A capitalised name before "Agreement"/"Accord" ("the Libyan Political Agreement", "the Skhirat Agreement"): the
#: name of a text; it is an event only when the sentence tells it was made (signed, reached, concluded).
_NAMED_ACCORD_BEFORE_RE = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w'’-]*\s+){1,4}$")
_ACCORD_MADE_RE = re.compile(r"\b(?:sign(?:ed|s|ing)?|reach(?:ed|es)?|conclud(?:ed|es)|agreed|initial(?:l)?ed)\b", re.I)


def _war_sides(actor1: str, actor2: str) -> tuple[str, str, str]:
    """(actor1, actor2, note) of a battle of the 2011 war whose text names one side or none.

    From February to October 2011 the fighting in Libya was between Gaddafi's forces and the rebels:
    a battle that names one of them was fought against the other («معارك عنيفة بمصراتة … والثوار
    ينتصرون»), one that names neither between the two («معركة بالزاوية»), as ACLED codes them. A battle
    that names any other actor keeps what the text says.
    """
    loyal, rebels = _WAR_2011_SIDES
    if not actor1 and not actor2:
        return loyal, rebels, f"{_INFERRED_FIRST[0]}: a battle of the 2011 war"
    other = {loyal: rebels, rebels: loyal}
    if actor1 in other and not actor2:
        return actor1, other[actor1], "second side inferred: a battle of the 2011 war"
    if actor2 in other and not actor1:
        return other[actor2], actor2, f"{_INFERRED_FIRST[1]}: a battle of the 2011 war"
    return actor1, actor2, ""


#: How :func:`_war_sides` notes an inferred first actor (which later sentences must not take as theirs).
_INFERRED_FIRST = ("both sides inferred", "first side inferred")


def _tolls_by_place(counts: Sequence[tuple[int, int]], base: int, targets: Sequence[_Located | None]) -> list[int | None] | None:
    """The fatalities of each target when a sentence gives each place its own count, else None.

    ``counts`` are (count, offset in the sentence) in text order; a count belongs to the first target
    place written after it and before the next count; a count with no place before a next count written
    right after it (within 30 characters) joins it ("Seven soldiers and two civilians were killed in Benghazi":
    nine). None unless at least one target
    gets a count this way (then a target that gets none has no toll of its own).
    """
    if len(counts) < 2 or not targets or any(t is None for t in targets):
        return None
    bounds = [base + off for _, off in counts] + [1 << 62]
    out: list[int | None] = [None] * len(targets)
    pending = 0
    for k, (value, _) in enumerate(counts):
        lo, hi = bounds[k], bounds[k + 1]
        q = next((q for q, t in enumerate(targets) if t is not None and lo <= t.mention.start < hi), None)
        if q is None:
            pending = pending + value if hi - lo <= 30 else 0
        else:
            out[q] = (out[q] or 0) + value + pending
            pending = 0
    return out if any(v is not None for v in out) else None


# a tally of many events, not one event's toll
_SUMMARY_TOLL_RE = re.compile(
    r"\b(?:in\s+total|overall|altogether|so\s+far\s+this|to\s+date|since\s+the\s+(?:start|beginning|outbreak)|"
    r"this\s+year|last\s+year|since\s+(?:19|20)\d\d)\b"
    r"|(?:^|\s)(?:منذ\s+(?:بداية|بدء|اندلاع|مطلع|عام)|إجمالا|اجمالا|في\s+المجمل|خلال\s+(?:العام|السنة|الشهر)\s+(?:الماضي|الجاري)|"
    r"منذ\s+(?:19|20)\d\d)", re.IGNORECASE)


def _clause_tolls(text: str, lang: str, trigs: Iterable[Trigger]) -> dict[int, tuple[int | None, int | None]] | None:
    """Each clause's own toll, where the triggers of a sentence lie in several clauses and one of them at
    least counts its own dead or wounded ("Clashes in Zawiya killed three, while an air strike in Gharyan
    killed five", «…، فيما قتل خمسة في غارة على غريان», «…، وفي اليوم التالي قتلت غارة خمسة»; "…, while an air
    strike hit Gharyan": no toll of its own); None when no trigger's clause counts any (the toll is the
    sentence's). Clauses are split by :data:`_TOLL_CLAUSE_RE`."""

    clauses = {_clause_of(text, t.start, _TOLL_CLAUSE_RE) for t in trigs}
    if len(clauses) < 2:
        return None
    cuts = [0] + [b.end() for b in _TOLL_CLAUSE_RE.finditer(text)] + [len(text)]
    out: dict[int, tuple[int | None, int | None]] = {}
    for c in clauses:
        part = numbers.casualties(text[cuts[c]:cuts[c + 1]], lang)
        out[c] = (part.fatalities, part.injuries)
    return out if any(f or i for f, i in out.values()) else None


_TOLL_TYPES = _VIOLENT_TYPES | {"Riots", "Protests"}  # the event types a sentence's toll may belong to


def _toll_owner(seen: dict[tuple[str, ...], Trigger], cas: Casualties) -> str | None:
    """The event type a sentence's toll belongs to when it tells events of several types: that of the
    violent event named last before the first count ("Fighting resumed in Murzuq, when an air strike killed
    42": the strike, not the fighting), else of the first one after it; the events of the other types (an
    arrest or an agreement told beside the dead, the battle the strike was part of) get none. Two reports of
    one protest («للتظاهر … المتظاهرين») are one type and keep it both. None: the sentence has one event, or
    no count written as a number (each event keeps the sentence's toll)."""
    pos = getattr(cas, "first_count_at", None)
    if len(seen) < 2 or pos is None:
        return None
    violent = sorted((t for key, t in seen.items() if key[0] in _TOLL_TYPES), key=lambda t: t.start)
    if not violent:
        return None
    before = [t for t in violent if t.start < pos]
    owner = before[-1] if before else violent[0]
    return next(key[0] for key, t in seen.items() if t is owner)


def _of_another_day(d: DateInfo | None, event_date: str | None) -> bool:
    """Whether a sentence's own date expression ``d`` puts what it tells on another day than ``event_date`` (on
    another month, when ``d`` is known to the month only): its deaths are not that event's toll."""
    if d is None or d.date is None or d.start < 0 or not event_date:
        return False
    if d.precision == 1:
        return d.date.isoformat() != event_date[:10]
    return d.date.isoformat()[:7] != event_date[:7]


def _added_victims(ev: Event, fat: int | None, inj: int | None, text: str) -> tuple[int | None, int | None] | None:
    """The toll of ``ev`` with the victims a later sentence adds to it ("Two other US diplomats were killed in the
    attack.", "Another soldier died of his wounds on Monday.", «وتوفي جندي آخر متأثرا بجراحه»), or None when the
    sentence adds none (no toll before it, no count, or no "another"/"other"/"more" word)."""
    if not ev.fatalities or not fat or _ADDED_VICTIMS_RE.search(text) is None or _TOLL_UPDATE_RE.search(text):
        return None  # ("in the latest toll", «وفي آخر حصيلة ارتفع عدد القتلى إلى 12»: an update, not more victims)
    return ev.fatalities + fat, ev.injuries if inj is None else (ev.injuries or 0) + inj


def _clause_of(text: str, pos: int, pattern: re.Pattern[str] = _CLAUSE_RE) -> int:
    """Index of the clause (split by ``pattern``, :data:`_CLAUSE_RE` by default) that holds offset ``pos``."""
    return sum(1 for b in pattern.finditer(text) if b.end() <= pos)


def _agent_before(t: Trigger, actors: list[ActorMention], text: str) -> bool:
    """An actor right before the trigger (within a few words, no clause break): its agent."""
    return any(a.end <= t.start and t.start - a.end <= 30 and not _is_source(text, a)
               and not _CLAUSE_RE.search(text[a.end:t.start]) for a in actors)


def _narrative_era(years: list[tuple[int, int]], pos: int) -> str | None:
    """A representative date (1 July) of the year a narrative named last before ``pos``, else of its first year."""
    before = [y for p, y in years if p <= pos]
    yr = before[-1] if before else (years[0][1] if years else None)
    return f"{yr:04d}-07-01" if yr else None


_STATE_FORCES = "Libyan forces"  # the lexicon's generic state forces (libyan_forces), named after their time below


def _of_its_time(name: str, date: str | None) -> str:
    """The generic "Libyan forces" named after the government of the event's date (2011: Gaddafi's)."""
    if name == "GNA forces" and date and date[:10] < _GNA_START:
        # «القوات الحكومية», "government forces" before the Government of National Accord existed: the state's
        name = _STATE_FORCES
    if name == _STATE_FORCES and date and _GADDAFI_WAR[0] <= date[:10] <= _GADDAFI_WAR[1]:
        return "Gaddafi loyalist forces"
    if name == "GNA forces" and date and date[:10] >= _GNU_START:
        # the Tripoli government's forces from 10 March 2021 are the Government of National Unity's
        return "GNU forces"
    if name == "LNA" and date and date[:10] < _DIGNITY_START:
        # "the Libyan National Army" before Haftar's Operation Dignity is the state's army of 2011–14
        return _STATE_FORCES
    if name == _WAR_2011_SIDES[1] and date and date[:10] > _NTC_END:
        # "rebel gunmen" seizing a tanker in 2014, «الثوار» of a later year: not the 2011 war's rebels, whose
        # council handed power to the General National Congress on 8 August 2012
        return "Unidentified armed group"
    return name


def _allied(a: str, b: str) -> bool:
    """True when two actors of a sentence are on one side (the air force and the army it supports).

    Actors of the same kind are allies, except two state forces of rival governments (the
    GNA's and the LNA's forces, Gaddafi's army and its successors): their ACLED labels name
    different factions.
    """
    ca = _camp(a)
    if not ca or ca != _camp(b):
        return False

    def faction(name: str) -> str:
        try:
            row = lexicon.default_lexicon().actor(name) if name else None
        except Exception:  # noqa: BLE001
            row = None
        m = _FACTION_RE.match((row or {}).get("acled_name", "") if isinstance(row, dict) else "")
        return f"{m['years']} {m['name'].strip()}" if m else ""

    fa, fb = faction(a), faction(b)
    return not (fa and fb and fa != fb)


_EN_CAME_UNDER_RE = re.compile(r"\b(?:came|come|comes|coming)\s+under\s+(?:(?:an?|heavy|sustained|repeated)\s+)*$", re.I)
_EN_CAME_UNDER_TRIGGER_RE = re.compile(r"(?:came|come|comes|coming)\s+under\b", re.I)  # the trigger "came under fire"


def _underwent(text: str, t: Trigger, actor: ActorMention, lo: int, lang: str) -> bool:
    """Whether ``actor``, named before trigger ``t``, is the subject of a verb of undergoing the blow
    («تعرضت قوات الوفاق لهجوم», "LNA positions came under fire"): the target, not the agent."""
    if lang == "ar":
        return _AR_UNDERWENT_RE.search(text, max(lo, actor.start - 30), actor.start + 1) is not None
    return bool(_EN_CAME_UNDER_RE.search(text, actor.end, t.start) or _EN_CAME_UNDER_TRIGGER_RE.match(text, t.start, t.end))


def _actors_for(t: Trigger, actors: list[ActorMention], text: str, lang: str, carried: str,
                ) -> tuple[str, str]:
    """(actor1, actor2) of a trigger.

    actor1 is the agent: the nearest actor before the trigger; in Arabic (verb-subject order) an
    actor right after the verb with no preposition between («سيطرت قوات الوفاق على…»); else the
    paragraph's last agent; actor2 is another actor of the sentence (the opponent or target).
    An actor of the same kind as actor1 (two state forces: the air force and the army it
    supports) is an ally, not an opponent, unless the sentence pits them against each other
    («بين X و Y», "between X and Y").
    """
    # actors of another clause («…، فيما سيطرت قوات X على…», "…, while X…") are not this trigger's
    lo, hi = 0, len(text)
    for b in _CLAUSE_RE.finditer(text):
        if b.end() <= t.start:
            lo = b.end()
        elif b.start() >= t.end:
            hi = b.start()
            break
    # "in coordination with the GNA", «بالتنسيق مع حكومة الوفاق»: a partner of the agent, neither agent nor target
    actors = [a for a in actors if a.start >= lo and a.end <= hi and not _is_source(text, a) and not _is_accuser(text, a)
              # «غرفة عمليات محاربة داعش», "the anti-IS operations room": a force named after the enemy it fights
              and not _FIGHTS_NAMED_RE.search(text[max(0, a.start - 14):a.start])
              and not _PARTNER_BEFORE_RE.search(text[max(0, a.start - 40):a.start])]
    # «معسكر خفر السواحل», "the headquarters of the February 17 Brigade": a force named as the owner of a
    # facility is where the blow fell (a target), never the agent
    blow = getattr(t, "kind", "") in _BLOW_KINDS
    owners = [a for a in actors if _FACILITY_BEFORE_RE.search(text[max(0, a.start - 24):a.start])
              # «قتل ضابط في جهاز الأمن الداخلي», "an officer of the Internal Security Agency was killed": the force a
              # victim belongs to is where the blow fell
              or _MEMBER_OF_BEFORE_RE.search(text[max(0, a.start - 30):a.start])
              # "killed 12 Islamic State fighters", «قتلت قوات الجيش 12 من عناصر داعش»: the counted dead are victims
              or _KILLED_COUNT_BEFORE_RE.search(text[max(0, a.start - 60):a.start])
              or _FACILITY_AFTER_RE.match(text[a.end:a.end + 20])
              or (blow and _TARGET_GROUP_BEFORE_RE.search(text[max(0, a.start - 24):a.start]))]
    agents = [a for a in actors if a not in owners]
    before = [a for a in agents if a.end <= t.start]
    after = [a for a in agents if a.start >= t.end]
    actor1 = ""
    claimer = next((a for a in after if _CLAIMED_BY_RE.search(text[max(0, a.start - 16):a.start])), None)
    if claimer is not None and _camp(claimer.name) != "civilians":
        # «الاعتداء الذي استهدف الوزارة والذي تبناه تنظيم داعش», "the attack, claimed by IS": who claims it did it
        return claimer.name, next((a.name for a in actors if a is not claimer and a.name != claimer.name), "")
    if _HANDS_OF_RE.search(t.word) and _GOVERNMENT_AFTER_RE.match(text, t.end):
        # "it was back in the hands of the government", "returned to the control of the regime": the state forces
        # (of the event's time) hold it; whoever the sentence named before lost it
        return _STATE_FORCES, next((a.name for a in reversed(before) if a.name != _STATE_FORCES), "")
    if len(after) >= 2 and (_BETWEEN_RE.search(text[t.end:after[0].start]) or (
            _PITTED_RE.search(text[t.end:after[0].start]) and _AGAINST_RE.search(text[after[0].end:after[1].start]))):
        # «اشتباكات بين قوات الوفاق وعناصر داعش», "clashes between X and Y", "the fighting pitted X against Y"
        return after[0].name, next((a.name for a in after[1:] if a.name != after[0].name), "")
    if after and getattr(t, "kind", "") in ("clash", "fighting") and _BETWEEN_RE.search(text[t.end:after[0].start]) \
            and _camp(after[0].name) != "civilians":
        # "clashes between jihadists and forces loyal to the HoR": the side a clash names is one of its two
        # actors (ACLED lists the sides of a clash in no set order), whoever the sentence before named
        return after[0].name, ""
    if lang == "ar" and before and not text[before[-1].end:t.start].strip() \
            and not text[lo:before[-1].start].strip(" \t\n«\"'(-–—:،,.") and not _underwent(text, t, before[-1], lo, lang):
        # «قوات مصراتة هاجمت القوات الحكومية», «القوات الحكومية تستعيد السيطرة على…»: subject, then verb (the
        # clause opens with the actor and the verb follows it): the actor before is the agent, the one after
        # the object
        actor1 = before[-1].name
    elif lang == "ar" and after and (not text[t.end:after[0].start].strip(" ـ")
                                     or _AR_OF_FORCES_GAP_RE.match(text[t.end:after[0].start])):
        # «غارات حلف الناتو»، «هاجمت كتائب القذافي»: an actor right after the trigger (its genitive,
        # or the subject after the verb) is the agent, whoever the sentence named before
        actor1 = after[0].name
    elif after and _CARRIED_HINT_RE.search(text, t.end) and (agent := next(
            (a for a in after if _CARRIED_OUT_BY_RE.search(text[max(t.end, a.start - 40):a.start])), None)) is not None \
            and _camp(agent.name) != "civilians":
        # "an offensive in Libya currently being carried out by forces loyal to Haftar", «هجمات شنتها قوات …»: who
        # carried it out did it, however far from the event word
        actor1 = agent.name
    elif after and _PASSIVE_AGENT_RE.search(text[max(0, t.start - 4):after[0].start]) and len(text[t.end:after[0].start]) <= 40:
        # "the town fell to pro-Gaddafi forces", "was taken by the LNA": the agent comes after
        actor1 = after[0].name
    elif lang == "ar" and after and _AR_UNDERWENT_RE.search(text[max(0, t.start - 40):t.start]) \
            and _AR_FROM_AGENT_RE.search(text[t.end:after[0].start]) and len(text[t.end:after[0].start]) <= 60:
        # «تعرضت مصراتة إلى قصف بالصواريخ من قوات الكتائب»: what a place underwent, and from whom
        actor1 = after[0].name
    elif after and getattr(t, "kind", "") in _BLOW_KINDS and _BLOW_FROM_RE.fullmatch(text[t.end:after[0].start]) \
            and _camp(after[0].name) != "civilians":
        # "faced heavy shelling from Gaddafi forces", «في قصف عنيف من كتائب القذافي»: the blow comes from the
        # actor named after it, whoever the sentence named before (its victims, «معظمهم من الثوار»)
        actor1 = after[0].name
    elif before and _underwent(text, t, before[-1], lo, lang):
        # «تعرضت دورية تابعة للجيش الوطني لهجوم», "an LNA patrol came under attack": the force named before
        # the blow it underwent is its target (actor 2); the agent is not named here
        actor1 = ""
    elif before:
        actor1 = before[-1].name
    elif lang == "ar" and after:
        gap = text[t.end:after[0].start]
        if len(gap) <= 25 and not _PREP_RE.search(gap):
            actor1 = after[0].name
    if not actor1 and after and getattr(t, "kind", "") != "protest":
        # "The Zawiya massacre took place on 24 February, when loyalist forces opened fire on protesters",
        # «مجزرة وقعت … عندما أطلق مسلحون النار»: the subject of the clause that tells how it happened did it
        actor1 = next((a.name for a in after if _camp(a.name) != "civilians"
                       and _WHEN_SUBJECT_RE.search(text[max(t.end, a.start - 40):a.start])), "")
    if actor1 and _camp(actor1) == "civilians" and getattr(t, "kind", "") != "protest":
        actor1 = ""  # civilians named with violence are its victims («قتل ثلاثة مدنيين في قصف…»)
    if not actor1:
        actor1 = carried
    others = [a.name for a in owners + agents if a.name != actor1]
    if getattr(t, "kind", "") in ("clash", "fighting"):
        # the sides of a clash are armed: residents who flee it are not its actor 2
        others = [n for n in others if _camp(n) != "civilians"]
    if actor1 and others:
        opponents = [n for n in others if not _allied(actor1, n)]
        # a clash has two sides: "Zintani militias clashed with Misratan forces", «اشتبكت ميليشيات
        # الزنتان مع قوات مصراتة» — two militias, still opponents
        others = opponents if opponents or getattr(t, "kind", "") not in ("clash", "fighting") else others
    actor2 = others[0] if others else ""
    if getattr(t, "kind", "") == "territory" and actor1:
        # "captured the airport from the Zintan brigades", «انتزعت المدينة من قبضة قوات حفتر»: whom a place was
        # taken from is the other side, allied in kind or not (two militias)
        loser = next((a.name for a in after if a.name != actor1
                      and _TAKEN_FROM_RE.search(text[max(t.end, a.start - 24):a.start])), "")
        actor2 = loser or actor2
    return actor1, actor2


_WHEN_SUBJECT_RE = re.compile(r"\b(?<!such )(?<!well )(?:when|as|after)\s+(?:the\s+|a\s+|an\s+)?(?:\S+\s+)?$"
                              r"|(?:^|\s)[وف]?(?:عندما|حين|حينما|بعدما|لما|إذ|اذ)\s+(?:\S+\s+)?$", re.IGNORECASE)
_BETWEEN_PLACES_RE = re.compile(
    # "the road linking the towns of Tarhuna and Bani Walid", «الطريق الرابط بين مدينتي « ترهونة » و« بني وليد »»
    r"\b(?:between|(?:linking|connecting|joining)(?:\s+the\s+(?:towns|cities|villages)\s+of)?)\s+"
    r"(?:the\s+(?:towns|cities|villages)\s+of\s+)?[\"“«]?\s*$"
    r"|(?:^|\s)بين\s+(?:مدينتي\s+|بلدتي\s+|منطقتي\s+)?[\"“«]?\s*$", re.IGNORECASE)
_YEAR_NAMED_RE = re.compile(r"\bthe\s+((?:19|20)\d\d)\s+(?:\S+\s+)?$", re.IGNORECASE)  # "the 2012 (Benghazi) attack"
_TAKEN_FROM_RE = re.compile(r"\bfrom\s+(?:the\s+)?(?:control\s+of\s+(?:the\s+)?)?$"
                            r"|(?:^|\s)من\s+(?:(?:قبضة|أيدي|ايدي|يد|سيطرة)\s+)?$", re.IGNORECASE)


_PARTNER_BEFORE_RE = re.compile(
    r"\b(?:in\s+(?:close\s+)?(?:coordination|cooperation|partnership|conjunction)\s+with|with\s+the\s+(?:support|backing|help)\s+of|"
    r"at\s+the\s+request\s+of)\s+(?:the\s+)?(?:Libyan\s+)?$"
    r"|(?:^|\s)(?:بالتنسيق\s+مع|بالتعاون\s+مع|بطلب\s+من|بناء\s+على\s+طلب)\s+$",
    re.IGNORECASE)
_SEAT_BEFORE_RE = re.compile(
    r"\b(?:based|headquartered|seated|sitting|convened|meeting)\s+in\s+(?:the\s+(?:eastern|western|southern)\s+(?:city|town)\s+of\s+)?$"
    r"|(?:^|\s)(?:ال)?(?:متواجد|المتواجدة|متواجدة|منعقد|المنعقدة|منعقدة|متخذ|المتخذة|ومقره|ومقرها|مقره|مقرها|"
    r"الذي\s+يتخذ\s+من|التي\s+تتخذ\s+من|ومقرهم|ومقرّه|ومقرّها)\s+(?:في\s+|ب)?(?:مدينة\s+)?$",
    re.IGNORECASE)
# the body a speaker speaks for: «المتحدث باسم», «الناطق الرسمي باسم», «مدير مركز», "a spokesman for the", "the head of"
_SPEAKER_OF_RE = re.compile(
    r"(?:^|\s)(?:ال)?(?:متحدث|ناطق|متحدثة|ناطقة)\s+(?:ال)?(?:رسمي\s+|الرسمي\s+)?(?:باسم|عن)\s+(?:\S+\s+){0,2}?$"
    r"|(?:^|\s)(?:مدير|مديرة|رئيس\s+قسم)\s+(?:(?:ال)?(?:مستشفى|مركز|مكتب|إدارة|ادارة)\s+)?$"
    r"|\bspokes(?:man|woman|person)\s+(?:for|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$"
    r"|\b(?:director|head|chief)\s+of\s+(?:the\s+)?(?:(?:hospital|medical\s+cent(?:re|er))\s+in\s+)?$",
    re.IGNORECASE)
# (a final hamza the trigger word leaves out: «اعتداء بسيارة مفخخة»)
_WEAPON_GAP_RE = re.compile(r"^[ءئ\u064b-\u0652]*\s*(?:with\s+(?:an?\s+)?|using\s+(?:an?\s+)?|by\s+(?:an?\s+)?)?$",
                            re.IGNORECASE)
_AR_WITHDRAW_FROM_RE = re.compile(
    r"(?:^|\s)(?P<v>[وف]?(?:انسحبت|انسحب|انسحبوا|انسحاب))\s+(?:\S+\s+){0,5}?من\s+(?:مدينة\s+|بلدة\s+|منطقة\s+)?$")
# "the coastal road to Sirte", «الطريق المؤدي إلى», "civilians fled to Tunisia": where a road leads or people went
_ROAD_TO_RE = re.compile(
    ROAD_TO_BEFORE +
    r"|(?:^|\s)(?:الطريق|طريق|المؤدي|المؤدية|الرابط|فروا|فر|هربوا|نزحوا|نزح)\s+(?:\S+\s+){0,2}?(?:إلى|الى|نحو|باتجاه)\s+(?:مدينة\s+)?"
    r"(?:\S+\s+و)?$",
    re.IGNORECASE)
# a distance with no direction from a place: «التي تبعد 70 كلم عن», «على بعد 40 كيلومترا من», "70 km from", "which lies
# 70 kilometres from the capital"
_DISTANCE_FROM_RE = re.compile(
    r"(?:تبعد|يبعد|بعد|مسافة|مسافه)\s+(?:نحو\s+|حوالي\s+|قرابة\s+|زهاء\s+)?(?:\d+|[٠-٩]+)\s*(?:كلم|كم|كيلومترا?|كيلومترات)\s+"
    r"(?:عن|من)\s+(?:(?:ال)?(?:عاصمة|عاصمه|مدينة|مدينه)\s+(?:الليبية\s+)?)?$"
    r"|\b\d+\s*(?:km|kms|kilometres|kilometers|miles)\s+(?:away\s+)?from\s+(?:the\s+(?:capital|city|town)(?:\s+of)?\s+)?$",
    re.IGNORECASE)
# where the dead and wounded were taken: "taken to a hospital in", "arrived at the hospital", «نقلوا إلى مستشفى», «وصلوا إلى»
_TAKEN_TO_RE = re.compile(
    r"\b(?:taken|brought|rushed|transferred|transported|evacuated|admitted|arrived|flown)\s+(?:to|at|in)\s+"
    r"(?:(?:a|the)\s+)?(?:(?:main|central|local|field|military)\s+)?(?:hospitals?(?:\s+in)?\s+|clinic(?:\s+in)?\s+)?$"
    r"|(?:^|\s)(?:نقل\S*|وصل\S*|أسعف\S*|اسعف\S*|أدخل\S*|ادخل\S*)\s+(?:\S+\s+){0,2}?(?:إلى|الى)\s+"
    r"(?:(?:ال)?(?:مستشفى|مستشفيات|مركز)\s+(?:\S+\s+)?)?$",
    re.IGNORECASE)


def _taken_to(text: str, m: Mention) -> bool:
    """Whether mention ``m`` is where the dead or wounded were taken ("arrived at the hospital", «نقلوا إلى مستشفى»)."""
    return _TAKEN_TO_RE.search(text, max(0, m.start - 50), m.start) is not None


#: Words without which a guard family cannot match (a cheap test per document before the per-mention regexes).
_GUARD_WORDS: dict[str, tuple[str, ...]] = {
    "seat": ("based", "headquartered", "seated", "sitting", "convened", "meeting", "متواجد", "منعقد", "متخذ", "مقره",
             "مقرها", "مقرّ", "تتخذ", "يتخذ"),
    "road": ("lead", "road", "highway", "route", "fled", "flee", "escaped", "as far as", "all the way", "طريق", "المؤدي",
             "الرابط", "فر", "هرب", "نزح"),
    "charge": ("charge", "accused", "convicted", "tried", "trial", "suspected", "indicted", "guilty", "sentenced", "تهم",
               "متهم", "اتهام", "محاكم", "أدين", "ادين", "مشتبه", "يشتبه", "connection", "linked", "involvement",
               "role in", "خلفية", "صلة", "لصلت", "تورط", "للاشتباه"),
    "habit": ("frequent", "often", "regular", "repeated", "routine", "occasional", "sometimes", "periodic", "usual",
              "متواتر", "متكرر",
              "typical", "habitual", "constant", "كثير", "غالبا", "غالباً", "عادة", "مرار", "أحيان", "احيان", "دأب",
              "اعتاد", "فتئ"),
    "compare": ("along with", "like", "as with", "as in", "similar", "unlike", "compar", "غرار", "مثل", "كما في", "جانب",
                "أسوة", "شأن"),
    "claim": ("claim", "تبن", "مسؤولي"),
    # a word each alternative of _MONTH_LATER_RE, _WEAPON_THING_RE and _HEDGE_RE holds (lower case)
    "month": ("month", "شهر"),
    "weapon": ("weapon", "arms", "ammunition", "munition", "tank", "launcher", "rocket", "missile", "explosive", "mine",
               "bomb", "ied", "device"),
    "named_event": ("battle", "siege", "معرك", "حصار", "مجزر", "مذبح"),
    "toward": ("toward", "باتجاه", "بإتجاه", "نحو", "صوب"),
    "hedge": ("قريب", "وشيك", "مرتقب", "متوقع", "expected", "imminent", "near", "planned", "likely", "soon", "possible"),
    # a word each alternative of _SPEAKER_OF_RE, _DISTANCE_FROM_RE, _TAKEN_TO_RE, _AR_AIM_BEFORE_RE and _AFTER_THIS_RE
    # holds (lower case)
    "speaker": ("متحدث", "ناطق", "مدير", "رئيس قسم", "spokes", "director", "head", "chief"),
    "distance": ("كلم", "كم", "كيلومتر", "km", "kilomet", "miles"),
    "taken_to": ("taken", "brought", "rushed", "transferred", "transported", "evacuated", "admitted", "arrived", "flown",
                 "نقل", "وصل", "أسعف", "اسعف", "أدخل", "ادخل"),
    "aim": ("هدف", "رامي", "هادف", "تسعى", "يسعى", "سعي", "aim", "intended", "seek"),
    "after_this": ("these", "those", "this", "that", "تلك", "هذه", "هذا", "ذلك", "هاتين", "هذين"),
    "amid": ("come", "came", "يأتي", "ياتي", "تأتي", "تاتي", "جاء"),
    # a word each alternative of _TOLD_EVENT_BEFORE_RE holds (lower case)
    "told": ("responsib", "blame", "fled", "flee", "escap", "linked", "tied", "connected", "behind", "suspected",
             "accused", "charged", "convicted", "wanted", "involvement", "مسؤولي", "هرب", "فرار", "نزحوا", "فروا",
             "متورط", "متهم", "مشتبه", "ضالع", "مسؤول"),
}
# between a place and the region after it that locates it: "in", "in the south of", «في جنوب»
_LOCATOR_GAP_RE = re.compile(r"^\s*,?\s*(?:in|at|في|ب|بـ)\s+(?:the\s+)?(?:[^\s,،.]+\s+){0,2}(?:of\s+)?$|^\s*,?\s*ب$"
                             # «تازربو، شرقي البلاد», "Tazirbu, east of the country": a direction after a comma
                             r"|^\s*[,،]\s*(?:في\s+|ب)?(?:ال)?(?:شمال|جنوب|شرق|غرب|وسط)\S*\s+$|^\s*[,،]\s*$"
                             r"|^\s*,\s*(?:in\s+)?(?:the\s+)?(?:far\s+)?(?:north|south|east|west|centre|center)\S*\s+(?:of\s+)?(?:the\s+)?$",
                             re.IGNORECASE)


def _holds(gaz: Gazetteer, area: Place, place: Place) -> bool:
    """True when ``area`` (a region, district or country) contains ``place``: by the gazetteer's hierarchy,
    or the place lies within the area's radius."""
    from gazetteer.geodesy import haversine_km

    if _is_ancestor(gaz, area, place) or (area.id == "cc:LY" and not getattr(place, "is_foreign", False)):
        return True
    return haversine_km(area.lat, area.lon, place.lat, place.lon) <= precision_km(area)


# "a statement issued in agreement with the heads of mission", «بالاتفاق مع»: in accord with, no deal signed
_IN_ACCORD_RE = re.compile(r"\bin\s+(?:full\s+)?agreement\s+with\b|(?:^|\s)بالاتفاق\s+مع|(?:^|\s)بالتنسيق\s+مع", re.IGNORECASE)
_AR_FELL = "سقط"  # «سقط», «سقطت», «سقطوا» (the matcher accepts suffixes)
_AR_FELL_TO_RE = re.compile(rf"^[^.،,؛]{{0,40}}?\s{_AR_HANDS}")
_BARE_TAKE_RE = re.compile(r"(?:took|takes|taking|taken)(?:\s+back)?|regain(?:ed|s)?|secur(?:ed|ing|es)", re.IGNORECASE)
_REGAIN_RE = re.compile(r"regain(?:ed|s)?", re.IGNORECASE)
# "took Sirte's residents by surprise", "took Benina Airport as its headquarters": no capture
_TAKE_AS_RE = re.compile(r"['’]s\b|\s+as\b|\s+by\s+surprise\b", re.IGNORECASE)
_TAKE_GAP_RE = re.compile(r"\s+(?:back\s+)?(?:the\s+(?:town|city|village|port|oasis)\s+of\s+)?")
# "regained positions in Ain Zara", "regained lost ground around Gharyan" (not "took positions": deployed)
_REGAIN_GAP_RE = re.compile(r"\s+(?:the\s+(?:town|city|village|port|oasis)\s+of\s+)?"
                            r"(?:(?:their\s+|its\s+|lost\s+|several\s+|some\s+)*(?:positions|ground|areas)\s+(?:in|around|near|of)\s+)?")
_USURPED_AFTER_RE = re.compile(r"\s+(?:ال)?(?:أرض|ارض|أراض\S*|اراض\S*|سلط\S*|حكم|حق|حقوق|ممتلكات|منازل|عقار\S*|أموال|اموال"
                               r"|مقاعد|مناصب)(?![\u0621-\u064a])")
_ARMY_WORD_RE = re.compile(r"جيش|\barmy\b", re.IGNORECASE)
#: The rival armies a bare «الجيش» refers back to (actor lexicon ids).
_ARMIES = frozenset({"lna", "gna", "gnu", "gns", "gaddafi_forces"})
_RAID_RE = re.compile(r"raid(?:s|ed|ing)?|[وفب]?(?:ال)?مداهم\S*|[وف]?داهم\S*", re.IGNORECASE)
_WITHDRAW_RE = re.compile(r"(?:withdr|pull|retreat|[وف]?[ايت]نسحا?ب)", re.IGNORECASE)
# "the fall of Tripoli", «سقوط مدينة سرت»: the noun is a change of hands only with a place as its object
# ("the fall of the regime", «سقوط قتلى», «سقوط صاروخ» are none)
_FALL_NOUN_RE = re.compile(r"(?:fall\s+of|[وفب]?(?:ال)?سقوط)", re.IGNORECASE)
_FALL_GAP_RE = re.compile(r"\s+(?:the\s+)?(?:(?:town|city|village|port|oasis|capital)\s+(?:of\s+)?)?"
                          r"(?:(?:مدينة|بلدة|قرية|العاصمة|واحة|ميناء)\s+)?")
# "The exchange of strikes demonstrated the intensity of the conflict": demonstrating something is showing it
_SHOWED_RE = re.compile(r"demonstrat(?:ed|es|e)$|rall(?:ied|ies)$", re.IGNORECASE)
_OBJECT_AFTER_RE = re.compile(r"^\s+(?:the|that|a|an|its|their|his|her|how|what|this|these|our|support|behind)\b",
                              re.IGNORECASE)
_LET_IN_RE = re.compile(r"(?:السماح|يسمح|تسمح|سمحت|سمح|تمكين|لتمكين|ضمان)\s+(?:\S+\s+){0,3}?(?:من\s+)?(?:ب|ال)?دخول"
                        r"|\b(?:allow\w*|let|permit\w*|enable\w*)\s+(?:\S+\s+){0,3}?(?:to\s+)?enter", re.IGNORECASE)
# the aircraft that dropped or fired it, right before the trigger, perhaps with its allegiance ("Air forces
# loyal to Khalifa Haftar attacked", «طائرات تابعة لقوات حفتر تقصف»)
_AIRCRAFT_BEFORE_RE = re.compile(
    r"\b(?:jets?|warplanes?|aircraft|planes?|bombers?|drones?|helicopters?|air\s+forces?)"
    r"(?:\s+(?:loyal\s+to|belonging\s+to|allied\s+(?:to|with)|aligned\s+with|of|from)"
    r"(?:\s+(?!(?:while|and|as|when|after|before|then|but|who|which|that)\b)[\w'’-]+){1,5}?)?"
    r"\s+(?:\S+\s+)?$"
    r"|(?:طائرات|طائرة|مقاتلات|قاذفات|مسيرة|مسيرات|الطيران|سلاح\s+الجو)\S*"
    r"(?:\s+(?:تابع\S*|موالي\S*|ال\S+)\s+(?:ل|إلى\s+)?\S+(?:\s+\S+)?)?\s+(?:\S+\s+)?$",
    re.IGNORECASE)
# the Arabic verb comes first: «هاجمت طائرات حربية مواقع …», «قصفت مقاتلات …»
_AIRCRAFT_AFTER_RE = re.compile(r"^\s+(?:طائرات|طائرة|مقاتلات|قاذفات|مسيرة|مسيرات|الطيران|طيران|سلاح\s+الجو)(?![\u0621-\u064a])")
_UNNAMED_BOMBER_SUBS = frozenset({"Remote explosive/landmine/IED", "Grenade", "Suicide bomb"})
# "to appear in court on charges of murder and kidnapping", «بتهمة القتل»: an accusation, not an event
_DETENTION_PLACE_BEFORE_RE = re.compile(r"(?:^|\s)[وفب]?(?:ال)?(?:مركز|مراكز|مرافق|مرفق|سجن|سجون|معسكر|مخيم)\s+$")
_DETENTION_PLACE_AFTER_RE = re.compile(r"^\s*(?:centres?|centers?|facilit(?:y|ies)|camps?|sites?)\b", re.IGNORECASE)
_CHARGE_BEFORE_RE = re.compile(
    r"\b(?:charges?\s+of|charged\s+with|accused\s+of|convicted\s+of|tried\s+for|trial\s+for|suspected\s+of|"
    r"indicted\s+for|guilty\s+of|sentenced\s+for|"
    # "arrested in connection with the bombing", "over their role in the attack": the event cited, told before
    r"in\s+connection\s+with|linked\s+to|(?:alleged\s+)?(?:role|involvement|part)\s+in)\s+(?:[^.;]{0,50}?)$"
    r"|(?:^|\s)(?:بتهمة|بتهم|بتهمتي|متهم\S*\s+ب|اتهام\S*\s+ب|محاكمت\S*\s+(?:في|ب)|أدين\S*\s+ب|ادين\S*\s+ب|"
    r"(?:ال)?مشتبه\S*\s+(?:في|ب)|يشتبه\s+(?:في|ب)|"
    r"على\s+خلفية|على\s+صلة\s+ب|لصلت\S*\s+ب|[لب]?تورط\S*\s+في|للاشتباه\s+(?:في|ب))\s*(?:[^.،]{0,50}?)$",
    re.IGNORECASE)
_PROTEST_CAUSE_RE = re.compile(
    r"\b(?:against|over|to\s+protest|to\s+denounce|to\s+condemn|in\s+protest\s+(?:at|against|over)|denouncing|"
    r"condemning|protesting)\s+(?:the\s+|a\s+|an\s+)?(?:\S+\s+)?$"
    r"|(?:^|\s)(?:رفضا|رفضاً|احتجاجا|احتجاجاً|اعتراضا|اعتراضاً|تنديدا|تنديداً|استنكارا|استنكاراً|غضبا|غضباً|ضد)"
    r"\s*(?:على\s+|ب|ل|من\s+)?\S*\s*$",
    re.IGNORECASE)
# a death a protest is about, after its trigger: "a day after a local man was killed", "over the killing of …",
# «غداة مقتل …», «احتجاجا على اغتيال …»: the dead of the cause are not the protest's toll (the cause before
# another trigger is _PROTEST_CAUSE_RE)
_PROTEST_OVER_DEATH_RE = re.compile(
    r"\b(?:(?:a\s+day|a\s+week|hours|days|shortly)\s+after|after|following|over|against|to\s+(?:protest|denounce|condemn|"
    r"mourn)(?:\s+against)?|in\s+protest\s+(?:at|against|over)|angered\s+by|outraged\s+(?:by|at)|demanding\s+justice\s+for)"
    r"\s+(?:\S+\s+){0,5}?(?:killing|killings|murder|murders|death|deaths|assassination|kidnapping|abduction|"
    r"(?:was|were|had\s+been|been)\s+(?:killed|shot|murdered|kidnapped|abducted))\b"
    r"|(?:^|\s)(?:غداة|بعد|إثر|اثر|عقب|احتجاجا\s+على|احتجاجاً\s+على|تنديدا\s+ب|تنديداً\s+ب|رفضا\s+ل|رفضاً\s+ل)"
    r"\s*(?:\S+\s+){0,2}?(?:ال)?(?:مقتل|اغتيال|قتل|اختطاف|خطف|وفاة)(?![\u0621-\u064a])",
    re.IGNORECASE)
# "to capture" after a noun or a verb of trying is a purpose ("made efforts to capture", "the use of force … to
# capture"); after "managed to", "went on to" the capture happened
_EN_PURPOSE_TO_RE = re.compile(r"(?<!managed )(?<!went on )(?<!able )(?<!succeeded )(?<!began )(?<!continued )(?<!moved )"
                               r"\bto\s+$", re.IGNORECASE)
_AR_OFFENSIVE_FOR_RE = re.compile(r"(?:عملية|عمليه|هجوما|هجوم|حملة|حمله|زحفا|زحف)(?:\s+(?:عسكرية|عسكريه|واسعة|واسعه|شاملة|شامله))*\s+$")
_OFFENSIVE_TO_RE = re.compile(r"\b(?:offensive|attack|campaign|operation|assault|push|drive|advance|bid|battle|fight|"
                              r"counter-?offensive)\s+to\s+$", re.IGNORECASE)
# people as the object of a capture: "captured militiaman X", "seized two journalists", "capture those responsible"
_PERSON_OBJECT_RE = re.compile(
    r"^\s+(?:and\s+\w+\s+)?(?:(?:the|a|an|two|three|four|five|several|dozens\s+of|\d+)\s+)?(?:\w+\s+){0,2}?"
    r"(?:people|persons|those|him|them|men|militiam[ae]n|fighters|soldiers|journalists?|workers?|members|suspects|"
    r"officials?|leaders?|commanders?|hostages|civilians|migrants|activists?|foreigners|nationals|diplomats?|"
    r"technicians?|engineers?|employees?|contractors?|tourists?|doctors?|nurses?|judges?|businessm[ae]n|staff|crew|"
    r"students?|teachers?|priests?|children|women|men|man|woman)\b",
    re.IGNORECASE)
# arms among the goods: what a seizure of them is (ACLED: disrupted weapons use, not looting)
_SURRENDER_RE = re.compile(r"surrender|laid\s+down|[وف]?(?:ا|إ)?ستسلا?م", re.IGNORECASE)
_WEAPON_THINGS = (r"(?:weapons|arms|ammunition|munitions|tanks|(?:rocket\s+)?launchers|rockets|missiles|explosives|mines|"
                  r"rifles|guns|pistols|(?:hand\s+)?grenades|"
                  r"(?:car\s+|roadside\s+)?bombs?|IEDs?|(?:explosive\s+)?devices?|landmines?)")
_IN_A_RAID_RE = re.compile(r"\b(?:in|during|after)\s+(?:a|an|the)\s+(?:\S+\s+)?$|(?:^|\s)(?:في|خلال|اثناء|أثناء)\s+$",
                           re.IGNORECASE)
_WEAPON_THING_RE = re.compile(rf"\b{_WEAPON_THINGS}\b", re.IGNORECASE)
_THINGS = (rf"(?:{_WEAPON_THINGS}|tankers?|ships?|vessels?|boats?|cargo(?:es)?|shipments?|consignments?|weapons|arms|ammunition|"
           r"vehicles?|cars?|trucks?|aircraft|planes?|drones?|barrels?|goods|equipment|crude\s+oil(?!\s+(?:field|terminal|port)))")
_THING_OBJECT_RE = re.compile(rf"^\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|\d[\d,]*\s+)?(?:[\w-]+\s+){{0,2}}?{_THINGS}\b", re.IGNORECASE)
_THING_PASSIVE_RE = re.compile(rf"\b{_THINGS}\b(?:\s+[\w,'’-]+){{0,5}}\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+$",
                               re.IGNORECASE)
_PLUPERFECT_CLAUSE_RE = re.compile(r"(?:,\s*|\b)(?:who|which|that)\s+had\s+(?:been\s+|already\s+)?\w+", re.IGNORECASE)
#: A line this short (characters) with a month in it and no event reads as a heading dating what follows.
_HEADING_CHARS = 40
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|had\s+been|has\s+been|have\s+been|being)\s+$", re.IGNORECASE)
_THING_WORD_RE = re.compile(rf"\b{_THINGS}\b", re.IGNORECASE)
_IT_PASSIVE_RE = re.compile(r"\b(?:it|they)\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+$", re.IGNORECASE)
_THING_AGENT_RE = re.compile(r"\b(?:the|a)\s+(?:\w+\s+)?(?:tanker|ship|vessel|boat)\s+(?:then\s+|later\s+|had\s+|has\s+)?$",
                             re.IGNORECASE)
# "captured Anas al-Liby", "seized Abu Anas al-Libi": a capitalised name of two to four words after the verb
_NAME_OBJECT_RE = re.compile(r"\s+([A-Z][a-z'’-]+(?:\s+(?:al-|el-|bin\s+|ben\s+|abu\s+|Abu\s+|ibn\s+)?[A-Z][\w'’-]+){1,3})\b")
_CAPTURE_WORD_RE = re.compile(r"captur|seiz|took|taken|take|nabbed|snatched", re.IGNORECASE)
_COMPARED_BEFORE_RE = re.compile(
    r"\b(?:along\s+with|like|as\s+with|as\s+in|similar\s+to|unlike|compared\s+(?:to|with)|comparable\s+to)\s+(?:the\s+)?$"
    r"|(?:^|\s)[وف]?(?:على\s+غرار|مثل|كما\s+في|إلى\s+جانب|الى\s+جانب|أسوة\s+ب|شأن)\s*$",
    re.IGNORECASE)
_HABIT_BEFORE_RE = re.compile(
    r"\b(?:frequently|often|regularly|repeatedly|routinely|occasionally|sometimes|periodically|usually|typically|"
    r"habitually|constantly)\s+(?:\S+\s+)?$"
    # "the US, which has carried out occasional strikes in desert areas": strikes of a habit, no one of them
    r"|\b(?:occasional|periodic)\s+(?:(?:air|drone|aerial|US|American|rocket)\s+)?$"
    # "terminals regularly close because of armed groups fighting": what the habitual happens because of
    r"|\b(?:frequently|often|regularly|repeatedly|routinely|usually|typically|habitually)\s+\w+\s+(?:because\s+of|due\s+to|"
    r"amid|over)\s+(?:[\w-]+\s+){0,4}$"
    r"|(?:^|\s)[وف]?(?:كثيرا\s+ما|كثيراً\s+ما|غالبا\s+ما|غالباً\s+ما|عادة\s+ما|عادةً\s+ما|مرارا|مراراً|أحيانا|احيانا|أحياناً|"
    r"دأب\S*\s+على|اعتاد\S*\s+على|ما\s+فتئ\S*)\s+(?:\S+\s+)?$",
    re.IGNORECASE)
_DURING_BEFORE_RE = re.compile(
    r"\b(?:during|amid|amidst|throughout|in\s+the\s+course\s+of|at\s+the\s+(?:end|start|beginning|height)\s+of)\s+"
    r"(?:the\s+)?(?:\S+\s+)?$"
    r"|(?:^|\s)(?:خلال|أثناء|اثناء|إبان|ابان|إبّان|في\s+خضم|في\s+أثناء)\s+(?:\S+\s+)?$",
    re.IGNORECASE)
# "It was taken … after a six-month battle", "captured the town after days of fighting": the fighting is how the
# main event came about (only a battle word: "after the capture of X" tells an event of its own)
_AFTER_FIGHT_BEFORE_RE = re.compile(r"\bafter\s+(?:a|an|days\s+of|weeks\s+of|months\s+of|hours\s+of)\s+(?:\S+\s+)?$",
                                    re.IGNORECASE)
_FACILITY_AFTER_RE = re.compile(r"^(?:['’]s)?\s+(?:camp|base|barracks|headquarters|compound|checkpoint|positions|depot)\b",
                                re.IGNORECASE)
_SEAT_AFTER_RE = re.compile(r"^[\-‐ ]based\b", re.IGNORECASE)
_FACILITY_BEFORE_RE = re.compile(
    r"(?:^|\s)[وبل]?(?:ال)?(?:معسكر|معسكرين|معسكرات|مقر|مقار|مقرات|قاعدة|ثكنة|ثكنات|مركز|مراكز|مخزن|مخازن|بوابة|تمركزات|مواقع)\s+(?:ل|لـ)?$"
    r"|\b(?:camps?|bases?|barracks|headquarters|compounds?|checkpoints?|positions|depots?|offices?)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE)
# «استهدفت طائرة مسيرة تجمعا لقوات الوفاق», "struck a convoy of GNA forces": the forces a blow's target
# belongs to (only for a blow: «وصل رتل لقوات حفتر» is the convoy's own move)
_TARGET_GROUP_BEFORE_RE = re.compile(
    r"(?:^|\s)[وبل]?(?:ال)?(?:تجمع|تجمعا|تجمعات|رتل|رتلا|أرتال|ارتال|آليات|اليات|تحركات)\s+(?:ل|لـ)?$"
    r"|\b(?:gatherings?|convoys?|columns?|vehicles)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE)
_BLOW_KINDS = frozenset({"air", "shelling", "strike", "explosive", "suicide", "attack", "grenade"})
_MURDER_RE = re.compile(r"murder|slain|massacr|[وف]?(?:ال)?قتل\s+العمد", re.IGNORECASE)
_PASSIVE_KILL_RE = re.compile(r"\b(?:was|were|been|be|being|are|is)\s+(?:\w+\s+)?$", re.IGNORECASE)
_BY_BEFORE_RE = re.compile(r"\bby\s+(?:the\s+)?(?:\S+\s+)?$", re.IGNORECASE)


def _killings(act: list[Trigger], text: str, lang: str, res: ExtractionResult,
              standalone: bool = False) -> tuple[list[Trigger], list[ActorMention] | None]:
    """Keep a bare killing word («قتل مسلحون عاملين», "gunmen killed two workers") as an event.

    Only when nothing else in the sentence names the event (a clash, a strike, a bombing: the
    killing is its toll) and an armed agent is named (a death count alone may be the toll of an
    event already reported), or when the deaths are ``standalone``: told with a place and a date of
    their own that no event reported before has ("Two people were killed in Zawiya on Wednesday
    night"). The killing becomes an attack on its victims: violence against civilians, or a battle
    when the victims are armed (soldiers, a commander).
    """
    others = [t for t in act if t.kind != "killing"]
    if others and all(t.kind in ("territory", "deployment") for t in others) \
            and _CIVILIAN_VICTIMS_RE.search(text[min(t.start for t in act if t.kind == "killing"):]):
        # "Gaddafi forces entered Jalu and killed six civilians there", «دخلت … واحة جالو وقتلت 6 مدنيين»: the
        # killing of the civilians is an event of its own (it owns the toll), beside the taking of the place
        k0 = next(t for t in act if t.kind == "killing")
        return others + [dataclasses.replace(k0, event_type="Violence against civilians", sub_event_type="Attack",
                                             kind="killing")], None
    if others:
        return others, None
    try:
        actors = lexicon.find_actors(text, lang)
    except Exception as e:  # noqa: BLE001
        res.errors.append(f"actor search failed: {e}")
        return [], []
    # "12 rebels and 5 soldiers were killed": in the passive the actors named are the victims; the agent,
    # if any, follows "by"
    passive = all(_PASSIVE_KILL_RE.search(text[max(0, t.start - 16):t.start]) for t in act)
    agents = [a for a in actors if getattr(a, "kind", "") != "civilians" and not _is_source(text, a)
              and (not passive or _BY_BEFORE_RE.search(text[max(0, a.start - 12):a.start]))]
    if not agents:
        if any(_MURDER_RE.match(t.word) for t in act) or _CIVILIAN_VICTIMS_RE.search(text):
            # (and "the killing of human rights lawyer Hanan al-Barassi": a civilian by trade, killed)
            # "condemn the murder of thirty migrants in Mizda": a murder is violence against its victims even
            # when the text names no killer (an unidentified armed group, as ACLED codes it)
            t0 = next((t for t in act if _MURDER_RE.match(t.word)), act[0])
            return [dataclasses.replace(t0, event_type="Violence against civilians", sub_event_type="Attack",
                                        kind="killing")], actors
        if not standalone:
            return [], actors
    out = []
    for t in act:
        # the victims: after an active verb, the subject before a passive one ("two soldiers were killed by …")
        armed = bool(_ARMED_VICTIM_RE.search(text[max(0, t.start - 40):t.start]) if passive
                     else _ARMED_VICTIM_RE.search(text[t.end:t.end + 50]))
        if not armed and not passive:
            # "killed senior Shura Council leader Nasser Akr", «اغتيال قيادي في كتيبة …»: a victim named as a
            # member of an armed force is armed (a battle, not violence against civilians)
            # (an Arabic actor right after the verb is its subject, the killer: «قتل مسلحون مواطنا»)
            armed = any(t.end <= a.start <= t.end + 30 and getattr(a, "kind", "") in ("state", "non_state")
                        and not _BY_BEFORE_RE.search(text[max(0, a.start - 12):a.start])
                        and (lang != "ar" or text[t.end:a.start].strip()) for a in actors)
        et, sub = ("Battles", "Armed clash") if armed else ("Violence against civilians", "Attack")
        # (deaths with no agent named: kind "deaths", folded into any other event of their place and day)
        out.append(dataclasses.replace(t, event_type=et, sub_event_type=sub, kind="killing" if agents else "deaths"))
    return out[:1], actors


def _is_bare_heading(text: str) -> bool:
    """A line of its own, short (:data:`_HEADING_CHARS`) and without a sentence's final punctuation."""
    t = text.strip()
    return 0 < len(t) <= _HEADING_CHARS and "\n" not in t and t[-1] not in ".!?؟…:»\"'" and "،" not in t and "," not in t


def _fold_bare_deaths(events: list[Event], bare_ids: set[str], undated: frozenset[str] | set[str] = frozenset()) -> list[Event]:
    """Deaths told with no event word or agent ("Five people were killed in Sabratha on Monday") are an
    event of their own only when no other event of that place and day tells how they died: then they
    are that event's toll (when it has none).

    ``bare_ids``: the ids of the events made from such deaths (the trigger kind ``deaths``); ``undated``: those
    of deaths told with no day of their own ("Five people were killed in Sabratha."), the toll of the first
    other event of their place whatever its day.
    """
    bare = [e for e in events if e.id in bare_ids]
    if not bare:
        return events
    others = {(e.place_id, e.event_date): n for n, e in enumerate(events) if e.id not in bare_ids}
    by_place: dict[str, int] = {}
    for q, e in enumerate(events):
        if e.id not in bare_ids:
            by_place.setdefault(e.place_id, q)
    out = list(events)
    drop: set[str] = set()
    for e in bare:
        n = by_place.get(e.place_id) if e.id in undated else others.get((e.place_id, e.event_date))
        if n is None:
            continue
        if out[n].fatalities is None and e.fatalities is not None:
            out[n] = dataclasses.replace(out[n], fatalities=e.fatalities,
                                         notes=out[n].notes + f"; casualties from: {e.evidence[:80]}")
        drop.add(e.id)
    return [e for e in out if e.id not in drop]


#: A blow named by its day, possessive: "Tuesday's strike", "Sunday night's deadly attack", "yesterday's clashes".
_DAY_OF_BLOW_BEFORE_RE = re.compile(
    r"\b(?:(?:today|yesterday|last\s+night|saturday|sunday|monday|tuesday|wednesday|thursday|friday)(?:\s+night)?['’]s"
    # ("at the time of the Saturday breakout": the weekday as the event's adjective, after "the")
    r"|the\s+(?:saturday|sunday|monday|tuesday|wednesday|thursday|friday)(?:\s+(?:night|morning|evening))?)\s+"
    r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
#: A distance told after a place: "Tripoli, some 800 kilometres to the north", «، التي تبعد نحو 800 كلم».
_AWAY_AFTER_RE = re.compile(
    r"\s*,\s*(?:some|about|around|nearly|roughly|approximately|more\s+than|over)?\s*\d[\d,.]*\s*(?:km|kms|kilomet\w+|miles)"
    r"\s+(?:\(\s*[\d,.]+\s*\w+\s*\)\s+)?(?>(?:to\s+the\s+)?(?:(?:north|south)(?:[\s-]?(?:east|west))?|east|west)(?:ern|wards?)?"
    r"|away)(?!\s+(?:of|from)\b)"
    # «طرابلس التي تبعد نحو 800 كلم شمالا» (but «صبراتة التي تبعد 70 كلم عن طرابلس» is where the event is)
    r"|\s*[،,]?\s*(?:التي|الذي|والتي|والذي)\s+(?:تبعد|يبعد|تقع\s+على\s+بعد|يقع\s+على\s+بعد)\s+(?:نحو\s+|حوالي\s+|قرابة\s+)?"
    r"\d[\d,.]*\s*(?:كلم|كم|كيلومترا|كيلومترات|كيلومتر)\s+(?:شمالا|جنوبا|شرقا|غربا|إلى\s+ال(?:شمال|جنوب|شرق|غرب))",
    re.IGNORECASE)
#: «الغارة», «الضربة», «القصف»: the strike named with the article, in a sentence with no place of its own, is the one
#: told before ("the artillery", «المدفعية», is a weapon, not a strike).
_AR_TOLD_BLOW_RE = re.compile(r"^[وف]?(?:ال|بال|لل)(?:غار|ضرب|قصف)")
#: A digit near the top of a text: only then can it hold a date line of its own.
_DATE_LINE_HINT_RE = re.compile(r"\d")
#: How many days a page's date may come after its dateline's for the dateline to date the report.
_DATELINE_LAG_DAYS = 3
#: A sentence that may open with a dateline of its own: "[Libya, 8 August 2019] –", "Tripoli, 8 August 2019 –".
_DATELINE_HINT_RE = re.compile(r"\s*\[|[^\n]{3,70}?\s[-–—]\s")
#: How far (characters) a sentence may be from the event before it to be its next sentence.
_NEXT_SENTENCE_REACH = 600
#: How far back (characters) an event may be told for a later sentence to name it by its day.
_TOLD_BEFORE_REACH = 1500
#: Blasts named bare, with no device or act: "explosions", "the sound of explosions", «دوي انفجارات» (not "artillery":
#: «بعد تمهيد من وحدات المدفعية» is a bombardment of its own).
_BARE_BLAST_RE = re.compile(
    r"^(?:explosions?|blasts?|[وف]?(?:ال)?(?:انفجارات|انفجار|دوي))$", re.IGNORECASE)
#: How far (characters) after a battle bare blasts are still told of it.
_BATTLE_REACH = 3000
#: The sub-event types of a place taken by fighting.
_TAKEN_BY_FORCE = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def _more_days(t_date: str | None, own: DateInfo | None, when: _When) -> tuple[_dt.date, ...]:
    """The further days of the list of days an event's date was read from ("on 20 and 21 July", «يومي الأحد
    والاثنين»), when that expression is the sentence's own; else ``()``."""
    if not t_date:
        return ()
    for src in (own, when.dinfo):
        if src is not None and src.also and src.date is not None and src.date.isoformat() == t_date[:10] \
                and src.start >= 0 and "earlier" not in when.date_note:
            return src.also
    return ()


def _day_by_day(events: list[Event], more_days: dict[str, tuple[_dt.date, ...]]) -> list[Event]:
    """One event per day, as ACLED codes an event told of a short list of days: each further day a copy of the
    first day's event with its own id; the toll, not split by the text, stays on the first day."""
    if not more_days:
        return events
    out: list[Event] = []
    for ev in events:
        out.append(ev)
        for day in more_days.get(ev.id, ()):
            iso = day.isoformat()
            out.append(dataclasses.replace(
                ev, id=event_id(ev.doc_id, ev.span_start, ev.span_end, f"{ev.id}|{iso}"), event_date=iso,
                date_note=f"{ev.date_note} (the further day {iso})", fatalities=None, injuries=None,
                notes=f"{ev.notes}; the event of {iso}, one of the days the text names together"
                      + ("; its toll is counted on the first day" if ev.fatalities or ev.injuries else "")))
    return out


def _later_toll(first: int | None, then: int | None) -> int | None:
    """The toll of an event told twice, ``then`` after ``first``: the one given, or the higher when both are
    ("20 killed on Sunday … an official said on Monday the strike killed 43": the toll rose; ACLED codes the
    latest, not the sum)."""
    if first is None or then is None:
        return then if first is None else first
    return max(first, then)


def _absorb(be: Event, te: Event, why: str) -> Event:
    """Event ``be`` with what the summary ``te`` of it adds: a toll or an actor it lacks (or a higher toll told
    after it), and a note of it."""
    later = te.span_start > be.span_start
    return dataclasses.replace(
        be, fatalities=_later_toll(be.fatalities, te.fatalities) if later else (
            be.fatalities if be.fatalities is not None else te.fatalities),
        injuries=_later_toll(be.injuries, te.injuries) if later else (
            be.injuries if be.injuries is not None else te.injuries),
        actor1=be.actor1 or te.actor1, actor2=be.actor2 or te.actor2, notes=be.notes + f"; {why}: {te.evidence[:80]}")


#: How far (characters) from a summary the event it sums up may be told (a report tells one incident in a few
#: paragraphs); it also bounds the work per summary, so that folding stays linear in the text.
_SUMMARY_WINDOW = 3000


def _fold_summaries(events: list[Event], summary: Callable[[Event], bool], told: Callable[[Event], bool], why: str,
                    near_km: float = 0.0, window: int | None = _SUMMARY_WINDOW, any_violence: bool = False,
                    holds: Callable[[str, str], bool] | None = None) -> list[Event]:
    """Fold each ``summary`` event into the ``told`` event it sums up: one of its type and place (or, with
    ``near_km``, within that distance of it) dated in the week up to the summary's date, told within ``window``
    characters of it (``None``: anywhere). The summary adds only what that event lacks (a toll, an actor) and is
    no event of its own; a summary with no such event stays. With ``any_violence``, a violent summary may sum up a
    violent event of another type (a headline's "shell Misrata, 10 killed" and the body's shelling). With
    ``holds(town_id, place_id)``, a summary of a town sums up the event of a place it holds told within 400
    characters ("a car bombing in Benghazi. The blast struck the Sabri district on Tuesday")."""
    import bisect

    from gazetteer.geodesy import haversine_km

    violent = ("Battles", "Explosions/Remote violence", "Violence against civilians")

    def same(te: Event, be: Event) -> bool:
        if te.event_type != be.event_type and not (any_violence and te.event_type in violent and be.event_type in violent):
            return False
        if te.place_id and not be.place_id:
            return False  # (a summary with a place sums up no event that has none)
        if te.place_id and be.place_id and te.place_id != be.place_id and not (
                holds and abs(be.span_start - te.span_start) <= 400 and holds(te.place_id, be.place_id)):
            # (a district's event sums up its town's only when told in the next sentence or two)
            if None in (te.latitude, te.longitude, be.latitude, be.longitude):
                return False
            if haversine_km(te.latitude, te.longitude, be.latitude, be.longitude) > near_km:  # type: ignore[arg-type]
                return False
            if not near_km:
                return False
        if te.event_date and be.event_date:
            gap = (_dt.date.fromisoformat(te.event_date[:10]) - _dt.date.fromisoformat(be.event_date[:10])).days
            return 0 <= gap <= 7
        return True

    out = list(events)
    body = sorted((n for n, e in enumerate(out) if told(e) and not summary(e)), key=lambda n: out[n].span_start)
    starts = [out[n].span_start for n in body]
    drop: set[str] = set()
    for te in events:
        if not summary(te):
            continue
        if window is None:
            near = body
        else:
            near = body[bisect.bisect_left(starts, te.span_start - window):bisect.bisect_right(starts, te.span_start + window)]
        n = next((n for n in near if same(te, out[n])), None)
        if n is None:
            continue
        out[n] = _absorb(out[n], te, why)
        drop.add(te.id)
    return [e for e in out if e.id not in drop] if drop else events


def _fold_title(events: list[Event], titles: list[tuple[int, int]]) -> list[Event]:
    """A title's event («مقتل ثلاثة في اشتباكات بغريان», "Eight killed in Sabha clashes") sums up an event the
    body tells (a title is dated by the publication day, the body by its "on Saturday")."""
    if not titles or not events:
        return events
    def in_title(e: Event) -> bool:
        return any(a <= e.span_start < b for a, b in titles)

    # (a title names the town, the body its district; a headline's verb is a poor guide to the event's type: of the
    # same type first, else any violent event of its place)
    events = _fold_summaries(events, in_title, lambda e: True, "the title also tells it", near_km=30.0, window=None)
    return _fold_summaries(events, in_title, lambda e: True, "the title also tells it", near_km=30.0, window=None,
                           any_violence=True)


def _fold_regional(events: list[Event], gaz: Gazetteer) -> list[Event]:
    """"Fighting in a restive city in southern Libya killed 20 people. The clashes … in the city of Ubari": an event
    placed only in a region or the country (or nowhere: "in a western Libyan town") is the event of its type the text
    places in a town of that region in the same week (a placeless one: in the next few sentences)."""
    def coarse(e: Event) -> bool:
        # (a relative place, "west of Sirte", or a coast, «ساحل سرت», is a place of its own)
        if not e.place_id:
            return e.latitude is None
        p = gaz.get(e.place_id)
        return (e.relation == "" or e.relation.endswith("part_of")) and p is not None \
            and p.feature_type in ("country", "region", "district")  # («غرب ليبيا»: a part of the country, as coarse)

    if not any(coarse(e) for e in events):
        return events

    def inside(te: Event, be: Event) -> bool:
        if be.latitude is None or be.longitude is None:
            return False
        if te.latitude is None or te.longitude is None:  # placeless: only what the next sentences tell
            return 0 < be.span_start - te.span_start <= 400
        area, place = gaz.get(te.place_id), gaz.get(be.place_id) if be.place_id else None
        return area is not None and place is not None and _holds(gaz, area, place)

    import bisect

    finer = sorted((e for e in events if not coarse(e)), key=lambda e: e.span_start)
    starts = [e.span_start for e in finer]
    out, drop = list(events), set()
    position = {id(e): n for n, e in enumerate(out)}
    for te in events:
        if not coarse(te):
            continue
        lo = bisect.bisect_left(starts, te.span_start - _SUMMARY_WINDOW)
        hi = bisect.bisect_right(starts, te.span_start + _SUMMARY_WINDOW)
        be = next((b for b in finer[lo:hi] if b.event_type == te.event_type and inside(te, b) and (
            not (te.event_date and b.event_date)
            or 0 <= (_dt.date.fromisoformat(te.event_date[:10]) - _dt.date.fromisoformat(b.event_date[:10])).days <= 7)), None)
        if be is None:
            continue
        n = position[id(be)]
        out[n] = finer[lo + finer[lo:hi].index(be)] = merged = _absorb(be, te, "told first of a wider area")
        position[id(merged)] = n
        drop.add(te.id)
    return [e for e in out if e.id not in drop] if drop else events


def _weakly_dated(e: Event, doc_date: _dt.date | None = None) -> bool:
    """Dated only by the publication day, or by the day a source spoke ("…, a local official said on Monday"; with
    ``doc_date``, also "an official said on Monday 5 August" when that day is the report's or the one before)."""
    if e.update_time:  # a live blog's update reports what happened by its hour: dated by it, not only by the page
        return False
    if e.date_note.startswith("document date"):
        return True
    if timeparse.SAID_DAY_MARK not in e.date_note:
        return False
    if not e.date_note.startswith("explicit"):
        return True  # (a day of the report)
    day = e.event_date
    return doc_date is not None and day is not None and bool(day) and \
        0 <= (doc_date - _dt.date.fromisoformat(day[:10])).days <= 1


def _fold_weakly_dated(events: list[Event], gaz: Gazetteer, doc_date: _dt.date | None = None) -> list[Event]:
    """"An air strike on Ubari killed 9, an official said on Monday. The LNA confirmed a strike late on Sunday on
    Ubari": an event dated only by the day of the report is the event of its type and place (or of a district
    of its town: "a car bombing in Benghazi … The blast struck the Sabri district on Tuesday") the text dates in
    the days before it."""
    def weak(e: Event) -> bool:
        return _weakly_dated(e, doc_date)

    if not any(weak(e) for e in events):
        return events

    def holds(a: str, b: str) -> bool:
        pa, pb = gaz.get(a), gaz.get(b)
        return pa is not None and pb is not None and pa.feature_type not in _AREAL and _is_ancestor(gaz, pa, pb)

    return _fold_summaries(events, weak, lambda e: bool(e.event_date) and not weak(e),
                           "the same event, told with no day of its own", holds=holds)


#: Settlement kinds from the smallest: of "the A district of B" the smaller kind is the place, whichever comes first.
_SETTLEMENT_RANK = {"neighbourhood": 0, "suburb": 0, "village": 1, "town": 2, "city": 3, "capital": 4}


def _finer_first(gaz: Gazetteer, first: Place, second: Place) -> bool:
    """In "the <first> district of <second>" ("the Janzour district of Tripoli", "the Tripoli suburb of Tajoura",
    "Benghazi's Laithi"), whether ``first`` is the finer place, the one the text is about: the smaller kind of
    settlement, else the one the gazetteer puts inside the other, else the second (the usual English order)."""
    a, b = _SETTLEMENT_RANK.get(first.feature_type), _SETTLEMENT_RANK.get(second.feature_type)
    if a is not None and b is not None and a != b:
        return a < b
    return _is_ancestor(gaz, second, first)


def _in_tree(gaz: Gazetteer, place_id: str, ids: set[str]) -> bool:
    """True when place ``place_id`` lies inside one of the places ``ids`` (by the gazetteer's hierarchy)."""
    p = gaz.get(place_id) if hasattr(gaz, "get") else None
    return p is not None and any(q is not None and _is_ancestor(gaz, q, p) for q in (gaz.get(i) for i in ids if i))


def _is_ancestor(gaz: Gazetteer, a: Place, b: Place) -> bool:
    """True when place ``a`` contains place ``b`` (parent chain)."""
    pid = b.parent_id
    return bool(pid) and (pid == a.id or a.id in gaz.ancestor_ids(pid))


# --------------------------------------------------------------------------- main
#: Texts from this length on are extracted with the cyclic garbage collector paused.
#: A long text makes hundreds of thousands of objects that live until it is done (mentions,
#: events); the collector would walk them again at every pass it starts on the way (a 1 MB page
#: of place names: about 12 full passes, a fifth of its time, and the young passes another 5–10 %).
#: Extraction makes no reference cycles (a 1 MB text of place names leaves none for the collector
#: to find: reference counting frees everything), so nothing piles up while it is paused; it runs
#: again as before when the last long extraction in the process ends.
_DEFER_FULL_GC_MIN_LEN = 50_000
_gc_lock = _threading.Lock()
_gc_deferring = 0  # extractions of long texts running now (threads)
_gc_was_enabled = False  # whether the collector ran before the first of them began

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _defer_full_collections(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``fn(text, …)`` with the cyclic collector of :mod:`gc` paused when ``text`` is long.

    The collector is paused for as long as some thread runs a long extraction, and runs again (if
    it ran before) when the last one ends, whatever it raises.
    """

    @_functools.wraps(fn)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        global _gc_deferring, _gc_was_enabled
        text = args[0] if args else kwargs.get("text")
        if not isinstance(text, str) or len(text) < _DEFER_FULL_GC_MIN_LEN:
            return fn(*args, **kwargs)
        with _gc_lock:
            if _gc_deferring == 0:
                _gc_was_enabled = _gc.isenabled()
                _gc.disable()
            _gc_deferring += 1
        try:
            return fn(*args, **kwargs)
        finally:
            with _gc_lock:
                _gc_deferring -= 1
                if _gc_deferring == 0 and _gc_was_enabled:
                    _gc.enable()

    return run


_DATELINE_END_RE = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[-–—/:|]+\s*")


def _split_off_dateline(sentences: list[Sentence], text: str, dline: DateInfo | None) -> list[Sentence]:
    """The dateline («طرابلس – 12 أبريل 2019 –», "TRIPOLI, 12 April 2019 –") as a sentence of its own.

    It says where and when the report was filed: its place must not be read as an apposition of
    the first sentence's places ("Tripoli, … – Fighting continued south of Gharyan" is no "Tripoli,
    south of Gharyan"), and a first sentence that names no place of its own still inherits it as
    the place named before it in the paragraph.
    """
    if dline is None or not sentences:
        return sentences
    first = sentences[0]
    if not first.start <= dline.start < dline.end < first.end:
        return sentences
    sep = _DATELINE_END_RE.match(text, dline.end)
    cut = sep.end() if sep else dline.end
    if cut >= first.end or not text[cut:first.end].strip():
        return sentences
    head_text = text[first.start:cut].rstrip()
    head = dataclasses.replace(first, text=head_text, end=first.start + len(head_text))
    rest = dataclasses.replace(first, text=text[cut:first.end], start=cut)
    return [head, rest, *sentences[1:]]


def _also_names(located: list[_Located], sentence_mentions: list[Mention]) -> list[_Located]:
    """A finer place the gazetteer lacks («قرب مستشفى الجلاء في بنغازي») beside the event's places: the event
    lies somewhere in the known place, so it is "part of" it (precision 2), and the name is kept in the note."""
    unknown_fine = [q for q in sentence_mentions if q.place is None and q.status == "unresolved"]
    if not (unknown_fine and located):
        return located
    return [dataclasses.replace(
        x, geo_precision=max(x.geo_precision, 2),
        note=(x.note + "; " if x.note else "") + "also names " + ", ".join(
            f"«{q.text}» ({q.reason})" for q in unknown_fine) + f": located at {x.place_name_en}")
        for x in located]


@dataclass
class _Document:
    """What the whole text says before any sentence is coded (the first stage, :func:`read_document`).

    Attributes
    ----------
    text, language, doc_id, source, url
        The text and its provenance.
    gaz, ctx
        The gazetteer and the per-document lookup cache over it.
    doc_date, doc_date_note
        The publication date ("today" for «أمس», "on Tuesday") and where it was read.
    dline
        The dateline's date and span, when the text opens with one.
    years
        ``(offset, year)`` of the years a narrative (or a dated report's headings) names.
    background_days
        How far back a sentence's date may lie and still be an event of the text (longer for a report of a period).
    sentences, normalized, mentions
        The sentences, the folded text with its offsets, every place mention.
    mention_index
        ``id(mention)`` → its index in ``mentions``.
    cues, context_reason
        The relative cue before each mention ("west of"), and why a mention is context, not an event's place.
    hint, hint_next_day
        Which guard families' words occur in the text at all (the others are not tried).
    m_by_sentence
        The indices of the mentions of each sentence.
    """

    text: str
    language: str
    doc_id: str
    source: str
    url: str
    gaz: Gazetteer
    ctx: _Ctx
    doc_date: _dt.date | None
    doc_date_note: str
    dline: DateInfo | None
    years: list[tuple[int, int]]
    background_days: int
    sentences: list[Sentence]
    normalized: tuple[str, list[int]]
    mentions: list[Mention]
    mention_index: dict[int, int]
    cues: dict[int, RelativeCue]
    context_reason: dict[int, str]
    hint: dict[str, bool]
    hint_next_day: bool
    m_by_sentence: list[list[int]]


def read_document(
    text: str,
    date: _dt.date | str | None = None,
    source: str | None = None,
    *,
    doc_id: str | None = None,
    gazetteer: Gazetteer | None = None,
    language: str | None = None,
    url: str = "",
) -> _Document:
    """The document stage: its dates, sentences, place mentions and their cues, read once for every sentence.

    Parameters are those of :func:`extract_result`; ``text`` must be a non-empty ``str``.
    """
    gaz = gazetteer if gazetteer is not None else _default_gazetteer()
    doc_date = parse_date(date)
    doc_date_note = "document date"
    language = language or _language_of(text)
    dline = timeparse.dateline(text, language, doc_date)
    if doc_date is not None and dline is not None and dline.date is not None \
            and 1 <= (doc_date - dline.date).days <= _DATELINE_LAG_DAYS:
        # «طرابلس 18 مايو 2017 / … اليوم (الخميس)» on a page dated the 19th: the report was written on the dateline's
        # day, which "today" and the weekdays are counted from
        doc_date_note = f"document date (from the {dline.note}; the page is dated {doc_date.isoformat()})"
        doc_date = dline.date
    if doc_date is None:
        doc_date = header_date(text)
        doc_date_note = "document date (from the dateline)"
    if doc_date is None and dline is not None:
        doc_date = dline.date
        doc_date_note = f"document date (from the {dline.note})"
    if doc_date is None and dline is None:
        # "April 12, 2019", «الجمعة 12 أبريل 2019», "Posted on … by …" on a line of its own at the top: the
        # publication date, which "on Tuesday" and «أمس» are counted from
        dline = timeparse.date_line(text, language)
        if dline is not None:
            doc_date = dline.date
            doc_date_note = f"document date (from the {dline.note})"
    elif dline is None and doc_date is not None and _DATE_LINE_HINT_RE.search(text[:600]):
        # "By AP - Feb 02,2014 - Last updated at Feb 02,2014" below the title of a page dated that day: the
        # publication date again, not the date of the first sentence's event
        top = timeparse.date_line(text, language)
        if top is not None and top.date is not None and 0 <= (doc_date - top.date).days <= _DATELINE_LAG_DAYS:
            # (the whole line: "… - Last updated at Feb 02,2014" names the day twice)
            ls, le = text.rfind("\n", 0, top.start) + 1, text.find("\n", top.end)
            dline = dataclasses.replace(top, start=ls, end=le if le >= 0 else len(text))
    # a text with no document date (an encyclopaedia narrative) gives day-month dates the year it named last
    # (a dated report gives them the year of the heading above them: "2021 Terrorist Incidents:", published in 2023)
    years = timeparse.narrative_years(text) if doc_date is None else timeparse.heading_years(text)
    # a report of a period ("over the past three months", "During the year") tells of that period's events
    background_days = max(timeparse.report_period_days(text, doc_date) or 0, timeparse.BACKGROUND_DAYS)
    doc_id = doc_id or _doc_id_for(text)
    source = source or ""
    ctx = _Ctx(gaz)

    sentences = _split_off_dateline(structure.split_sentences(text), text, dline)
    normalized = normalize_with_offsets(text)
    cue_cache: dict[int, RelativeCue | None] = {}
    mentions = find_mentions(text, gaz, sentences=sentences, language=language, normalized=normalized,
                             cue_cache=cue_cache)
    mention_index = {id(m): i for i, m in enumerate(mentions)}
    # relative cues of the mentions (appositions are already "context" mentions)
    cues: dict[int, RelativeCue] = {}
    context_reason: dict[int, str] = {}
    # which guard families can match at all in this text (their words appear in it): the rest are not tried
    low_text = text.lower()
    hint = {name: any(w in low_text for w in words) for name, words in _GUARD_WORDS.items()}
    hint_seat = hint["seat"]
    hint_next_day = _NEXT_DAY_HINT_RE.search(text) is not None
    for i, m in enumerate(mentions):
        if m.place is None or m.status not in ("resolved", "foreign"):
            if m.status == "context":
                context_reason[i] = m.reason
            continue
        if hint["speaker"] and _SPEAKER_OF_RE.search(text[max(0, m.start - 40):m.start]):
            # «قال المتحدث باسم مركز سبها الطبي», "a spokesman for the Misrata military council said": the body that
            # speaks, named after its town, is no place of what it tells
            context_reason[i] = "the body a speaker speaks for, not the place of the event"
            continue
        if hint["amid"] and _AMID_BEFORE_RE.search(text[max(0, m.start - 90):m.start]):
            # "The strike comes as factions have been locked in a battle around Tripoli": the setting's place
            context_reason[i] = "in the setting the sentence tells its event amid, not the place of the event"
            continue
        if hint["distance"] and _AWAY_AFTER_RE.match(text, m.end):
            # "… a battle around the capital Tripoli, some 800 kilometres to the north", «طرابلس التي تبعد 800 كلم»: a
            # place told by how far it lies from the event, not where the event happened
            context_reason[i] = "a place the text measures its distance from, not the place of the event"
            continue
        if hint_seat and (_SEAT_BEFORE_RE.search(text[max(0, m.start - 30):m.start]) or _SEAT_AFTER_RE.match(text[m.end:m.end + 12])):
            # "the Tobruk-based parliament", «مجلس النواب المنعقد في طبرق»: where an actor sits, not where
            # the event happened
            context_reason[i] = "the seat of an actor ('based in'), not the place of the event"
            continue
        cue = cue_before(text, m.start, normalized, cue_cache)
        if cue is not None:
            cues[i] = cue

    m_by_sentence: list[list[int]] = [[] for _ in sentences]
    si = 0
    for i, m in enumerate(mentions):
        while si < len(sentences) and sentences[si].end <= m.start:
            si += 1
        if si < len(sentences) and sentences[si].start <= m.start < sentences[si].end:
            m_by_sentence[si].append(i)
    return _Document(
        text=text, language=language, doc_id=doc_id, source=source, url=url, gaz=gaz, ctx=ctx, doc_date=doc_date,
        doc_date_note=doc_date_note, dline=dline, years=years, background_days=background_days, sentences=sentences,
        normalized=normalized, mentions=mentions, mention_index=mention_index, cues=cues, context_reason=context_reason,
        hint=hint, hint_next_day=hint_next_day, m_by_sentence=m_by_sentence)


@dataclass(frozen=True)
class _When:
    """The date stage's answer for one sentence: the date expression read (if any), its note, the event date and
    its precision."""

    dinfo: DateInfo | None
    date_note: str
    ev_date: str | None
    tprec: int


class _PlaceFinder:
    """The places a trigger of one sentence governs (``finder(trigger_start, …)``), from the sentence's event
    places ``keep`` (the place stage); a mention is located once however many triggers govern it."""

    def __init__(self, coder: _Coder, sent: Sentence, lang: str, keep: list[int]) -> None:
        self.coder, self.sent, self.lang, self.keep = coder, sent, lang, keep
        self.clause_breaks: list[tuple[int, int]] | None = None

    def __call__(self, trig_start: int, targets: bool = False, withdrawal: bool = False,
                 territory: bool = False, movement: bool = False) -> list[_Located]:
        coder, sent, lang, keep = self.coder, self.sent, self.lang, self.keep
        d = coder.doc
        text, mentions, cues, hint, ctx = d.text, d.mentions, d.cues, d.hint, d.ctx
        located_at, is_origin = coder.located_at, coder.is_origin
        """The place list a trigger governs: first place after it (else the last before) and its list.

        ``targets``: a strike's list also joins places that end phrases joined by "and" ("targets in
        Tripoli and air defences around Sabha"): each is a target of its own. ``withdrawal``: the trigger
        is a withdrawal, whose "from X" is the place left, the event's place, not where people came from.
        ``territory``: the trigger takes territory, and "the strip between A and B" it takes holds both."""
        if not keep:
            return []
        # a clause of its own («…، فيما استهدفت غارة مطار معيتيقة», "…, while an air strike hit …")
        # has its own place: a trigger looks in its clause first
        lo, hi = sent.start, sent.end
        if self.clause_breaks is None:  # the sentence's clause breaks, found once for all its triggers
            self.clause_breaks = [(sent.start + b.start(), sent.start + b.end()) for b in _CLAUSE_RE.finditer(sent.text)]
        for b_start, b_end in self.clause_breaks:
            if b_end <= trig_start:
                lo = b_end
            elif b_start >= trig_start:
                hi = b_start
                break
        in_clause = [i for i in keep if lo <= mentions[i].start < hi] if self.clause_breaks else keep
        pool = in_clause or keep
        after = [i for i in pool if mentions[i].start >= trig_start]
        if lang == "en" and _PASSIVE_BEFORE_RE.search(text, max(lo, trig_start - 16), trig_start):
            # "the city was liberated, and then the rebels headed to Shahhat", "Zawiya was retaken by …": a
            # passive trigger's place is its subject, before it
            subject = [i for i in pool if mentions[i].end <= trig_start]
            if subject:
                after, pool = [], subject
        # "forces advancing from Brega hit Ajdabiya", «تعزيزات من مصراتة إلى سرت»: where they came
        # from is not where the event is, when the sentence names another place
        here = pool if withdrawal else [i for i in pool if not is_origin(i)]
        if len(here) > 1 and hint["named_event"]:
            # "captured … militiaman Omran Shaaban, one of Gaddafi's captors at the end of the battle of Sirte": a
            # place that names another event ("the battle of Sirte", «معركة سرت») is not where this one is (unless
            # it is this trigger's own noun: "the Battle of Sirte began …")
            stay = [i for i in here if not (
                _NAMED_EVENT_OF_RE.search(text[max(0, mentions[i].start - 60):mentions[i].start])
                and not _OWN_NOUN_GAP_RE.match(text[trig_start:mentions[i].start]))]
            here = stay or here
        if not movement and hint["toward"] and len(here) > 1:
            # "… killed six civilians there before advancing towards Ajdabiya", «قبل أن تواصل زحفها باتجاه أجدابيا»:
            # where forces move on to is not where the event was (it is the movement's own place)
            stay = [i for i in here if not _TOWARD_RE.search(text[max(0, mentions[i].start - 40):mentions[i].start])]
            here = stay or here
        if here and len(here) < len(pool):
            after = [i for i in after if i in here]
            primary = after[0] if after else here[-1]
        else:
            primary = after[0] if after else pool[-1]
        group = [primary]
        pos = keep.index(primary)
        for step in (-1, 1):
            q = pos
            while 0 <= q + step < len(keep):
                x, y = (keep[q + step], keep[q]) if step < 0 else (keep[q], keep[q + step])
                gap = text[mentions[x].end:mentions[y].start]
                if mentions[y].start < mentions[x].end or _LIST_GAP_RE.match(gap) or _LIST_GAP_RE.match(_norm(gap)) \
                        or (targets and step > 0 and _TARGET_LIST_GAP_RE.match(gap)):
                    q += step
                    group.append(keep[q])
                else:
                    break
        between = False
        if len(group) == 2 and not territory:
            first, second = sorted(group, key=lambda i: mentions[i].start)
            between = first not in cues and _BETWEEN_PLACES_RE.search(
                text[max(0, mentions[first].start - 30):mentions[first].start]) is not None
            if between:
                # "on the road between Sirte and Misrata", «بين سرت ومصراتة»: one event somewhere between the
                # two, coded at the first, known to the area (ACLED: precision 2), not one event at each
                group = [first]
        out: list[_Located] = []
        seen: set[str] = set()
        for i in sorted(set(group), key=lambda i: mentions[i].start):
            loc = located_at.get(i)
            if loc is None:  # a mention is placed once, however many triggers govern it
                loc = located_at[i] = _locate_mention(ctx, text, mentions[i], cues.get(i))
            if between:
                other = mentions[second]
                loc = dataclasses.replace(loc, geo_precision=max(loc.geo_precision, 2), note=(
                    loc.note + "; " if loc.note else "") + f"between {loc.place_name_en} and {other.text}: coded at the first")
            if loc.place_id + "|" + loc.relation not in seen:
                seen.add(loc.place_id + "|" + loc.relation)
                out.append(loc)
        return out


class _Coder:
    """The sentence stages of one document: each sentence's triggers are guarded, its killings and tolls read,
    its date, actors and places found, and its events emitted, in text order; what a sentence leaves for the next
    (the last place, actor, date and event of its section) is this object's state. :meth:`account` closes the
    document: every place mention is accounted for and the events are folded and deduplicated."""

    def __init__(self, doc: _Document) -> None:
        self.doc = doc
        self.res = ExtractionResult()
        self.res.mentions = doc.mentions
        self.narrative_date: DateInfo | None = None  # the last day-precise date such a narrative named
        self.sentence_found: list[DateInfo] = []  # every date expression of the sentence last dated
        self.used: dict[int, list[str]] = {}
        self.events: list[Event] = []
        self.last_place: dict[int, list[_Located]] = {}  # section -> last located places
        self.last_actor: dict[int, str] = {}  # paragraph -> actor1 (an agent carries over within its paragraph,
        self.last_section: dict[int, int] = {}  # and into the next paragraph of the same section)
        self.section_date: dict[tuple[int, int], DateInfo] = {}  # (section, part) -> the date it named last
        self.para_place: dict[int, list[_Located]] = {}  # paragraph -> a place an eventless sentence of it named
        self.salience = _Salience(doc.mentions)  # how often each place was named so far (one pass over the mentions)
        self.last_event_in_para: dict[int | tuple[int, str], int] = {}  # section (, event type) -> index into events
        self.last_event_paragraph: dict[int, int] = {}  # section -> the paragraph of that event
        self.strike_kind: dict[int, str] = {}  # section -> 'air'/'shelling' of its last strike (weak words inherit it)

        self.origin_before: dict[int, bool] = {}  # mention index -> "from X" before it (is_origin)
        self.named_army: list[ActorMention] = []  # the army the text named last (one of _ARMIES)
        self.issued_ids: set[str] = set()
        self.bare_deaths: set[str] = set()  # ids of events made from deaths with no event word (_fold_bare_deaths)
        self.undated_deaths: set[int] = set()  # sentences of such deaths with no date of their own
        self.bare_undated: set[str] = set()  # the ids of their events
        self.located_at: dict[int, _Located] = {}  # mention index -> its located place (places_for)
        self.more_days: dict[str, tuple[_dt.date, ...]] = {}  # event id -> the further days its date names

    def sentence_date(self, sent: Sentence, lang: str) -> DateInfo | None:
        """The date expression of a sentence, the dateline masked, with the narrative's year."""
        d = self.doc
        dline, years, doc_date, background_days = d.dline, d.years, d.doc_date, d.background_days
        section_date, narrative_date, sentence_found = self.section_date, self.narrative_date, self.sentence_found
        sent_text = sent.text
        if dline is not None and sent.start <= dline.start < sent.end:
            # the dateline is the publication date, not the date of the sentence's event
            a, b = dline.start - sent.start, dline.end - sent.start
            sent_text = sent_text[:a] + " " * (b - a) + sent_text[b:]
        elif doc_date is not None and _DATELINE_HINT_RE.match(sent_text) \
                and (own := timeparse.dateline(sent_text, lang, doc_date)) is not None \
                and own.date is not None and abs((doc_date - own.date).days) <= 1:
            # "[Libya, 8 August 2019] – The murder … took place on Wednesday": a dateline opening a paragraph below
            # the lead is the report's day too
            sent_text = sent_text[:own.start] + " " * (own.end - own.start) + sent_text[own.end:]
        ref_year = None
        for pos, yr in years:
            if pos >= sent.start + len(sent_text):
                break
            ref_year = yr
        found = timeparse.find_dates(sent_text, doc_date, lang, ref_year=ref_year, background_days=background_days)
        base = (section_date.get((sent.section, sent.part)) or narrative_date) if doc_date is None else None
        if base is not None and base.date is not None:
            found = timeparse.weekdays_after(found, base.date)
        sentence_found[:] = found
        return timeparse.pick_date(found, doc_date)

    def _deaths_placed_and_dated(self, sent: Sentence, lang: str, k: int) -> int | None:
        """For deaths told with a Libyan place and a date of their own: the index of the event before of
        that place and day (-1: none, the deaths are an event of their own); None for other deaths.

        Deaths with a place and no date of their own are an event of their own (-1) when the text has
        reported no event of that place before ("Seven soldiers were killed in Benghazi": they cannot be
        the toll of an event not told), unless the sentence tallies a period ("in total", "since 2014"); else
        they are the toll of the section's last event when it is a violent one of that place."""
        doc, events, undated_deaths, last_event_in_para = self.doc, self.events, self.undated_deaths, self.last_event_in_para
        mentions, m_by_sentence = doc.mentions, doc.m_by_sentence
        here = {p.id for i in m_by_sentence[k] if (p := mentions[i].place) is not None
                and mentions[i].status == "resolved"}
        if not here:
            return None
        try:
            d = self.sentence_date(sent, lang)
        except Exception:  # noqa: BLE001 - a date that fails to parse is no date
            return None
        if d is None or d.date is None or d.start < 0:
            if (d is None or d.start < 0) and not _SUMMARY_TOLL_RE.search(sent.text):
                if not any(e.place_id in here for e in events):
                    undated_deaths.add(k)  # (folded into an event of its place told later, whatever its day)
                    return -1
                # "Clashes erupted in Benghazi on Friday. Seven soldiers were killed in Benghazi.": the toll of
                # the section's last event, when it is of that place
                j0 = last_event_in_para.get(sent.section)
                if j0 is not None and events[j0].place_id in here and events[j0].event_type in _VIOLENT_TYPES:
                    return j0
            return None
        if d.note.startswith(("since", "background", "future")):
            return None
        day = d.date.isoformat()
        return next((j for j in range(len(events) - 1, -1, -1)
                     if events[j].place_id in here and events[j].event_date == day), -1)

    def _toll_of_last_event(self, sent: Sentence, lang: str, cas0: Casualties) -> bool:
        """Give a toll told in a sentence with no place and no event of its own ("53 migrants died and 130
        were injured", «وارتفعت الحصيلة إلى 12 قتيلا») to the section's last violent event: its first toll,
        or a higher updated one (the latest toll wins), or the victims "another", "two other", "three more" add
        to it. Whether it was given."""
        events, last_event_in_para = self.events, self.last_event_in_para
        j0 = last_event_in_para.get(sent.section)
        if j0 is None or cas0 is None or not (cas0.fatalities or cas0.injuries):
            return False
        ev0 = events[j0]
        if ev0.event_type not in _VIOLENT_TYPES | {"Riots"}:
            return False
        if _SUMMARY_TOLL_RE.search(sent.text):
            return False  # "In total, 300 people have been killed this year": a tally of many events, no event's toll
        updated = "updated toll" in cas0.notes
        try:
            d = self.sentence_date(sent, lang)
        except Exception:  # noqa: BLE001 - a date that fails to parse is no date
            d = None
        if d is not None and d.note.startswith(("since", "background")):
            return False  # "Since 2011, more than 5,000 people have died": a war's tally
        of_wounds = numbers.died_of_wounds(sent.text)
        if not updated and not of_wounds and _of_another_day(d, ev0.event_date):
            return False  # deaths of another day (or month) are not this event's toll (unless of its wounds)
        fat0, inj0 = ev0.fatalities, ev0.injuries
        if fat0 is None and inj0 is None:
            fat0, inj0 = cas0.fatalities, cas0.injuries
        elif not updated and (added := _added_victims(ev0, cas0.fatalities, cas0.injuries, sent.text)) is not None:
            fat0, inj0 = added
        elif updated and not _ALSO_RE.search(sent.text) and (cas0.fatalities or 0) > (fat0 or 0):
            fat0, inj0 = cas0.fatalities, inj0 if cas0.injuries is None else max(inj0 or 0, cas0.injuries)
        elif inj0 is None and cas0.injuries and (not cas0.fatalities or cas0.fatalities == fat0):
            inj0 = cas0.injuries  # "Another 20 were wounded." after the dead were counted (or the same dead again)
        else:
            return False
        events[j0] = dataclasses.replace(
            ev0, fatalities=fat0, injuries=inj0,
            notes=(ev0.notes + "; " if ev0.notes else "") + f"casualties from a later sentence: {sent.text[:80]}")
        return True

    def new_id(self, sent: Sentence, kind: str, day: str | None) -> str:
        """The event's stable id (document, sentence, type, place); an event of the same sentence, type and place
        but another day («دخلوا المدينة في 5 مارس … انسحبوا منها في 6 مارس») adds its day, so no two share one."""
        doc_id, issued_ids = self.doc.doc_id, self.issued_ids
        eid = event_id(doc_id, sent.start, sent.end, kind)
        n = 1
        while eid in issued_ids:
            n += 1
            eid = event_id(doc_id, sent.start, sent.end, f"{kind}|{day}" + (f"|{n}" if n > 2 else ""))
        issued_ids.add(eid)
        return eid

    def is_origin(self, i: int) -> bool:
        """Whether mention ``i`` says where people came from ("fighters from Misrata", «قادمة من مصراتة»)."""
        text, mentions, origin_before = self.doc.text, self.doc.mentions, self.origin_before
        if i not in origin_before:  # searched once per mention, not once per trigger
            before = text[max(0, mentions[i].start - 40):mentions[i].start]
            origin_before[i] = bool(_ORIGIN_HINT_RE.search(before) and _ORIGIN_BEFORE_RE.search(before))
        return origin_before[i]

    def code(self) -> ExtractionResult:
        """Code every sentence in text order, then account for the document."""
        for k, sent in enumerate(self.doc.sentences):
            self.code_sentence(k, sent)
        return self.account()

    def code_sentence(self, k: int, sent: Sentence) -> None:
        """The stages of sentence ``k``: triggers, their guards, killings and tolls, date, actors, places, events."""
        d, res, strike_kind = self.doc, self.res, self.strike_kind
        mentions, context_reason, m_by_sentence, language = d.mentions, d.context_reason, d.m_by_sentence, d.language
        lang = getattr(sent, "language", None) or language
        try:
            trigs = lexicon.find_triggers(sent.text, lang, context_kind=strike_kind.get(sent.section, ""))
        except Exception as e:  # noqa: BLE001 - one bad sentence never stops a document
            res.errors.append(f"sentence at {sent.start}: trigger search failed: {e}")
            trigs = []
        if self.claimed(sent, lang, trigs):
            return
        trigs, absorbed = self.guard_triggers(k, sent, lang, trigs)
        if self.unopposed_after(sent):
            trigs = [t for t in trigs if t.kind not in ("clash", "fighting")]
        act = [t for t in trigs if t.kind not in _NO_EVENT_KINDS and t.event_type]
        act, early_actors, toll_done = self.read_killings(k, sent, lang, act)
        midx = [i for i in m_by_sentence[k] if i not in context_reason]
        if getattr(sent, "is_caption", False):
            act = []
        elif act and _is_bare_heading(sent.text) and not any(mentions[i].status == "resolved" for i in midx) \
                and not _DIGIT_RE.search(sent.text):
            act = []  # "Libyan civil war battle": a heading line with no place and no date tells of no event
        if not act:
            self.eventless(k, sent, lang, trigs, midx, toll_done)
            return
        # casualties and date
        try:
            cas = numbers.casualties(sent.text, lang)
        except Exception as e:  # noqa: BLE001
            res.errors.append(f"sentence at {sent.start}: casualty parsing failed: {e}")
            cas = None
        fat = getattr(cas, "fatalities", None)
        inj = getattr(cas, "injuries", None)

        own_places = [i for i in midx if mentions[i].place is not None and mentions[i].status in ("resolved", "foreign")
                      # ("two dead arrived at the hospital": where the wounded were taken is no place of the sentence's own)
                      and not (d.hint["taken_to"] and _taken_to(d.text, mentions[i]))]
        if self.toll_of_back_reference(sent, lang, act, own_places, fat, inj):
            return
        when = self.date_of(k, sent, lang, act, midx)
        if when is None:
            return
        act = [t for t in act if not self.dated_by_its_day(k, sent, t, when)]
        if not act:
            return
        actors = self.actors_of(sent, lang, early_actors)
        keep = self.event_places(sent, own_places, actors)
        if keep is None:
            return
        places_for = _PlaceFinder(self, sent, lang, keep)
        seen_types = self.choose_triggers(k, sent, lang, act, actors, places_for)
        self.emit(k, sent, lang, seen_types, act, actors, places_for, cas, fat, inj, midx, absorbed, when)

    def dated_by_its_day(self, k: int, sent: Sentence, t: Trigger, when: _When) -> bool:
        """"US forces killed eleven militants in an air strike near Murzuq. Tuesday's strike, which the military
        confirmed on Wednesday, …": a blow named by its day ("Tuesday's strike", «غارة الثلاثاء») is the one of its
        type told just before; when that one has no day of its own it takes this one. True when the sentence's
        trigger is that event (no second event), False when it names another blow."""
        text = sent.text
        if not t.event_type or not (
                _DAY_OF_BLOW_BEFORE_RE.search(text, max(0, t.start - 30), t.start)
                or _BACK_AFTER_RE.match(text[t.end:t.end + 12])):
            return False
        t_date, t_prec, t_note, _own = self.trigger_date(sent, t, when)
        if not t_date or t_prec != 1:
            return False
        et_t = t.event_type
        events, d = self.events, self.doc
        # the places the sentence names for an event of its own ("In Tuesday's clashes, a Ragdalein official said
        # 17 were killed" after "Militias in western Libya battled on Tuesday"): a blow told elsewhere is another
        here = {p.id for i in d.m_by_sentence[k] if i not in d.context_reason
                and d.mentions[i].status == "resolved" and (p := d.mentions[i].place) is not None}
        for q in range(len(events) - 1, max(-1, len(events) - 11), -1):
            ev = events[q]
            if sent.start - ev.span_end > _TOLD_BEFORE_REACH:
                break
            if ev.event_type != et_t:
                continue
            if here and ev.place_id not in here and not _in_tree(d.gaz, ev.place_id, here):
                return False
            at = d.gaz.get(ev.place_id) if ev.place_id and hasattr(d.gaz, "get") else None
            if at is None or at.feature_type in _AREAL:
                return False  # (a blow told of a region, or of nowhere: the day's account of a town is its own)
            if ev.time_precision == 1 and not _weakly_dated(ev):
                return ev.event_date == t_date  # told with its day before: the same blow, or another one
            events[q] = dataclasses.replace(
                ev, event_date=t_date, time_precision=1,
                date_note=f"{t_note} (the day a later sentence names it by: {text[max(0, t.start - 16):t.end].strip()!r})")
            return True
        return False

    def in_the_battle(self, k: int, sent: Sentence, t: Trigger) -> bool:
        """"Fierce clashes broke out in Abu Sleem … the sound of explosions spread", «… وسمع دوي انفجارات»: bare
        blasts told after a battle, at its place (or naming none), are the battle's, not events of their own (ACLED
        codes them in the clash)."""
        if t.kind not in ("explosive", "shelling") or not _BARE_BLAST_RE.match(t.word.strip()):
            return False
        j = self.last_event_in_para.get((sent.section, "Battles"))
        if j is None or sent.start - self.events[j].span_end > _BATTLE_REACH:
            return False
        d, battle = self.doc, self.events[j]
        here = [p for i in d.m_by_sentence[k] if d.mentions[i].status == "resolved" and (p := d.mentions[i].place) is not None]
        if not battle.place_id:
            return not here
        at = d.gaz.get(battle.place_id) if hasattr(d.gaz, "get") else None
        return all(p.id == battle.place_id or at is not None and (_is_ancestor(d.gaz, p, at) or _is_ancestor(d.gaz, at, p))
                   for p in here)

    def placed_by_next_sentence(self, sent: Sentence, ev: Event, named_here: list[int]) -> bool:
        """Whether the event ``ev`` told at the country's or a region's scale took place at the town the next
        sentence, telling no event of its own, names (``named_here``, its resolved places): "Operation Dignity is …
        a large scale offensive in Libya … It started in Benghazi"; "Nineteen soldiers were murdered in southern
        Libya early this morning … Militants arrived at a building at Sukna …" (the one town of the region the
        next sentence takes the reader to, not where people came from)."""
        d = self.doc
        wide = d.gaz.get(ev.place_id) if ev.place_id and hasattr(d.gaz, "get") else None
        if wide is None:
            return False
        if wide.id.startswith("cc:") and _BEGAN_IN_RE.match(sent.text):
            return True
        towns = {p.id for i in named_here if (p := d.mentions[i].place) is not None}
        first = d.mentions[named_here[0]].place
        return (wide.feature_type == "region" or wide.id == "cc:LY" and bool(ev.relation)) and len(towns) == 1 \
            and first is not None and sent.paragraph - self.last_event_paragraph.get(sent.section, -9) <= 1 \
            and sent.start - ev.span_end <= _NEXT_SENTENCE_REACH and not self.is_origin(named_here[0]) \
            and _holds(d.gaz, wide, first)

    def unopposed_after(self, sent: Sentence) -> bool:
        """"… forces entered the base. There was no recorded fighting at the airbase.": a sentence saying that
        the capture told just before met no fight makes it a non-violent transfer of territory (ACLED), and its
        own fighting words are no event."""
        j = self.last_event_in_para.get(sent.section)
        if j is None or self.events[j].sub_event_type not in _TAKEN_BY_FORCE \
                or sent.paragraph - self.last_event_paragraph.get(sent.section, -2) > 1 \
                or not _NO_FIGHT_RE.search(sent.text):
            return False
        taken = self.events[j]
        for q in range(j, max(-1, j - 20), -1):  # the capture may be told twice ("entered …", "declared … captured")
            ev = self.events[q]
            if ev.sub_event_type in _TAKEN_BY_FORCE and ev.place_id == taken.place_id and ev.event_date == taken.event_date:
                self.events[q] = dataclasses.replace(
                    ev, event_type="Strategic developments", sub_event_type="Non-violent transfer of territory",
                    notes=ev.notes + f"; no fight, as the text says after it: {sent.text[:60]}")
        return True

    def claimed(self, sent: Sentence, lang: str, trigs: list[Trigger]) -> bool:
        """"The Islamic State claimed responsibility for the attack.": the claimer becomes the agent of the
        section's last violent event; whether the sentence has nothing else to code."""
        d, events, last_event_in_para = self.doc, self.events, self.last_event_in_para
        hint = d.hint
        claim = _CLAIM_RE.search(sent.text) if hint["claim"] and events and sent.section in last_event_in_para else None
        if claim is not None:
            # "The Islamic State claimed responsibility for the attack.", «وتبنى تنظيم داعش الهجوم»: who did the
            # violent event just told; the claim is no event of its own
            j = last_event_in_para[sent.section]
            claimer = next((a for a in lexicon.find_actors(sent.text, lang)
                            if a.kind in ("state", "non_state", "external") and a.actor_id not in lexicon.GENERIC_ACTOR_IDS
                            and a.start < claim.start() + 40), None)
            if claimer is not None and events[j].event_type in _VIOLENT_TYPES:
                if events[j].actor1 in ("", "Unidentified armed group"):
                    events[j] = dataclasses.replace(events[j], actor1=claimer.name, notes=(
                        events[j].notes + "; " if events[j].notes else "") + f"claimed by {claimer.name}: {sent.text[:60]}")
                if all(t.kind == "statement" or _refers_back(sent.text, t) for t in trigs):
                    return True
        return False

    def guard_triggers(self, k: int, sent: Sentence, lang: str, trigs: list[Trigger]) -> tuple[list[Trigger], set[str]]:
        """The trigger guards: drop or retype triggers that name no event of their own (a weapon moved, a
        detention centre named, a bare "take" with no place after it, what protesters burn …). Returns the
        triggers kept and the kinds a protest or riot absorbed."""
        d = self.doc
        text, mentions, m_by_sentence, hint = d.text, d.mentions, d.m_by_sentence, d.hint
        # "Russian missiles were deployed in Tobruk", «صواريخ روسية نشرت في طبرق», "seized a shipment of rockets":
        # weapons spoken of as things moved, set up or seized are no attack with them
        trigs = [t for t in trigs if not (t.kind in ("shelling", "grenade", "explosive") and _WEAPON_NOUN_RE.fullmatch(t.word) and (
            _WEAPON_MOVED_AFTER_RE.match(sent.text, t.end) or _WEAPON_MOVED_BEFORE_RE.search(sent.text, max(0, t.start - 40), t.start)))]
        # "a VBIED attack on a checkpoint in Taraghin, marking the first attack by ISIS in more than a year",
        # «…، ليكون أول هجوم للتنظيم منذ عام»: what the event was the first (or deadliest) of is the same event
        # "a journalist was killed while reporting on the fighting", «قتل صحفي أثناء تغطيته للاشتباكات»: what a
        # reporter covers is the topic of the sentence's event, not an event of it
        trigs = [t for t in trigs if not (_COVERING_BEFORE_RE.search(sent.text, max(0, t.start - 30), t.start) and any(
            u is not t and u.kind == "killing" for u in trigs))]
        trigs = [t for t in trigs if not (_MARKING_BEFORE_RE.search(sent.text, max(0, t.start - 40), t.start) and any(
            u.start < t.start and u.event_type and u.kind != "statement" for u in trigs))]
        # «اتفاق لوقف دائم لإطلاق النار», "violated the ceasefire by opening fire"? only the first: the
        # firing a ceasefire stops is no attack
        trigs = [t for t in trigs if not (t.kind == "attack" and _CEASEFIRE_BEFORE_RE.search(
            sent.text[max(0, t.start - 24):t.start]))]
        mg = next((t for t in trigs if t.kind == "mass_grave"), None)
        if mg is not None:
            # "police found the bodies of seven men shot dead execution-style": how the dead died, told after
            # the bodies, is the one violence the finding reports, not separate attacks
            trigs = [t for t in trigs if t is mg or t.start < mg.start
                     or t.kind not in ("attack", "killing", "execution", "assassination", "massacre")]
        # «اغتصاب الأرض», «اغتصاب السلطة»: the usurpation of land or power, not a rape
        trigs = [t for t in trigs if not (t.kind == "sexual_violence" and _USURPED_AFTER_RE.match(sent.text[t.end:t.end + 24]))]
        # "released three journalists it had detained", «أطلقت سراح ثلاثة صحفيين كانت احتجزتهم»: the detention told
        # as the past of a release is no arrest of its own (and a release is no event)
        if _RELEASE_RE.search(sent.text):
            trigs = [t for t in trigs if not (t.kind in ("arrest", "abduction")
                                              and _EARLIER_BEFORE_RE.search(sent.text, max(0, t.start - 16), t.start))]
        # «مركز احتجاز المهاجرين», "detention centre": a place where people are held, named; no arrest
        trigs = [t for t in trigs if not (t.kind == "arrest" and (
            _DETENTION_PLACE_BEFORE_RE.search(sent.text[max(0, t.start - 12):t.start])
            or _DETENTION_PLACE_AFTER_RE.match(sent.text[t.end:t.end + 12])))]
        arrests = any(t.kind == "arrest" for t in trigs)
        if arrests or hint["weapon"] and any(t.kind == "territory" and _CAPTURE_WORD_RE.match(t.word) for t in trigs) \
                and _WEAPON_THING_RE.search(sent.text):
            # "arrested 20 migrants in a raid", «اعتقلت … في مداهمة»: the raid is how the arrests were made, not
            # an attack of its own, unless someone died in it; so is the raid "in" which weapons were seized ("police
            # seized weapons in a raid"; "gunmen raided a checkpoint and seized weapons" attacked it)
            trigs = [t for t in trigs if not (t.kind == "attack" and _RAID_RE.fullmatch(t.word.strip())
                                              and (arrests or _IN_A_RAID_RE.search(sent.text, max(0, t.start - 14), t.start))
                                              and not numbers.casualties(sent.text, lang).fatalities)]
        # "withdrew from Tarhuna", «انسحبت قوات حفتر من ترهونة»: a withdrawal hands over the place it names;
        # from talks or a deal («انسحب من الحوار») it hands over nothing
        trigs = [t for t in trigs if not (t.kind == "handover" and _WITHDRAW_RE.match(t.word) and not any(
            0 <= mentions[i].start - (sent.start + t.end) <= 30 and mentions[i].status == "resolved"
            for i in m_by_sentence[k]))]
        # "rebels took Zawiya", "GNA forces took back Gharyan": a bare "take" is a capture only with the
        # place as its object; "took part", "took place", "took three days" are none
        trigs = [t for t in trigs if not (t.kind == "territory" and _BARE_TAKE_RE.fullmatch(t.word) and not any(
            mentions[i].status == "resolved" and not getattr(mentions[i].place, "is_foreign", True)
            and (_REGAIN_GAP_RE if _REGAIN_RE.fullmatch(t.word.strip()) else _TAKE_GAP_RE).fullmatch(
                text[sent.start + t.end:mentions[i].start])
            and not _TAKE_AS_RE.match(text, mentions[i].end) for i in m_by_sentence[k]))]
        trigs = [t for t in trigs if not (t.kind == "territory" and _FALL_NOUN_RE.fullmatch(t.word.strip()) and not any(
            mentions[i].status == "resolved" and not getattr(mentions[i].place, "is_foreign", True)
            and _FALL_GAP_RE.fullmatch(text[sent.start + t.end:mentions[i].start]) for i in m_by_sentence[k]))]
        # «سقطت مدينة الزاوية في أيدي الثوار»: a bare «سقط» is a change of hands only with the hands after it
        # («سقط قتلى», «سقطت قذائف» are none)
        trigs = [t for t in trigs if not (t.kind == "territory" and _norm(t.word).lstrip("وف").startswith(_AR_FELL)
                                          and " " not in t.word.strip()
                                          and not _AR_FELL_TO_RE.search(sent.text[t.end:t.end + 60]))]
        if "انسحب" in sent.text and not any(t.kind in ("handover", "territory") for t in trigs):
            for i in m_by_sentence[k]:
                w = _AR_WITHDRAW_FROM_RE.search(sent.text[max(0, mentions[i].start - sent.start - 70):mentions[i].start - sent.start])
                if w and mentions[i].status == "resolved" and not getattr(mentions[i].place, "is_foreign", True):
                    a = mentions[i].start - sent.start - len(w.group()) + w.start("v")
                    trigs.append(lexicon.Trigger("Strategic developments", "Non-violent transfer of territory",
                                                 w.group("v"), a, a + len(w.group("v")), "handover"))
                    trigs.sort(key=lambda t: t.start)
                    break
        # "the airport was captured and its defenders surrendered": a surrender told with the fighting or capture it
        # ended is part of that event, not an agreement of its own
        if any(t.kind in ("territory", "clash", "fighting", "attack") for t in trigs):
            trigs = [t for t in trigs if not (t.kind == "agreement" and _SURRENDER_RE.match(t.word.strip()))]
        # "defused a roadside bomb", «فككت وحدة الهندسة عبوة ناسفة», "seized a car bomb": the bomb disrupted did not go off
        disrupt = [u for u in trigs if u.kind == "disrupted_weapons" or (
            u.kind == "territory" and _THING_OBJECT_RE.match(sent.text[u.end:u.end + 60])
            and _WEAPON_THING_RE.search(sent.text, u.end, u.end + 40))]
        if disrupt:
            trigs = [t for t in trigs if not (t.kind == "explosive" and any(
                0 <= t.start - u.end <= 50 and not _CLAUSE_RE.search(sent.text, u.end, t.start) for u in disrupt))]
        trigs = [t for t in trigs if not (t.kind == "agreement" and _IN_ACCORD_RE.search(sent.text[max(0, t.start - 12):t.end + 8]))]
        # «تمكين المساعدات من الدخول», «السماح بدخول المساعدات», "allow aid to enter": letting in, not taking
        trigs = [t for t in trigs if not (t.kind == "territory" and _LET_IN_RE.search(sent.text[max(0, t.start - 40):t.end]))]
        trigs = [t for t in trigs if not (hint["charge"] and _CHARGE_BEFORE_RE.search(sent.text[max(0, t.start - 80):t.start]))
                 and not (t.kind == "protest" and _SHOWED_RE.match(t.word) and _OBJECT_AFTER_RE.match(sent.text[t.end:]))]
        # «هجوم بقنبلة يدوية», "a rocket attack", "an attack with a car bomb": the attack is the weapon's strike,
        # one event of the weapon's kind
        trigs = [t for t in trigs if not (t.kind == "attack" and any(
            u is not t and u.event_type == "Explosions/Remote violence" and (
                0 <= u.start - t.end <= 12 and _WEAPON_GAP_RE.match(sent.text[t.end:u.start])
                or 0 <= t.start - u.end <= 1) for u in trigs))]
        if any(t.kind == "disaster" for t in trigs):
            trigs = [t for t in trigs if t.kind not in _DISASTER_MASKS]
            # "Floods killed 20 people", «لقي 20 شخصا حتفهم جراء السيول»: the dead of a disaster are no attack
            # (a killing far from the disaster word, "gunmen killed two aid workers … flood victims", stays)
            storms = [t for t in trigs if t.kind == "disaster"]
            trigs = [t for t in trigs if not (t.kind == "killing" and any(
                abs(t.start - d.end) <= 60 or abs(d.start - t.end) <= 60 for d in storms))]
        # "the shelling destroyed aircraft", «دمرت الغارة»: a destruction word is the effect of the
        # strike the sentence names already, not a second one
        if any(t.event_type == "Explosions/Remote violence" and _norm(t.word) not in _DESTROY_WORDS for t in trigs):
            trigs = [t for t in trigs if _norm(t.word) not in _DESTROY_WORDS]
        absorbed: set[str] = set()
        if any(t.kind in ("protest", "riot") for t in trigs):
            # what protesters or rioters burn, loot or storm is their riot, not a separate event
            riot = bool(_RIOT_RE.search(sent.text))
            # and security forces firing on them is the protest met with force, not a battle
            # and the oil field or road they shut is how they protest, not a separate closure;
            # protesters in a clash («اشتباكات بين المتظاهرين وقوات الشرطة») riot, and a "battle
            # that began when troops attacked protesters" is the protest met with force
            protest_clauses = {_clause_of(sent.text, t.start) for t in trigs if t.kind == "protest"}
            protesting = bool(protest_clauses)
            keep_t = []
            for t in trigs:
                if t.kind == "riot" or not protesting and t.kind != "property_destruction":
                    # (with rioters alone only what they burn or loot is theirs: an attack told beside
                    # «أعمال عنف» may be an armed group's)
                    keep_t.append(t)
                    continue
                if t.kind != "protest" and _PROTEST_CAUSE_RE.search(sent.text[max(0, t.start - 30):t.start]):
                    continue  # "protested against the offensive", «رفضا للهجوم»: what they protest, told elsewhere
                with_protest = _clause_of(sent.text, t.start) in protest_clauses
                if t.kind in ("property_destruction", "attack", "closure") or (riot and t.kind == "territory") \
                        or (with_protest and t.kind in ("clash", "fighting")):
                    absorbed.add(t.kind)
                    continue
                keep_t.append(t)
            trigs = keep_t
        return trigs, absorbed

    def read_killings(self, k: int, sent: Sentence, lang: str, act: list[Trigger]
                      ) -> tuple[list[Trigger], list[ActorMention] | None, bool]:
        """Killings and their tolls: deaths that are the toll of an event told before, of a place and day, or
        an event of their own. Returns the triggers left, the actors read on the way and whether the sentence's
        toll has been given."""
        d, events, last_event_in_para, res = self.doc, self.events, self.last_event_in_para, self.res
        mentions, m_by_sentence = d.mentions, d.m_by_sentence
        early_actors = None
        toll_done = False
        if any(t.kind == "killing" for t in act):
            same = self._deaths_placed_and_dated(sent, lang, k) if not any(t.kind != "killing" for t in act) else None
            act, early_actors = _killings(act, sent.text, lang, res, standalone=same == -1)
            if not act and same is not None and same >= 0 and events[same].fatalities is None:
                # "Clashes broke out in Zawiya on Wednesday. Two people were killed in Zawiya on Wednesday.":
                # the toll of the event of that place and day
                cas0 = numbers.casualties(sent.text, lang)
                if cas0.fatalities:
                    events[same] = dataclasses.replace(
                        events[same], fatalities=cas0.fatalities, injuries=events[same].injuries or cas0.injuries,
                        notes=(events[same].notes + "; " if events[same].notes else "") +
                        f"casualties from a later sentence of the same place and day: {sent.text[:80]}")
            placeless = not any(mentions[i].place is not None for i in m_by_sentence[k])
            if not act and placeless and sent.section in last_event_in_para:
                # "At least 12 rebels and 5 soldiers were killed.": the toll of the event just reported
                self._toll_of_last_event(sent, lang, numbers.casualties(sent.text, lang))
                toll_done = True  # (given or not, this sentence's toll has been read)
            elif act and placeless and same is None and all(t.kind == "killing" for t in act) \
                    and not any(getattr(a, "kind", "") != "civilians" and not _is_source(sent.text, a)
                                for a in early_actors or []) \
                    and self._toll_of_last_event(sent, lang, numbers.casualties(sent.text, lang)):
                # "Airstrikes hit the detention centre. The UN said 53 migrants were killed.": civilians killed
                # with no killer and no place of their own are the toll of the event just told, no second event
                act, toll_done = [], True
        return act, early_actors, toll_done

    def eventless(self, k: int, sent: Sentence, lang: str, trigs: list[Trigger], midx: list[int], toll_done: bool) -> None:
        """A sentence with no event of its own: a toll for the event before, the place it names (for the
        sentences after it), a country-scale event re-placed where it began, and the date it names."""
        d, events, res = self.doc, self.events, self.res
        text, mentions, cues, ctx, doc_date = d.text, d.mentions, d.cues, d.ctx, d.doc_date
        last_event_in_para, para_place, section_date, used = (
            self.last_event_in_para, self.para_place, self.section_date, self.used)
        mention_index, m_by_sentence = d.mention_index, d.m_by_sentence
        if not toll_done and sent.section in last_event_in_para \
                and not any(mentions[i].place is not None and not (
                    d.hint["taken_to"] and _taken_to(text, mentions[i]))
                    for i in m_by_sentence[k]):
            # ("three bodies arrived at Mitiga hospital": where the dead were taken is no place of a new event)
            # "Medical sources said 7 fighters and 2 civilians died.", «وارتفعت الحصيلة إلى 12 قتيلا»: a toll with
            # no event word of its own
            try:
                self._toll_of_last_event(sent, lang, numbers.casualties(sent.text, lang))
            except Exception as e:  # noqa: BLE001
                res.errors.append(f"sentence at {sent.start}: casualty parsing failed: {e}")
        # "Authorities free 156 victims … in Kufra. Six traffickers are arrested.": a place named in the
        # paragraph by a sentence with no event of its own is what the next sentences of the paragraph
        # inherit
        named_here = [i for i in midx if mentions[i].status == "resolved"
                      and getattr(mentions[i].place, "feature_type", "district") not in _AREAL]
        j_wide = last_event_in_para.get(sent.section)
        if named_here and j_wide is not None and self.placed_by_next_sentence(sent, events[j_wide], named_here):
            # "Operation Dignity is … a large scale offensive in Libya … It started in Benghazi": the event told at
            # the country's scale took place where the next sentence says it began
            began = _locate_mention(ctx, text, mentions[named_here[0]], cues.get(named_here[0]))
            events[j_wide] = dataclasses.replace(
                events[j_wide], location=began.label, place_id=began.place_id,
                place_name_en=began.place_name_en, place_name_ar=began.place_name_ar, admin1=began.admin1,
                country=began.country, latitude=began.lat, longitude=began.lon, geo_precision=began.geo_precision,
                relation=began.relation, uncertainty_m=began.uncertainty_m, uncertainty_wkt=began.uncertainty_wkt,
                notes=events[j_wide].notes + f"; placed where it began: {sent.text[:60]}")
            used.setdefault(mention_index[id(began.mention)], []).append(events[j_wide].id)
            self.last_place[sent.section] = [began]  # (the sentences after it are at that town too)
        if named_here:
            # every place it names, in order: the next sentence inherits the one the text is about ("Tawergha
            # … is a former ghost town … under the jurisdiction of Misrata. It was the site of intense fighting")
            # by salience, else the last named
            by_id: dict[str, int] = {}
            for i in reversed(named_here):
                by_id.setdefault(getattr(mentions[i].place, "id", ""), i)
            para_place[sent.paragraph] = [_locate_mention(ctx, text, mentions[i], cues.get(i)) for i in by_id.values()]
        # remember the dates a text names on the way, also in sentences with no event of their own
        try:
            d0 = self.sentence_date(sent, lang)
        except Exception:  # noqa: BLE001 - a date that fails to parse is no date
            d0 = None
        cur = section_date.get((sent.section, sent.part))
        if d0 is not None and d0.date is not None and d0.start >= 0 and (
                d0.precision == 1 or (doc_date is None and len(sent.text) <= _HEADING_CHARS and (
                    cur is None or cur.date is None or (cur.date.year, cur.date.month) != (d0.date.year, d0.date.month)
                    or cur.precision == 1))) \
                and not d0.note.startswith(("since", "background", "future", "the year ")):
            # (a heading that names a month, "March 2014 event", «معارك يونيو 2011»: the text is now at that
            # month, the day not known)
            if doc_date is None and d0.precision == 1:
                self.narrative_date = d0
            # "By 5 April they had reached the airport. Heavy fighting continued …", "Elections were held on
            # 25 June … Violence in Benghazi closed a polling centre": the date the section named last dates
            # what follows, even from a sentence with no event of its own; not the day a text was published
            # or a statement made ("On 23 December, UNSMIL published a quarterly update … 1,000 people were
            # killed"), which tells when it was said, not when what it tells happened
            here = d.m_by_sentence[k]
            abroad = doc_date is not None and not trigs and any(mentions[i].status == "foreign" for i in here) \
                and not any(mentions[i].status == "resolved" and not getattr(mentions[i].place, "is_foreign", False)
                            for i in here)
            # ("…were promised $1.1 billion in aid on Thursday by powers convened in Abu Dhabi": a dated report's
            # sentence of no event that happened abroad dates nothing in Libya after it)
            if (doc_date is None or not any(t.kind == "statement" for t in trigs)) and not abroad:
                section_date[(sent.section, sent.part)] = d0

    def toll_of_back_reference(self, sent: Sentence, lang: str, act: list[Trigger], own_places: list[int],
                               fat: int | None, inj: int | None) -> bool:
        """A toll sentence about "the fighting" just reported, with no place of its own: the toll goes to the
        previous event. Whether it was given (the sentence is then done)."""
        events, last_event_in_para = self.events, self.last_event_in_para
        # a toll sentence about "the fighting" just reported: add to the previous event
        if not own_places and all(t.kind in _BACKREF_KINDS or t.event_type == "Battles" and t.kind == "clash"
                                  or _refers_back(sent.text, t) for t in act) \
                and (fat or inj) \
                and sent.section in last_event_in_para:
            # the toll of «المعارك» goes to the section's last battle, else its last violent event
            j = last_event_in_para.get((sent.section, act[0].event_type), last_event_in_para[sent.section])
            try:
                d_toll = self.sentence_date(sent, lang)
            except Exception:  # noqa: BLE001 - a date that fails to parse is no date
                d_toll = None
            if d_toll is not None and timeparse.SAID_DAY_MARK in d_toll.note:
                d_toll = None  # ("an official said on Monday that the toll had risen to 43": the day it was said)
            if d_toll is not None and d_toll.date is not None and d_toll.start >= 0 and d_toll.precision == 1:
                # "Today's attack … killed as many as 65": the toll of the event of the day the sentence names
                same_day = [q for q in range(max(0, j - 40), j + 1) if events[q].event_date == d_toll.date.isoformat()
                            and events[q].event_type != "Strategic developments"]  # (the last 40 events: linear)
                j = same_day[-1] if same_day else j
            ev = events[j]
            if d_toll is not None and d_toll.precision == 1 and _of_another_day(d_toll, ev.event_date):
                # "… On 21 February protesters were forced back by gunfire that killed up to 80": the toll of a day
                # no event was told of is that day's own event, not the toll of the day before's (a period, "from
                # mid-October to mid-December", may hold the event told)
                return False
            if ev.fatalities is None and ev.injuries is None:
                events[j] = dataclasses.replace(
                    ev, fatalities=fat, injuries=inj,
                    notes=(ev.notes + "; " if ev.notes else "") + f"casualties from the next sentence: {sent.text[:80]}")
                return True
            if (added := _added_victims(ev, fat, inj, sent.text)) is not None:
                events[j] = dataclasses.replace(
                    ev, fatalities=added[0], injuries=added[1],
                    notes=(ev.notes + "; " if ev.notes else "") + f"victims added by the next sentence: {sent.text[:80]}")
                return True
            if fat is not None and ev.fatalities is not None and fat > ev.fatalities \
                    and not _ALSO_RE.search(sent.text):
                # "Dozens were killed … The blast killed at least 60": a later, higher toll of the same
                # event is its update; the latest toll wins (an "also" toll adds victims: left alone)
                events[j] = dataclasses.replace(
                    ev, fatalities=fat, injuries=inj if inj is not None else ev.injuries,
                    notes=(ev.notes + "; " if ev.notes else "") + f"toll updated by the next sentence: {sent.text[:80]}")
                return True

        return False

    def date_of(self, k: int, sent: Sentence, lang: str, act: list[Trigger], midx: list[int]) -> _When | None:
        """The date stage: the sentence's own date, a day counted from the one named last ("the next day"), the
        section's date or the document's. None for a sentence of background ("since 2015"): no new event."""
        d, res, section_date, sentence_found = self.doc, self.res, self.section_date, self.sentence_found
        mentions, sentences, doc_date, doc_date_note = d.mentions, d.sentences, d.doc_date, d.doc_date_note
        hint, hint_next_day, background_days = d.hint, d.hint_next_day, d.background_days
        dinfo = None
        try:
            dinfo = self.sentence_date(sent, lang)
        except Exception as e:  # noqa: BLE001
            res.errors.append(f"sentence at {sent.start}: date parsing failed: {e}")
        if dinfo is not None and getattr(dinfo, "start", -1) >= 0 and act and lang == "en" and (
                (rel := _PLUPERFECT_CLAUSE_RE.search(sent.text, act[0].end, dinfo.start)) is not None) \
                and ((sent.section, sent.part) in section_date or self.narrative_date is not None):
            # "The attack was crushed by the loyalist forces, who had taken the city earlier … in a battle that lasted
            # from February to March 2011": the date of a pluperfect relative clause is what happened before, not
            # the date of the sentence's event, which is the one the text is at
            dinfo = None
            date_hint_note = f"the sentence's date is in a clause of earlier events ({rel.group().strip()!r})"
        else:
            date_hint_note = ""
        if dinfo is not None and (dinfo.note or "").startswith(("since", "background")) and getattr(dinfo, "start", -1) >= 0 \
                and any(_comma_segment(sent.text, t.start) != _comma_segment(sent.text, dinfo.start) for t in act) \
                and _comma_segment(sent.text, dinfo.start) % 2 == 1:
            # «قوات حفتر، وهو من قادة التمرد الذي أطاح في عام 2011 نظام القذافي، استعانت بطائرات …»: the old
            # year sits in an aside between commas; the event of the sentence is not that old
            dinfo = None
        if dinfo is not None and (dinfo.note or "").startswith(("since", "background")):
            # «ويسيطر التنظيم منذ حزيران 2015 على سرت», «استولى على المدينة في أيار 2015»:
            # the sentence states background, not a new event
            for i in midx:
                if mentions[i].place is not None:
                    res.unused.append((mentions[i], f"background sentence ({dinfo.note}): no new event"))
            return None
        if dinfo is not None and (dinfo.note or "").startswith("future"):
            dinfo = None
        base = section_date.get((sent.section, sent.part)) or self.narrative_date
        # (only counted from a date named before, and only where the text has the words at all)
        next_day = _NEXT_DAY_RE.search(sent.text) if (
            hint_next_day and base is not None and _NEXT_DAY_HINT_RE.search(sent.text)) else None
        if next_day and base is not None and base.date is not None and (
                dinfo is None or dinfo.date is None or getattr(dinfo, "start", -1) < 0 or dinfo.date == base.date):
            # "The next day, …", "two days later", «وفي اليوم التالي»: counted from the date named last
            days, prec = _days_later(next_day)
            dinfo = timeparse.DateInfo(base.date + _dt.timedelta(days=days), prec,
                                       f"{next_day.group().strip()!r}: {abs(days)} day(s) {'before' if days < 0 else 'after'} "
                                       f"{base.date.isoformat()}",
                                       next_day.start(), next_day.end())
        month_later = _MONTH_LATER_RE.search(sent.text) if hint["month"] and not next_day and base is not None else None
        if month_later and base is not None and base.date is not None and (
                dinfo is None or dinfo.date is None or getattr(dinfo, "start", -1) < 0 or dinfo.date == base.date):
            # "a month later", "the following month", «في الشهر التالي», «بعد شهر»: the month after the date
            # named last, known to the month
            y, mo = (base.date.year + 1, 1) if base.date.month == 12 else (base.date.year, base.date.month + 1)
            dinfo = timeparse.DateInfo(_dt.date(y, mo, 1), 3, f"{month_later.group().strip()!r}: the month after "
                                       f"{base.date:%Y-%m}", month_later.start(), month_later.end())
        same_month = _SAME_MONTH_RE.search(sent.text) if _DIGIT_RE.search(sent.text) else None
        if same_month and base is not None and base.date is not None and (
                dinfo is None or dinfo.date is None or getattr(dinfo, "start", -1) < 0):
            day = int(same_month.group("d") or same_month.group("d2"))
            try:
                dinfo = timeparse.DateInfo(base.date.replace(day=day), 1,
                                           f"{same_month.group().strip()!r}: day {day} of {base.date:%Y-%m}",
                                           same_month.start(), same_month.end())
            except ValueError:
                pass  # "the 31st of the same month" in a 30-day month: no date
        part = _PART_OF_MONTH_RE.search(sent.text) if base is not None and base.date is not None else None
        if part and base is not None and base.date is not None and (
                dinfo is None or dinfo.date is None or getattr(dinfo, "start", -1) < 0):
            # «وفي منتصف الشهر», "later that month": a part of the month named last, known to about a week
            which = (part.group("p") or part.group("p2") or part.group("p3") or "").lower()
            # ("later that month" says only the month: day 1, precision 3, as a month alone is coded)
            day = timeparse.part_of_month(numbers.fold_same_length(which) + " ") or (1 if which == "later" else 5)
            dinfo = timeparse.DateInfo(base.date.replace(day=day), 3 if which == "later" else 2,
                                       f"{part.group().strip()!r}: about day {day} of {base.date:%Y-%m}",
                                       part.start(), part.end())
        anaphor = _TIME_ANAPHOR_RE.search(sent.text) if k and (
            dinfo is None or dinfo.date is None or getattr(dinfo, "start", -1) < 0) else None
        if anaphor is not None:
            kept = list(sentence_found)
            for prev in sentences[max(0, k - 3):k][::-1]:
                if prev.section != sent.section:
                    break
                try:
                    pd = self.sentence_date(prev, lang)
                except Exception:  # noqa: BLE001 - a date that fails to parse is no date
                    pd = None
                if pd is not None and pd.start >= 0:
                    if pd.date is not None and not pd.note.startswith(("since", "background", "future")):
                        dinfo = timeparse.DateInfo(pd.date, pd.precision, f"{pd.note} ({anaphor.group().strip()!r}: "
                                                   "the time of the sentence before)", -1, -1)
                    break
            sentence_found[:] = kept
        year_only = dinfo is not None and dinfo.date is not None and dinfo.note.startswith("the year ")
        if year_only and dinfo is not None and dinfo.date is not None:
            # "In 2015, the city fell to IS": the year is the sentence's own when the text's last date is of another
            # year (a date of that year said before is finer); it dates no sentence after it
            known = section_date.get((sent.section, sent.part)) or self.narrative_date
            if known is not None and known.date is not None and known.date.year == dinfo.date.year:
                dinfo = known
                date_note = f"{dinfo.note} (said earlier in this section)"
            else:
                date_note = dinfo.note
        elif dinfo is not None and dinfo.date is not None and getattr(dinfo, "start", -1) >= 0:
            section_date[(sent.section, sent.part)] = dinfo
            if dinfo.precision == 1:
                self.narrative_date = dinfo
            date_note = dinfo.note
        elif anaphor is not None and dinfo is not None and dinfo.date is not None:
            date_note = dinfo.note
        elif (sent.section, sent.part) in section_date:
            dinfo = section_date[(sent.section, sent.part)]
            date_note = f"{dinfo.note} (said earlier in this section)"
        elif doc_date is not None:
            dinfo = None
            date_note = doc_date_note
            if background_days > timeparse.BACKGROUND_DAYS:
                # a report of a period that does not date this event: it happened within the period, known to
                # about a month at best ("Intense fighting continued in Benghazi", a quarterly update)
                date_note += f" (a report of about {background_days // 31} months: the day is not known)"
        elif self.narrative_date is not None:
            dinfo = self.narrative_date
            date_note = f"{dinfo.note} (the date the text named last)"
        else:
            dinfo = None
            date_note = "relative: no document date"
        if date_hint_note:
            date_note += f" ({date_hint_note})"
        ev_date: str | None
        if dinfo is not None and dinfo.date is not None:
            ev_date = dinfo.date.isoformat()
            tprec = int(getattr(dinfo, "precision", 1) or 1)
        else:
            ev_date = doc_date.isoformat() if doc_date else None
            tprec = 3 if doc_date and background_days > timeparse.BACKGROUND_DAYS else 1
        return _When(dinfo, date_note, ev_date, tprec)

    def actors_of(self, sent: Sentence, lang: str, early_actors: list[ActorMention] | None) -> list[ActorMention]:
        """The actors of the sentence; «الجيش» after a named army is that army."""
        res, named_army = self.res, self.named_army
        # actors
        if early_actors is not None:
            actors = early_actors
        else:
            try:
                actors = lexicon.find_actors(sent.text, lang)
            except Exception as e:  # noqa: BLE001
                res.errors.append(f"sentence at {sent.start}: actor search failed: {e}")
                actors = []
        if actors:
            # «الجيش», «قوات الجيش» after the text named one of Libya's rival armies (the LNA, the GNA's or GNU's
            # forces, Gaddafi's in 2011) is the army it named last, not any Libyan force
            army = named_army[0] if named_army else None
            coref = []
            for a in actors:
                if a.actor_id in _ARMIES:
                    army = a
                elif army is not None and a.actor_id == "libyan_forces" and _ARMY_WORD_RE.search(sent.text[a.start:a.end]):
                    a = dataclasses.replace(a, name=army.name, kind=army.kind, acled_name=army.acled_name,
                                            actor_id=army.actor_id)
                coref.append(a)
            actors = coref
            named_army[:] = [army] if army is not None else []

        return actors

    def event_places(self, sent: Sentence, own_places: list[int], actors: list[ActorMention]) -> list[int] | None:
        """The place stage: which of the sentence's place mentions can be an event's place (a finer place wins over
        the one that holds it, a town inside an actor's name or at a road's end gives way …). None when every
        place is abroad: no event in Libya."""
        d, res = self.doc, self.res
        text, mentions, gaz, cues, hint = d.text, d.mentions, d.gaz, d.cues, d.hint
        last_place, para_place = self.last_place, self.para_place
        # places of this sentence
        libyan = [i for i in own_places if mentions[i].status == "resolved"]

        def placed_of(i: int) -> Place:
            """The place of mention ``i``, one of ``libyan`` (resolved: it has one)."""
            p = mentions[i].place
            assert p is not None
            return p
        if own_places and not libyan:
            for i in own_places:
                res.unused.append((mentions[i], "event abroad: not recorded as an event in Libya"))
            return None
        # a plain mention of a place that holds another place of the sentence gives way to the finer
        # one («في سرت قرب قاعة واغادوغو» → the hall); a relative phrase («وسط المدينة») keeps it
        # "the Tripoli suburb of Tajoura", «ضاحية تاجوراء بطرابلس»: the suburb is the place
        # ("the Laithi neighbourhood of Benghazi" reads the other way: the finer place, by the
        # gazetteer's hierarchy, is the one kept)
        # ("the Janzour district of Tripoli" reads the first way: of two settlements the smaller kind is the place)
        # (only a mention and the next one can be joined so: the gap is a few words)
        coarser = set()
        by_start = sorted(libyan, key=lambda q: mentions[q].start)
        for i, j in zip(by_start, by_start[1:]):
            if mentions[j].start > mentions[i].end and mentions[j].start - mentions[i].end <= 40 \
                    and _PART_OF_GAP_RE.match(text[mentions[i].end:mentions[j].start]):
                coarser.add(j if _finer_first(gaz, placed_of(i), placed_of(j)) else i)
        libyan = [i for i in libyan if i not in coarser]
        # «كتيبة شهداء أبو سليم», "the Misrata Military Council": a town inside an actor's name is where the
        # actor comes from, not where the event happened (when the sentence names another place)
        in_names = [i for i in libyan if any(
            sent.start + a.start <= mentions[i].start and mentions[i].end <= sent.start + a.end
            and (a.end - a.start) > (mentions[i].end - mentions[i].start) for a in actors)]
        if in_names and len(in_names) < len(libyan):
            for i in in_names:
                res.unused.append((mentions[i], "inside an actor's name: where the actor comes from"))
            libyan = [i for i in libyan if i not in in_names]
        # "the Brak al-Shati air base in southern Libya", «قاعدة براك في جنوب ليبيا»: a region after "in" that
        # holds the place before it says where that place is; the place is the event's
        libyan = [i for i in libyan if not (
            getattr(mentions[i].place, "feature_type", "") in _AREAL and any(
                j != i and mentions[j].end <= mentions[i].start and mentions[j].place is not None
                and getattr(mentions[j].place, "feature_type", "") not in _AREAL
                and _LOCATOR_GAP_RE.match(text[mentions[j].end:mentions[i].start])
                and _holds(gaz, placed_of(i), placed_of(j))
                for j in libyan))]
        # "Ghardabiya Airport, south of the city, was captured": a relative phrase in apposition describes where
        # the place before it is (as the gazetteer-name case is handled when places are found)
        libyan = [i for i in libyan if not (i in cues and mentions[i].relation == "same_as" and any(
            j != i and mentions[j].end <= cues[i].start and mentions[j].relation != "same_as"
            and is_apposition(text, mentions[j].end, cues[i].start)
            and not any(mentions[q].start > mentions[j].end and mentions[q].end <= cues[i].start for q in libyan)
            for j in libyan))]
        # "west of the capital Tripoli": the name after a reference word to the same place is that word's name, not a
        # second place of the event
        # (without a relative cue on the word, the word goes and the name stays: "in the capital Tripoli" is in Tripoli)
        named: list[int] = []
        in_order = sorted(libyan, key=lambda q: mentions[q].start)
        for q, i in zip(in_order, in_order[1:]):  # (the mention just before: linear in the sentence's mentions)
            pid = getattr(mentions[i].place, "id", None)
            if pid is not None and mentions[q].end <= mentions[i].start and not text[mentions[q].end:mentions[i].start].strip() \
                    and getattr(mentions[q].place, "id", None) == pid:
                named.append(i if q in cues else q)
        if named:
            for i in named:
                res.unused.append((mentions[i], "the name of the place the word before it refers to"))
            libyan = [i for i in libyan if i not in named]
        # «مدينة صبراتة التي تبعد 70 كلم عن العاصمة طرابلس», "Sabratha, 70 km from Tripoli": the anchor of a distance that
        # describes the place before it; and "taken to a hospital in Misrata", «نقلوا إلى مستشفى»: where the wounded went
        first_end = min((mentions[j].end for j in libyan), default=0)
        aside = [i for i in libyan if i not in cues and (
            hint["distance"] and _DISTANCE_FROM_RE.search(text[max(0, mentions[i].start - 60):mentions[i].start])
            and first_end <= mentions[i].start
            or hint["taken_to"] and _taken_to(text, mentions[i]))]
        if aside and (len(aside) < len(libyan) or sent.section in last_place or sent.paragraph in para_place):
            for i in aside:
                res.unused.append((mentions[i], "the anchor of a distance, or where the wounded were taken: not the event's place"))
            libyan = [i for i in libyan if i not in aside]
        # "seized the road junction leading to Benghazi and Tobruk", "the coastal road to Sirte", "civilians fled to
        # Tunisia": where a road leads or people fled is not where the event is
        led_to = [i for i in libyan if hint["road"] and _ROAD_TO_RE.search(text[max(0, mentions[i].start - 40):mentions[i].start])]
        if led_to and (len(led_to) < len(libyan) or sent.section in last_place or sent.paragraph in para_place):
            # (with no other place to go to, the road's end is the best place known)
            for i in led_to:
                res.unused.append((mentions[i], "where a road leads or people fled: not the event's place"))
            libyan = [i for i in libyan if i not in led_to]
        if libyan and (sent.paragraph in para_place or sent.section in last_place) and all(
                i not in cues and _PEOPLE_FROM_RE.search(text[max(0, mentions[i].start - 50):mentions[i].start])
                for i in libyan):
            # "a ceasefire brokered by elders from Zintan", «بوساطة أعيان من الزنتان»: when every place of the
            # sentence is where people came from, the event is where the text already is
            for i in libyan:
                res.unused.append((mentions[i], "where people came from: not the event's place"))
            libyan = []
        placed = {i: p for i in libyan if (p := mentions[i].place) is not None}  # resolved: all have places
        distinct = {p.id: p for p in placed.values()}  # (a name repeated is one place: checked once)
        holds_another = {pid: any(q.id != pid and _is_ancestor(gaz, p, q) for q in distinct.values())
                         for pid, p in distinct.items()}
        # ("retook al-Ajaylat, al-Jamil and Riqdalin": places listed side by side are each a place of the event, the
        # town beside the village it holds as much as the village)
        listed: set[int] = set()
        if any(holds_another.values()):
            by_start = sorted(libyan, key=lambda q: mentions[q].start)
            listed = {x for i, j in zip(by_start, by_start[1:]) for x in (i, j)
                      if mentions[j].start - mentions[i].end <= _LIST_GAP_MAX
                      and _LISTED_GAP_RE.search(gap := text[mentions[i].end:mentions[j].start])
                      and (_LIST_GAP_RE.match(gap) or _LIST_GAP_RE.match(_norm(gap)))}
        keep = [i for i in libyan if i in cues or i in listed or not holds_another[placed[i].id]]
        return keep

    def choose_triggers(self, k: int, sent: Sentence, lang: str, act: list[Trigger], actors: list[ActorMention],
                        places_for: _PlaceFinder) -> dict[tuple[str, ...], Trigger]:
        """One trigger per event: the first of each (type, sub-type) and place, with the guards of modality,
        negation, purpose, habit and long-past reference, and the retyping of captures of people or things."""
        d, events = self.doc, self.events
        mentions, m_by_sentence, hint, doc_date = d.mentions, d.m_by_sentence, d.hint, d.doc_date
        # "dissolved … during the Battle of Derna": a trigger inside a "during …" phrase dates the sentence's
        # main event; it is no event of its own when the sentence has one
        framed = [t for t in act if _DURING_BEFORE_RE.search(sent.text[max(0, t.start - 24):t.start])
                  or t.kind in ("clash", "fighting", "attack") and _AFTER_FIGHT_BEFORE_RE.search(sent.text[max(0, t.start - 30):t.start])]
        if framed and len(framed) < len(act) and any(
                t.kind != "killing" or any(a.end <= t.start and t.start - a.end <= 3 for a in actors)
                for t in act if t not in framed):
            # ("LNA troops killed 12 IS fighters near Zillah after an attack": a killing by the actor just before it
            # is the sentence's event as much as any other)
            act = [t for t in act if t not in framed]
        # a trigger word inside an actor's name ("Government of National Accord", «غرفة عمليات …», «اللواء 444
        # قتال») is no trigger: dropped before the first trigger of each type is chosen, so the verb after the
        # name («… قتال اشتبك مع …») is the event's
        act = [t for t in act if not any(a.start <= t.start and t.end <= a.end and (a.end - a.start) > (t.end - t.start)
                                         for a in actors)]
        # one event per (event type, sub-type) – its first trigger – and place
        seen_types: dict[tuple[str, ...], Trigger] = {}
        habit_at: int | None = None  # where a trigger told as a habit stands
        first_time = bool(events) and _FIRST_TIME_RE.match(sent.text) is not None
        for t in act:
            if t.kind == "agreement" and lang == "en" and t.word[:1].isupper() \
                    and _NAMED_ACCORD_BEFORE_RE.search(sent.text[max(0, t.start - 40):t.start]) \
                    and not _ACCORD_MADE_RE.search(sent.text):
                continue  # "as outlined in the Libyan Political Agreement": a named text, not an agreement made
            if t.kind == "handover" and _WITHDRAW_RE.match(t.word.strip()) and any(
                    u.kind == "territory" and u.start < t.start and (m := _UNOPPOSED_RE.search(sent.text, u.end, u.end + 90))
                    and m.start() <= t.start < m.end() + 40 for u in act):
                continue  # "took Brega after the loyalists withdrew from it": the withdrawal is how the place was taken
            if hint["hedge"] and _HEDGE_RE.match(sent.text[t.end:t.end + 40]):
                continue  # «تحرير سرت بات قريبا», "an offensive is expected": not (yet) an event
            if t is not act[0] and act[0].kind == "protest" and _AFTER_REF_RE.search(sent.text[max(0, t.start - 40):t.start]):
                continue  # "Thousands protested after the assassination of …": what a protest answers
            if _NEGATION_BEFORE_RE.search(sent.text[max(0, t.start - 30):t.start]):
                continue  # «ولم تتجدد المعارك», "no clashes were reported": what did not happen
            if t.kind in ("territory", "clash") and _norm(t.word).startswith(_PURPOSE_LAM):
                if not (t.kind == "territory" and _AR_OFFENSIVE_FOR_RE.search(sent.text[max(0, t.start - 30):t.start])):
                    continue  # «لتحرير سرت», «لصد هجوم»: what forces set out to do, not what they did
                # «أطلق عملية عسكرية للسيطرة على طرابلس»: the offensive is fighting for the place it aims at
                # (as "launched an offensive to seize the capital")
                t = dataclasses.replace(t, event_type="Battles", sub_event_type="Armed clash", kind="clash")
            if t.kind in ("territory", "clash", "attack") and _EN_PURPOSE_TO_RE.search(sent.text[max(0, t.start - 30):t.start]):
                if not (t.kind == "territory" and _OFFENSIVE_TO_RE.search(sent.text[max(0, t.start - 30):t.start])):
                    continue  # "made efforts to capture", "force against Bani Walid to capture": a purpose, not a deed
                # "launched an offensive to seize the capital": the offensive is fighting for the place it aims at
                t = dataclasses.replace(t, event_type="Battles", sub_event_type="Armed clash", kind="clash")
            if t.kind == "territory" and (_PERSON_OBJECT_RE.match(sent.text[t.end:t.end + 40]) or (
                    (nm := _NAME_OBJECT_RE.match(sent.text, t.end)) is not None
                    and not any(sent.start + nm.start(1) <= mentions[i].start < sent.start + nm.end()
                                for i in m_by_sentence[k]))):
                # "captured Anas al-Liby in Tripoli": a name that is no place is a person taken
                # "captured and tortured militiaman Omran Shaaban", "to capture those people": people taken
                t = dataclasses.replace(t, event_type="Violence against civilians",
                                        sub_event_type="Abduction/forced disappearance", kind="abduction")
            if t.kind == "territory" and lang == "en":
                before40 = sent.text[max(0, t.start - 48):t.start]
                if _THING_AGENT_RE.search(before40):
                    continue  # "the vessel then entered the port of Sidra": a ship moving, no one taking a place
                if _THING_OBJECT_RE.match(sent.text[t.end:t.end + 40]) or _THING_PASSIVE_RE.search(before40) or (
                        _IT_PASSIVE_RE.search(before40) and _THING_WORD_RE.search(sent.text[:t.start])):
                    # "seized a tanker", "the tanker … was seized by rebel gunmen": goods taken, not territory;
                    # "100 tanks and 26 rocket launchers were seized": arms taken from those who would use them
                    arms = _WEAPON_THING_RE.search(sent.text[max(0, t.start - 60):t.end + 40]) is not None
                    t = dataclasses.replace(t, event_type="Strategic developments",
                                            sub_event_type="Disrupted weapons use" if arms else "Looting/property destruction",
                                            kind="disrupted_weapons" if arms else "property_destruction")
            if _MODAL_BEFORE_RE.search(sent.text[max(0, t.start - 40):t.start] + _clitic_of(t.word)) \
                    or _MODAL_AFTER_RE.match(sent.text, t.end):
                continue  # "threatened to storm Misrata", «أي هجوم على طرابلس»: not (yet) an event
            if t.kind == "agreement" and _CALL_FOR_RE.search(sent.text[max(0, t.start - 70):t.start]):
                continue  # "called for a ceasefire", «طالبت البعثة بوقف إطلاق النار»: asked for, not agreed
            if t.kind == "protest" and _CALL_FOR_RE.search(sent.text[max(0, t.start - 50):t.start]) \
                    and not _PROTEST_HELD_BEFORE_RE.search(sent.text[:t.start]):
                continue  # «دعا ناشطون إلى خروج مظاهرات», "activists called for protests": called for, not (yet) held
            if hint["aim"] and t.kind in ("territory", "clash", "attack") \
                    and _AR_AIM_BEFORE_RE.search(sent.text[max(0, t.start - 30):t.start]):
                continue  # «عملية قالت إنها تهدف إلى تحرير درنة», "aimed at retaking": what it is for, not what it did
            if t.kind == "territory" and _AR_HOLDS_RE.fullmatch(t.word.strip()) and _AR_HOLDS_AREA_AFTER_RE.match(sent.text, t.end):
                continue  # «ويسيطر على شرق ليبيا … الجيش الوطني»: who holds a part of the country (the present), no capture
            if t.kind == "territory" and _CONTROL_WORD_RE.match(t.word) \
                    and _STATIVE_CONTROL_BEFORE_RE.search(sent.text[max(0, t.start - 40):t.start]):
                continue  # «المناطق الخاضعة لسيطرة الحكومة», "areas under the control of": who holds a place, no change
            if t.word.strip().lower() == "shot" and _PASSIVE_KILL_RE.search(sent.text, max(0, t.start - 16), t.start) \
                    and not _SHOT_AND_RE.match(sent.text, t.end):
                continue  # ("a policeman was shot": the bare passive names the victim, not a shooter; "shot dead" is a killing)
            if events and (_SIMILAR_AFTER_RE.match(sent.text, t.end) or _SIMILAR_BEFORE_RE.search(sent.text, max(0, t.start - 20), t.start)):
                continue  # «لحوادث اغتيال مماثلة», "a string of similar killings": events like the one told, not one of them
            if hint["amid"] and _AMID_BEFORE_RE.search(sent.text[max(0, t.start - 90):t.start]):
                continue  # "… comes as factions have been locked in a battle around Tripoli": the setting, no event
            if events and hint["after_this"] and _AFTER_THIS_RE.search(sent.text[max(0, t.start - 30):t.start]):
                continue  # «بعد تلك الاشتباكات», "after these clashes": the event told before, no new one
            if events and hint["told"] and _TOLD_EVENT_BEFORE_RE.search(sent.text[max(0, t.start - 50):t.start]):
                continue  # "No one has claimed responsibility for the attack", "residents who fled the fighting"
            if t.kind != "protest" and _DEMANDED_RE.search(sent.text[max(0, t.start - 70):t.start]):
                continue  # "demanding the release of detained relatives", «للمطالبة بالإفراج عن المعتقلين»: what is asked for
            if hint["compare"] and _COMPARED_BEFORE_RE.search(sent.text[max(0, t.start - 30):t.start]):
                continue  # "Along with the Battle of Misrata, …", «على غرار معركة مصراتة»: a comparison, no event
            if hint["habit"] and (_HABIT_BEFORE_RE.search(sent.text[max(0, t.start - 80):t.start])
                                  or _HABIT_AFTER_RE.match(sent.text, t.end)):
                habit_at = t.start if habit_at is None else habit_at
                continue  # "The group frequently clashed with ISIL", «كثيرا ما تندلع اشتباكات»: a habit, no dated event
            if habit_at is not None and _comma_segment(sent.text, t.start) == _comma_segment(sent.text, habit_at):
                continue  # «هجمات دامية متواترة البعض منها يستهدف مقرات»: what the recurring blows do, a habit too
            if self.in_the_battle(k, sent, t):
                continue  # "… fierce clashes in Abu Sleem. … the sound of explosions spread": the battle's own blasts
            if first_time:
                continue  # «وهذه هي المرة الأولى التي يستهدف فيها طيران حربي أوباري»: a remark on the event told
            if t.kind == "execution" and _VERDICT_BEFORE_RE.search(sent.text[max(0, t.start - 80):t.start]):
                continue  # «حكما بإعدام 45 شخصا», "sentenced to death": a verdict
            pre = sent.text[max(0, t.start - 40):t.start]
            if _STATE_CLAUSE_RE.search(pre) or (
                    _AR_RELATIVE_RE.search(pre) and t.word[:1] in "يت" and t.kind in ("territory", "clash", "fighting")):
                continue  # "IS, who have seized Sirte", «التنظيم الذي يسيطر على سرت»: the standing state
            if events and _refers_back(sent.text, t) and _JUDGE_BEFORE_RE.search(sent.text[max(0, t.start - 50):t.start]):
                continue  # "The government called the assault a coup": a judgement on the event told before
            if _LONG_AGO_RE.search(sent.text[max(0, t.start - 40):t.start]):
                continue  # «بعد شهرين من انتقال الحكومة», "two years after the capture": a past reference
            if doc_date is not None and (ym := _YEAR_NAMED_RE.search(sent.text, max(0, t.start - 26), t.start)) \
                    and int(ym.group(1)) < doc_date.year:
                continue  # "the 2012 attack on the consulate" in a text of 2020: an event of a year before, named
            if t.kind == "territory" and _TAKEN_IN_RE.match(t.word) and _TAKEN_IN_NOT_RE.match(sent.text, t.end):
                continue  # "was taken in December 2016 by the GNA" is taken; "was taken in for questioning" is not
            if t.kind == "territory" and "سيطر" in t.word and _STILL_BEFORE_RE.search(sent.text[max(0, t.start - 40):t.start]):
                continue  # «لا تزال قوات حفتر تسيطر على غريان», «احتفظت … بالسيطرة»: holding a place is no change of hands
            if t.kind == "territory" and _ATTEMPT_RE.search(sent.text[max(0, t.start - 30):t.start]):
                # «تحاول الدخول», "trying to push into": an attempt is fighting, not a change of control
                t = dataclasses.replace(t, event_type="Battles", sub_event_type="Armed clash", kind="clash")
            if t.kind == "territory" and _BUILDING_AFTER_RE.search(sent.text[t.end:t.end + 40]):
                # "stormed the headquarters of …", «اقتحموا مقر …»: an attack on a building, not territory
                t = dataclasses.replace(t, event_type="Battles", sub_event_type="Armed clash", kind="attack")
            if t.kind == "protest" and _PROTEST_VERB_RE.fullmatch(t.word.strip()):
                # "LNA forces rallied near Sirte", "the brigades marched on Tripoli": a force that rallies or marches
                # regroups or moves; it does not protest
                agent = next((a for a in reversed(actors) if a.end <= t.start and not sent.text[a.end:t.start].strip()), None)
                if agent is not None and _camp(agent.name) in ("state", "non_state", "external"):
                    t = dataclasses.replace(t, event_type="Strategic developments", sub_event_type="Change to group/activity",
                                            kind="deployment")
            if t.kind == "protest" and _CELEBRATE_RE.search(sent.text) and not _PROTEST_NOUN_RE.search(sent.text):
                continue  # «تجمع المئات … احتفالا بذكرى الثورة», "gathered to celebrate": a celebration is no protest
            if t.kind == "protest" and _ROADBLOCK_RE.search(t.word) and not _CROWD_RE.search(sent.text) \
                    and any(a.kind in ("state", "non_state", "external") for a in actors) \
                    and not any(a.kind == "civilians" for a in actors):
                continue  # "roadblocks set up using pickup trucks with the logo of Ansar al-Sharia": no protest
            key = (t.event_type, t.sub_event_type)
            prev_t = seen_types.get(key)
            if prev_t is not None and t.start - prev_t.end > 25 and t.kind not in _BACKREF_KINDS \
                    and not _refers_back(sent.text, t):
                # "jets targeted the Watiya base, prompting a response from jets that bombed Mitiga airport":
                # a second blow of the same kind at another place of its own is a second event
                p_prev, p_t = places_for(sent.start + prev_t.start), places_for(sent.start + t.start)
                if p_prev and p_t and p_t[0].place_id != p_prev[0].place_id \
                        and p_t[0].mention.start > sent.start + t.start:
                    seen_types[key + (str(t.start),)] = t
                    continue
            if prev_t is None:
                seen_types[key] = t
            elif lang == "en" and not _agent_before(prev_t, actors, sent.text) and _agent_before(t, actors, sent.text) \
                    and {x.place_id for x in places_for(sent.start + prev_t.start)} \
                    <= {x.place_id for x in places_for(sent.start + t.start)}:
                # "The battle began on 15 October when the LNA launched an offensive": the report
                # of the same event that names its agent tells who did it ("Protests erupted in Tripoli,
                # Misrata and Zawiya …; gunmen fired on protesters in Tripoli" keeps the first, of three places)
                seen_types[key] = t
        ied = seen_types.get(("Explosions/Remote violence", "Remote explosive/landmine/IED"))
        if ied is not None and ("Explosions/Remote violence", "Air/drone strike") not in seen_types \
                and _AIRCRAFT_BEFORE_RE.search(sent.text[max(0, ied.start - 40):ied.start]):
            # "jets bomb an airport", «طائرات تقصف»: a bomb dropped from aircraft is an air strike
            seen_types[("Explosions/Remote violence", "Air/drone strike")] = dataclasses.replace(
                ied, sub_event_type="Air/drone strike", kind="air")
            del seen_types[("Explosions/Remote violence", "Remote explosive/landmine/IED")]
        raid = seen_types.get(("Battles", "Armed clash"))
        if raid is not None and raid.kind == "attack" and ("Explosions/Remote violence", "Air/drone strike") not in seen_types \
                and (_AIRCRAFT_BEFORE_RE.search(sent.text[max(0, raid.start - 60):raid.start])
                     or _AIRCRAFT_AFTER_RE.match(sent.text[raid.end:raid.end + 20])):
            # "Air forces loyal to Haftar attacked positions in Tripoli", «هاجمت طائرات …»: aircraft that attack
            # strike from the air; no clash on the ground
            seen_types[("Explosions/Remote violence", "Air/drone strike")] = dataclasses.replace(
                raid, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", kind="air")
            del seen_types[("Battles", "Armed clash")]
        if ("Explosions/Remote violence", "Suicide bomb") in seen_types:
            # «هجوم انتحاري لشاحنة مفخخة», "a suicide car bomb": one blast, named twice; the suicide bomb
            # is the finer sub-type
            seen_types.pop(("Explosions/Remote violence", "Remote explosive/landmine/IED"), None)
        return seen_types

    def emit(self, k: int, sent: Sentence, lang: str, seen_types: dict[tuple[str, ...], Trigger], act: list[Trigger],
             actors: list[ActorMention], places_for: _PlaceFinder, cas: Casualties | None, fat: int | None,
             inj: int | None, midx: list[int], absorbed: set[str], when: _When) -> None:
        """The event stage: each chosen trigger becomes one event per place it governs, with its actors, sub-type,
        date, toll and notes; the section's state (last place, actor, event) moves on."""
        d, events = self.doc, self.events
        mentions, doc_id, source, url, mention_index = d.mentions, d.doc_id, d.source, d.url, d.mention_index
        last_place, para_place, last_event_in_para, last_actor, last_section, used = (
            self.last_place, self.para_place, self.last_event_in_para, self.last_actor, self.last_section, self.used)
        strike_kind, bare_deaths, undated_deaths, bare_undated = (
            self.strike_kind, self.bare_deaths, self.undated_deaths, self.bare_undated)
        # "took control of Tarhuna after fierce fighting": at the captured place the fighting is the
        # capture (one event); fighting elsewhere in the sentence stays an event of its own
        captured = {x.place_id for t in seen_types.values() if t.kind == "territory"
                    for x in places_for(sent.start + t.start)}
        sentence_places: list[_Located] = []
        clause_cas = _clause_tolls(sent.text, lang, seen_types.values()) if (fat or inj) else None
        owner = _toll_owner(seen_types, cas) if cas is not None and clause_cas is None and (fat or inj) else None
        for key_t, t in seen_types.items():
            et = key_t[0]
            located, carried = self.trigger_places(k, sent, t, places_for, midx)
            sentence_places.extend(x for x in located if not carried)
            located = _also_names(located, [mentions[i] for i in midx])
            et_t, sub, actor1, actor2, protest_fat_cause, fat = self.trigger_sides(
                sent, lang, t, et, actors, act, absorbed, fat)
            t_date, t_prec, t_note, own = self.trigger_date(sent, t, when)
            more_days = _more_days(t_date, own, when)
            et_t, sub, actor1, actor2, war_note = self.of_its_war(sent, t, et_t, sub, actor1, actor2, t_date, actors)
            targets: list[_Located | None] = list(located) if located else [None]
            if t.kind in ("clash", "fighting", "attack") and located and not carried \
                    and all(x.place_id in captured for x in located):
                continue
            # "no civilians were killed as a result of this airstrike": a blow named with a demonstrative is the
            # one told before, of whatever date when the sentence names none
            this_blow = carried and events and t.kind in _BLOW_KINDS and not (own is not None and own.date is not None) \
                and _DEMONSTRATIVE_BEFORE_RE.search(sent.text[max(0, t.start - 14):t.start]) is not None
            named_back = bool(events) and (t.kind in _BLOW_KINDS or t.kind in ("clash", "fighting")) \
                and _BACK_BEFORE_RE.search(sent.text[max(0, t.start - 14):t.start]) is not None
            if this_blow or carried and events and (
                    t.kind in ("attack", "clash", "fighting", "explosive", "suicide") and _refers_back(sent.text, t)
                    # "The strike comes as …": a strike or shelling refers back by a word before it, not by «ال» alone
                    or t.kind in _BLOW_KINDS and (_BACK_BEFORE_RE.search(sent.text[max(0, t.start - 14):t.start])
                                                  or _AR_TOLD_BLOW_RE.match(_norm(t.word)))) \
                    or named_back and located and not carried:
                # ("The reasons behind the clashes are not clear, though locals in Tripoli say …": "the clashes" at
                # the town of the district they were told at; a place of the sentence's own, but the same clashes)
                # «نُفذ الهجوم من قبل مهاجمين تابعين لتنظيم الدولة», "The attack was claimed by IS": the attack
                # told before, with no place of its own; it names who did it, it is no second attack
                here = {x.place_id for x in located}
                # (the attack told at a district of the town the sentence is placed at: "clashes in Tripoli's Abu
                # Sleem district … The reasons behind the clashes are not clear")
                here |= {e.place_id for e in events[-40:] if e.place_id and e.place_id not in here
                         and _in_tree(d.gaz, e.place_id, here)}
                j = next((q for q in range(len(events) - 1, max(-1, len(events) - 41), -1) if events[q].place_id in here
                          and (events[q].event_date == t_date or this_blow)
                          and events[q].event_type in (et_t, "Battles", "Violence against civilians",
                                                       "Explosions/Remote violence")), -1)
                if j >= 0:
                    if not events[j].actor1 and actor1:
                        events[j] = dataclasses.replace(
                            events[j], actor1=actor1, actor2=events[j].actor2 or (actor2 if actor2 != actor1 else ""),
                            notes=events[j].notes + f"; actor from a later mention: {sent.text[:60]}")
                    continue
            fat_c, inj_c = clause_cas.get(_clause_of(sent.text, t.start, _TOLL_CLAUSE_RE), (None, None)) \
                if clause_cas else (fat, inj)
            if owner is not None and et != owner:
                fat_c, inj_c = None, None  # the sentence's toll is an event of another type's (counted once)
            fat_each: int | list[int | None] | list[int] | None
            inj_each: int | list[int] | None
            fat_each, inj_each = (None, inj_c) if protest_fat_cause else (fat_c, inj_c)
            own_tolls = _tolls_by_place(getattr(cas, "fatal_counts", ()), sent.start, targets) \
                if clause_cas is None and fat == getattr(cas, "fatalities", None) else None
            if own_tolls is not None:
                # "1,000 killed in Warshafana, and another 170 killed in the Nafusa Mountains": each count
                # is the toll of the place written after it
                fat_each = own_tolls
            elif len(targets) > 1 and (fat or inj):
                # "65 killed … in several cities": one toll for the events of several places is divided
                # evenly between them, the remainder to the first (as ACLED divides it)
                fat_each = [fat // len(targets) + (1 if q < fat % len(targets) else 0) for q in range(len(targets))] \
                    if fat else None
                inj_each = [inj // len(targets) + (1 if q < inj % len(targets) else 0) for q in range(len(targets))] \
                    if inj else None
            for n_loc, loc in enumerate(targets):
                fat_t = fat_each[n_loc] if isinstance(fat_each, list) else fat_each
                inj_t = inj_each[n_loc] if isinstance(inj_each, list) else inj_each
                notes = [f"trigger {t.word!r} ({t.kind})"]
                if war_note:
                    notes.append(war_note)
                if own_tolls is not None:
                    notes.append("the toll written before this place")
                elif isinstance(fat_each, list) or isinstance(inj_each, list):
                    notes.append(f"one toll divided between {len(targets)} places")
                if loc is None:
                    unresolved = [mentions[i] for i in midx if mentions[i].place is None]
                    why = "; ".join(f"{q.text}: {q.reason}" for q in unresolved) or "no place named in the sentence or its section"
                    notes.append(f"unlocated: {why}")
                    kind = f"{et_t}|{sub}|"
                    ev = Event(
                        id=self.new_id(sent, kind, t_date), doc_id=doc_id, event_date=t_date,
                        time_precision=t_prec, date_note=t_note, update_time=sent.update_time, event_type=et_t,
                        sub_event_type=sub, actor1=actor1, actor2=actor2, location=unresolved[0].text if unresolved else "",
                        place_id="", place_name_en="", place_name_ar="", admin1="", country="", latitude=None,
                        longitude=None, geo_precision=3, relation="", uncertainty_m=None, uncertainty_wkt=None,
                        fatalities=fat_t, injuries=inj_t, source=source, url=url, language=lang, evidence=sent.text,
                        span_start=sent.start, span_end=sent.end, notes="; ".join(notes),
                    )
                    for q in unresolved:
                        used.setdefault(mention_index[id(q)], []).append(ev.id)
                else:
                    if carried:
                        notes.append(f"place carried over from an earlier sentence of the section ({loc.mention.text})")
                    if loc.note:
                        notes.append(loc.note)
                    if loc.mention.relation == "same_as":
                        notes.append(f"«{loc.mention.text}» refers to {loc.mention.anchor_text}")
                    kind = f"{et_t}|{sub}|{loc.place_id}|{loc.relation}"
                    ev = Event(
                        id=self.new_id(sent, kind, t_date), doc_id=doc_id, event_date=t_date,
                        time_precision=t_prec, date_note=t_note, update_time=sent.update_time, event_type=et_t,
                        sub_event_type=sub, actor1=actor1, actor2=actor2, location=loc.label,
                        place_id=loc.place_id, place_name_en=loc.place_name_en, place_name_ar=loc.place_name_ar,
                        admin1=loc.admin1, country=loc.country, latitude=loc.lat, longitude=loc.lon,
                        geo_precision=loc.geo_precision, relation=loc.relation, uncertainty_m=loc.uncertainty_m,
                        uncertainty_wkt=loc.uncertainty_wkt, fatalities=fat_t, injuries=inj_t, source=source, url=url,
                        language=lang, evidence=sent.text, span_start=sent.start, span_end=sent.end,
                        notes="; ".join(notes),
                    )
                    if not carried:
                        used.setdefault(mention_index[id(loc.mention)], []).append(ev.id)
                events.append(ev)
                if more_days:
                    self.more_days[ev.id] = more_days
                if t.kind == "deaths":
                    bare_deaths.add(ev.id)
                    if k in undated_deaths:
                        bare_undated.add(ev.id)
                if t.kind in ("air", "shelling"):
                    strike_kind[sent.section] = t.kind
                if et_t != "Strategic developments":
                    last_event_in_para[sent.section] = len(events) - 1
                    self.last_event_paragraph[sent.section] = sent.paragraph
                    last_event_in_para[(sent.section, et)] = len(events) - 1
            # who acts next: not a side inferred, nor the protesters of a protest but the force that met them
            # ("… attacked a mosque where protesters were holding a sit-in. The troops opened fire …")
            if actor1 and not war_note.startswith(_INFERRED_FIRST):
                last_actor[sent.paragraph] = actor2 if actor1 in ("Protesters", "Rioters") else actor1
                last_section[sent.paragraph] = sent.section
        if sentence_places:
            last_place[sent.section] = sentence_places
            para_place.pop(sent.paragraph, None)  # an event's own places are the newer antecedent

    def trigger_places(self, k: int, sent: Sentence, t: Trigger, places_for: _PlaceFinder, midx: list[int]
                       ) -> tuple[list[_Located], bool]:
        """Where a trigger's event is: the places it governs, else the seat of an institution it names, the
        paragraph's or section's place, or the enclosing town of a place the gazetteer lacks. Returns the places
        and whether they were carried over from elsewhere (not named for this trigger)."""
        d = self.doc
        text, mentions, m_by_sentence, ctx = d.text, d.mentions, d.m_by_sentence, d.ctx
        last_place, para_place, salience = self.last_place, self.para_place, self.salience
        located = places_for(sent.start + t.start, targets=t.event_type == "Explosions/Remote violence",
                             withdrawal=t.kind == "handover" and bool(_WITHDRAW_RE.match(t.word.strip())),
                             territory=t.kind == "territory", movement=t.kind == "deployment")
        carried = False
        if located and all(x.place_id == "cc:LY" for x in located) and (
                sent.paragraph in para_place or sent.section in last_place):
            # "an attack on the Parliament of Libya", "the deadliest strike in Libya": the country says no
            # more than that the event is in Libya; the place the text is about says where
            located = []
        if not located:
            # «تعرضت دورية تابعة لمديرية أمن سبها لهجوم», "the Sabha Security Directorate": an institution
            # named after its seat is in that town; the sentence says where before any earlier one does
            seat = _institution_seat(ctx, text, [mentions[i] for i in m_by_sentence[k]])
            if seat is None and t.kind in _BLOW_KINDS:
                seat = _target_group_town(ctx, text, [mentions[i] for i in m_by_sentence[k]], sent.start + t.end)
            if seat is not None:
                located = [seat]
                carried = True
        if not located and sent.paragraph in para_place:
            located = _carry_over(ctx, text, para_place[sent.paragraph], salience.before(sent.start))
            carried = True
        if not located and sent.section in last_place:
            located = _carry_over(ctx, text, last_place[sent.section], salience.before(sent.start))
            carried = True
        if not located and any(mentions[i].place is None and mentions[i].status == "unresolved" for i in midx):
            # a place the gazetteer lacks, after a cue («في منطقة الزنبقة»), in a text that named its
            # town before: the event is somewhere in that town (ACLED: precision 2), never dropped
            enclosing = _enclosing_before(ctx, text, mentions, sent.start)
            if enclosing is not None:
                located = [enclosing]
                carried = True
        return located, carried

    def trigger_sides(self, sent: Sentence, lang: str, t: Trigger, et: str, actors: list[ActorMention],
                      act: list[Trigger], absorbed: set[str], fat: int | None
                      ) -> tuple[str, str, str, str, bool, int | None]:
        """Who did what to whom: the trigger's actors (carried over from the paragraph when unnamed) and the event
        type and sub-type they make of it (an attack on civilians, a protest met with force, a riot, an arrest …).
        Returns ``(event_type, sub_event_type, actor1, actor2, protest_fat_cause, fatalities)``: an
        assassination counts one death unless the text counts otherwise; ``protest_fat_cause``: the sentence's
        dead are what a protest is about, not its toll."""
        last_actor, last_section = self.last_actor, self.last_section
        carried_actor = last_actor.get(sent.paragraph, "")
        if not carried_actor and last_section.get(sent.paragraph - 1) == sent.section and (
                _ANAPHORIC_FORCES_RE.search(sent.text)):
            # "the forces" in the next paragraph of the same section («وأضاف المصدر أن القوات استعادت…»)
            carried_actor = last_actor.get(sent.paragraph - 1, "")
        if t.kind == "protest":
            carried_actor = ""  # protesters are not the armed agent of the sentences before
        actor1, actor2 = _actors_for(t, actors, sent.text, lang, carried_actor)
        if t.kind == "protest" and (not actor1 or _camp(actor1) == "civilians"):
            # ACLED: the people protesting are the protest's actor («تظاهر مئات المواطنين»)
            actor1 = "Protesters"
        elif t.kind == "protest" and actor1 not in ("Protesters", "Rioters"):
            # "Security forces fired on protesters": ACLED codes the protesters as actor 1 of a protest and the
            # force that met them as actor 2
            actor1, actor2 = "Protesters", actor1
        if t.kind == "protest" and actor2 and _camp(actor2) == "civilians":
            # "protested over the killing of a journalist": the victim of what they protest is not a side of
            # the protest (who meets a protest is a force)
            actor2 = ""
        if actor2 == actor1:
            actor2 = ""  # one group named twice ("protesters … the protesters") is not its own opponent
        sub = t.sub_event_type
        protest_fat_cause = False
        et_t = et
        if t.kind == "closure" and (not actor1 or _camp(actor1) == "civilians") and (
                _camp(actor2) == "civilians" or _DEMANDING_RE.search(sent.text)):
            # «أقفلت مجموعة من المواطنين حقل الشرارة مطالبين…», "residents shut down the field, demanding jobs": people
            # who close a field, a road or a port to press a demand protest (no armed group named)
            return "Protests", "Peaceful protest", "Protesters", "", False, fat
        if self.events and t.kind not in ("protest", "territory", "agreement", "arrest") \
                and (_TOOK_PLACE_RE.match(sent.text, t.end) or _AR_RAGED_BEFORE_RE.search(sent.text, max(0, t.start - 12), t.start)) \
                and _refers_back(sent.text, t):
            # "Twelve migrants were shot dead … Witnesses said the shooting took place in Gharyan", «وقع الهجوم في…»:
            # the event told before, now placed; it keeps the type it was told with
            prev = self.events[-1]
            return prev.event_type, prev.sub_event_type, actor1 or prev.actor1, actor2 or prev.actor2, False, fat
        if t.kind in ("property_destruction", "attack") and not actor1 and self._after_a_crowd(sent, actors):
            # "Protesters started fires at police stations. The state television building was also set on fire on
            # 21 February.", «… وأحرقت مقار حكومية»: burning, looting or assault whose agent the text never names,
            # told right after a protest or a riot, is the crowd's riot (ACLED: violent demonstration)
            return "Riots", "Violent demonstration", "Rioters", actor2, False, fat
        after = sent.text[t.start:t.end + 60]  # from the trigger: "opened fire on", «النار على»
        if t.kind == "assassination" and fat is None and not _ATTEMPT_RE.search(sent.text[max(0, t.start - 30):t.end]) \
                and not re.search(r"محاول|attempt", sent.text[max(0, t.start - 12):t.end + 10], re.IGNORECASE):
            fat = 1  # an assassination is one death unless the text counts otherwise
        if t.kind == "assassination" and _ARMED_VICTIM_RE.search(sent.text[t.end:t.end + 50]):
            # an assassinated commander or officer is an armed target: a battle, as ACLED codes it
            et_t, sub = "Battles", "Armed clash"
        elif t.kind == "attack" and (_CIVILIAN_TARGET_RE.search(after) or _CIVILIAN_VICTIMS_RE.search(sent.text)
                                     or _CIVILIAN_TARGET_BEFORE_RE.search(sent.text[max(0, t.start - 110):t.start])
                                     or any(x.kind == "abduction" for x in act)
                                     or (actor2 and _camp(actor2) == "civilians")
                                     # «هاجم … بلدة الفقهاء وقتلوا أربعة أشخاص»: people killed, no armed target
                                     or (_ASSAULT_WORD_RE.search(t.word) is not None
                                         and _PEOPLE_VICTIMS_RE.search(sent.text, t.end) is not None
                                         and not _ARMED_TARGET_RE.search(after)
                                         and not (actor2 and _camp(actor2) in ("state", "non_state",
                                                                                         "external")))
                                     # "the terrorist attack on …", «الهجوم الإرهابي»: no armed target named
                                     or (_TERROR_RE.search(sent.text[t.start:t.end + 12]) is not None
                                         and not _ARMED_TARGET_RE.search(after)
                                         and not (actor2 and _camp(actor2) in ("state", "non_state",
                                                                                         "external")))):
            # (the abducted, then shot, are defenceless: «اختطف مسلحون الناشطة … ثم قتلوها رميا بالرصاص»)
            # "the attack on our mission", «الهجوم على فندق»: a target that cannot fight back
            et_t, sub = "Violence against civilians", "Attack"
        elif t.kind == "protest" and _ARMED_PROTESTERS_RE.search(sent.text) and (
                "clash" in absorbed or any(x.kind in ("clash", "fighting") for x in act)):
            # «اشتباكات بين القوات الخاصة ومحتجين مسلحين», "armed protesters clashed with soldiers": armed men
            # fighting a force is a battle, whatever the text calls them
            et_t, sub = "Battles", "Armed clash"
            force = next((a.name for a in actors if _camp(a.name) == "state"), "")
            actor1, actor2 = (force, "Unidentified armed group") if force else ("Unidentified armed group", "")
        elif t.kind == "protest":
            cause = _PROTEST_OVER_DEATH_RE.search(sent.text, t.end)
            if cause is not None and fat and not numbers.casualties(sent.text[:cause.start()], lang).fatalities:
                protest_fat_cause = True  # the killing the protest is about; not its toll
            if fat and not protest_fat_cause or _LIVE_FIRE_RE.search(sent.text) or "attack" in absorbed:
                sub = "Excessive force against protesters"
            elif _INTERVENTION_RE.search(sent.text):
                sub = "Protest with intervention"
            if _RIOT_RE.search(sent.text) or ("clash" in absorbed and "attack" not in absorbed and not fat):
                et_t, sub = "Riots", "Violent demonstration"
        if t.kind == "abduction" and _CAPTURE_WORD_RE.match(t.word.strip()) and _camp(actor1) in ("state", "external"):
            # "U.S. forces captured Anas al-Liby", "police seized two suspects": a state force taking people arrests them
            et_t, sub = "Strategic developments", "Arrests"
        if t.kind == "riot" and actor1 and _camp(actor1) == "state" and actor2 != "Rioters":
            # "Youths threw stones at police": the police the rioters met is actor 2 (as with a protest)
            actor1, actor2 = "Rioters", actor1
        if et_t == "Riots" and actor1 in ("", "Protesters"):
            actor1 = "Rioters"  # ACLED: who riots is coded "Rioters", not "Protesters"
            actor2 = "" if actor2 in ("Rioters", "Protesters") else actor2
        if t.kind == "territory" and hasattr(lexicon, "territory_sub_event"):
            try:
                sub = lexicon.territory_sub_event(actor1) or sub
            except Exception:  # noqa: BLE001
                pass
        if t.kind == "territory" and et_t == "Battles" and (
                _UNOPPOSED_RE.search(sent.text, t.end, t.end + 90)
                or any(o.kind == "territory" and o.start <= t.start
                       and _UNOPPOSED_BEFORE_RE.search(sent.text, max(0, o.start - 14), o.start) for o in act)):
            # "captured Gharyan without a fight", «دخلت المدينة دون قتال»: a place taken unopposed changes hands with
            # no battle (ACLED: non-violent transfer of territory); so do the places the sentence goes on to say
            # were taken with it ("peacefully entered al-Asabiaa, while also entering Tiji and Badr")
            et_t, sub = "Strategic developments", "Non-violent transfer of territory"
        return et_t, sub, actor1, actor2, protest_fat_cause, fat

    def _after_a_crowd(self, sent: Sentence, actors: list[ActorMention]) -> bool:
        """Whether the section's last event is a protest or a riot of this paragraph or the one before, and the
        sentence names no armed actor (whose act it could be)."""
        j = self.last_event_in_para.get(sent.section)
        if j is None or self.events[j].event_type not in ("Protests", "Riots"):
            return False
        if any(a.kind in ("state", "non_state", "external") for a in actors):
            return False
        return sent.paragraph - self.last_event_paragraph.get(sent.section, -2) <= 1

    def trigger_date(self, sent: Sentence, t: Trigger, when: _When) -> tuple[str | None, int, str, DateInfo | None]:
        """The trigger's date: the sentence's (``when``), or the date expression nearest the trigger, or "N days
        later" counted from the sentence's date. Returns ``(date, precision, note, nearest date expression)``."""
        sentence_found = self.sentence_found
        dinfo, date_note, ev_date, tprec = when.dinfo, when.date_note, when.ev_date, when.tprec
        t_date, t_prec, t_note = ev_date, tprec, date_note
        own = timeparse.date_of_words(sentence_found, sent.text, t.start, t.end) if dinfo is not None and \
            getattr(dinfo, "start", -1) >= 0 else None
        if own is not None and own.date is not None:
            t_date, t_prec, t_note = own.date.isoformat(), own.precision, f"{own.note} (the date nearest the trigger)"
        if dinfo is not None and dinfo.date is not None and dinfo.end >= 0:
            # «وفي 26 يونيو استعادت … وبعد ثلاثة أيام شنت …»: "N days later" between the sentence's date and
            # the trigger counts from that date
            later = next((m2 for m2 in _NEXT_DAY_RE.finditer(sent.text, getattr(dinfo, "end", 0), t.start)
                          if not m2.group("z")), None)
            if later is not None:
                days, prec2 = _days_later(later)
                t_date = (dinfo.date + _dt.timedelta(days=days)).isoformat()
                t_prec, t_note = prec2, f"{later.group().strip()!r}: {abs(days)} day(s) {'before' if days < 0 else 'after'} {dinfo.date.isoformat()}"
        if t_date and t_prec == 1 and (eve := _DAY_AFTER_BEFORE_RE.search(sent.text, max(0, t.start - 30), t.start)) is not None \
                and (dinfo is None or dinfo.end <= eve.start()):
            # "said on Saturday, a day after guards shot migrants", «في بيان اليوم، غداة إطلاق النار»: what the day
            # came after is of the day before it
            t_date = (_dt.date.fromisoformat(t_date[:10]) - _dt.timedelta(days=1)).isoformat()
            t_note = f"{eve.group().strip()!r}: the day before {t_note}"
        return t_date, t_prec, t_note, own

    def of_its_war(self, sent: Sentence, t: Trigger, et_t: str, sub: str, actor1: str, actor2: str,
                   t_date: str | None, actors: list[ActorMention]) -> tuple[str, str, str, str, str]:
        """Actors named after their time ("the army" of 2011 is Gaddafi's), the sides of the 2011 war, the
        perpetrator and victims of a mass grave and of violence against civilians. Returns ``(event_type,
        sub_event_type, actor1, actor2, note)``."""
        years = self.doc.years
        # an undated event of a narrative is of the year the text named last before it (or first)
        era = t_date or _narrative_era(years, sent.start)
        actor1, actor2 = _of_its_time(actor1, era), _of_its_time(actor2, era)
        if actor2 and actor2 == actor1:
            # "pro-Gaddafi forces and army units" in 2011: two names of one side, once each is named after its
            # time; the other side is another actor of the sentence (or none)
            actor2 = next((n for n in (_of_its_time(a.name, era) for a in actors)
                           if n and n != actor1 and not _allied(actor1, n)), "")
        war_note = ""
        if t.kind == "handover" and t_date and _GADDAFI_WAR[0] <= t_date[:10] <= _GADDAFI_WAR[1] \
                and actor1 in _WAR_2011_SIDES and _WITHDRAW_RE.match(t.word.strip()):
            # «الثوار ينسحبون من رأس لانوف», "loyalist forces withdrew from Misrata": in the 2011 war a side
            # withdrew before the other's advance, which took the place (a battle, as ACLED codes it)
            loser = actor1
            actor1 = _WAR_2011_SIDES[1 - _WAR_2011_SIDES.index(loser)]
            actor2 = loser
            et_t = "Battles"
            sub = lexicon.territory_sub_event(actor1) if hasattr(lexicon, "territory_sub_event") else sub
            war_note = "a withdrawal in the 2011 war: the other side took the place"
        if et_t == "Battles" and t_date and _GADDAFI_WAR[0] <= t_date[:10] <= _GADDAFI_WAR[1] and not war_note:
            # (a dated battle only: an undated one of a text about 2011 may be of the months after)
            actor1, actor2, war_note = _war_sides(actor1, actor2)
        if t.kind == "mass_grave":
            # who finds or announces the graves did not dig them: the perpetrator is named by "by …"
            # («… dug by the Kaniyat militia») or not at all («أعلنت حكومة الوفاق العثور على مقابر جماعية»)
            by = next((a.name for a in actors if a.start > t.start and
                       _BY_BEFORE_RE.search(sent.text[max(0, a.start - 12):a.start])), "")
            actor1, actor2 = by, "Civilians"  # the dead of a mass grave are its victims
        if et_t == "Violence against civilians" and not actor2 and actor1 != "Civilians":
            actor2 = "Civilians"  # whom violence against civilians targets (ACLED's actor 2 of the type)
        return et_t, sub, actor1, actor2, war_note

    def account(self) -> ExtractionResult:
        """The last stage: every place mention is used by an event or listed with the reason it is not; the
        events are folded (bare deaths into their events), deduplicated and given unnamed perpetrators."""
        d, res, used, events = self.doc, self.res, self.used, self.events
        mentions, context_reason = d.mentions, d.context_reason
        bare_deaths, bare_undated = self.bare_deaths, self.bare_undated
        listed = {id(m) for m, _ in res.unused}
        dropped: set[int] = set()  # listed mentions an event uses after all: removed in one pass below
        for i, m in enumerate(mentions):
            if i in used and used[i]:
                if id(m) in listed:
                    dropped.add(id(m))
                res.used.append((m, tuple(used[i])))
                continue
            if id(m) in listed:
                continue
            if i in context_reason:
                why = context_reason[i]
            elif m.status == "context":
                why = m.reason
            elif m.status == "unresolved":
                why = m.reason
            elif m.status == "foreign":
                why = "foreign place: no event in Libya"
            else:
                why = "no event in its sentence (no trigger, a statement, or a finer place was chosen)"
            res.unused.append((m, why))
        if dropped:
            res.unused = [(q, w) for q, w in res.unused if id(q) not in dropped]
        res.unused.sort(key=lambda t: t[0].start)
        titles = [(x.start, x.end) for x in d.sentences if getattr(x, "is_title", False)]
        events = _fold_regional(_fold_weakly_dated(_fold_title(_fold_bare_deaths(events, bare_deaths, bare_undated), titles), d.gaz,
                                                   d.doc_date),
                                d.gaz)
        res.events = [_unnamed_perpetrator(ev) for ev in _dedupe(_day_by_day(events, self.more_days))]
        return res


@_defer_full_collections
def extract_result(
    text: str,
    date: _dt.date | str | None = None,
    source: str | None = None,
    *,
    doc_id: str | None = None,
    gazetteer: Gazetteer | None = None,
    language: str | None = None,
    url: str = "",
) -> ExtractionResult:
    """Extract events from one text and account for every place mention.

    Parameters
    ----------
    text
        Decoded article text.
    date
        Publication date (``datetime.date`` or ``YYYY-MM-DD``); weekday names resolve against it.
    source, url
        Provenance copied to each event.
    doc_id
        Id of the document (default: a hash of the text), part of each event id.
    gazetteer
        A :class:`gazetteer.Gazetteer` (default: ``Gazetteer.default()``).
    language
        ``ar`` or ``en`` (default: detected).

    Returns
    -------
    ExtractionResult
    """
    if not isinstance(text, str):
        raise InputError(f"text must be str, not {type(text).__name__}")
    if not text.strip():
        return ExtractionResult()
    doc = read_document(text, date, source, doc_id=doc_id, gazetteer=gazetteer, language=language, url=url)
    return _Coder(doc).code()



def _unnamed_perpetrator(ev: Event) -> Event:
    """"Five embassy staff are kidnapped in Tripoli", «انفجرت سيارة مفخخة»: violence against civilians or a
    bombing whose perpetrator the text never names is coded, as ACLED does, to an unidentified armed group."""
    if not ev.actor1 and ev.sub_event_type == "Arrests":
        # "Six traffickers are arrested", «اعتقل ثلاثة مشتبه بهم»: who arrests, unnamed, is the police (ACLED
        # codes arrests to a state force)
        return dataclasses.replace(ev, actor1="Libyan police",
                                   notes=(ev.notes + "; " if ev.notes else "") + "arresting force not named")
    if not ev.actor1 and not ev.actor2 and ev.sub_event_type == "Armed clash":
        # "violent clashes have erupted in Tripoli", «اندلعت اشتباكات في طرابلس»: a clash whose sides the text
        # never names is, as ACLED codes it, between unidentified armed groups
        return dataclasses.replace(ev, actor1="Unidentified armed group",
                                   notes=(ev.notes + "; " if ev.notes else "") + "sides not named")
    if ev.actor1 or not (ev.event_type == "Violence against civilians" or ev.sub_event_type in _UNNAMED_BOMBER_SUBS):
        return ev
    return dataclasses.replace(ev, actor1="Unidentified armed group",
                               notes=(ev.notes + "; " if ev.notes else "") + "perpetrator not named")


def extract(
    text: str,
    date: _dt.date | str | None = None,
    source: str | None = None,
    *,
    doc_id: str | None = None,
    gazetteer: Gazetteer | None = None,
    language: str | None = None,
    url: str = "",
) -> list[Event]:
    """Events of one text (see :func:`extract_result` for the parameters)."""
    return extract_result(text, date, source, doc_id=doc_id, gazetteer=gazetteer, language=language, url=url).events


def extract_document(doc: Document, *, gazetteer: Gazetteer | None = None, date: _dt.date | str | None = None
                     ) -> ExtractionResult:
    """Extract from a :class:`geo.text.document.Document` (its id, date, source, url and language)."""
    return extract_result(
        doc.text, doc.date if doc.date is not None else date, doc.source, doc_id=doc.id, gazetteer=gazetteer,
        language=doc.language or None, url=doc.url or "",
    )


def extract_many(
    docs: Iterable[Document | Exception], *, gazetteer: Gazetteer | None = None, date: _dt.date | str | None = None
) -> Iterator[tuple[Document | Exception, list[Event], list[Mention]]]:
    """Extract from many documents, one after the other (gazetteer and automaton built once).

    ``docs`` may hold :class:`geo.text.document.Document` objects and :class:`geo.exc.InputError`
    instances (as :func:`geo.text.document.iter_documents` yields them): errors are passed
    through as ``(error, [], [])`` so the caller can report them.
    """
    gaz = gazetteer if gazetteer is not None else _default_gazetteer()
    for doc in docs:
        if isinstance(doc, Exception):
            yield doc, [], []
            continue
        r = extract_document(doc, gazetteer=gaz, date=date)
        yield doc, r.events, r.mentions


class _ExtractModule(_types.ModuleType):
    """``geo.extract`` names both this module and :func:`extract`: once the module is imported the
    package attribute is the module, so calling it calls :func:`extract` (``geo.extract(text)``)."""

    def __call__(self, *args: Any, **kwargs: Any) -> list[Event]:
        return extract(*args, **kwargs)


_sys.modules[__name__].__class__ = _ExtractModule
