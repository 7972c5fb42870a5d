"""The text layer: standard library and ``gazetteer`` only.

Documents and decoding (:mod:`geo.text.document`), sentence and section structure
(:mod:`geo.text.structure`), dates (:mod:`geo.text.timeparse`), numbers and casualty
counts (:mod:`geo.text.numbers`), the word lists of triggers, cues and actors
(:mod:`geo.text.lexicon`) and the span index (:mod:`geo.text.spans`).  The one Arabic fold
with offsets is :func:`gazetteer.normalize.normalize_with_offsets`, below this layer.
The extraction pipeline (:mod:`geo.toponyms`, :mod:`geo.relative`, :mod:`geo.extract`) reads
these modules; nothing here imports the pipeline, the claim checker, the file codecs or the
maps (tests/test_layers.py holds the rule).
"""
