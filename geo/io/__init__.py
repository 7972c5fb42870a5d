"""Frames and files: the event frame and its formats, ACLED import, batch and Dask runs, output safety.

:mod:`geo.io.frame`
    The event frame (GeoDataFrame) and the readers and writers of event files:
    GeoJSON, GeoParquet, GeoPackage, CSV (:func:`~geo.io.frame.read_events`,
    :func:`~geo.io.frame.write_events`).
:mod:`geo.io.geojson`
    The one GeoJSON dialect of event files: every GeoJSON writer and reader of kharita
    (``event_to_feature``, ``dumps_collection``, ``loads_collection``); standard library only.
:mod:`geo.io.schema`
    The event columns (:data:`~geo.io.schema.SCHEMA`): names, dtypes, kinds; standard library only.
:mod:`geo.io.acled`
    ACLED exports read into the same frame.
:mod:`geo.io.batch`
    Streaming batch extraction of a corpus (resume), and the one process pool of every
    parallel extraction (:func:`~geo.io.batch.process_pool`).
:mod:`geo.io.dask_engine`
    The same batch extraction on Dask.
:mod:`geo.io.outputs`
    Where outputs go and how they are written (atomic files, locks, CSV cells).

Importing this package imports none of them: geopandas is loaded only by the modules that need it.
"""
