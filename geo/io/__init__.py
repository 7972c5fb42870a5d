"""Frames and files: the event frame and its formats, ACLED import, batch and Dask runs, output safety.

:mod:`geo.io.frame`
    The event frame (GeoDataFrame) and the readers and writers of event files:
    GeoJSON, GeoParquet, GeoPackage, CSV (:func:`~geo.io.frame.read_events`,
    :func:`~geo.io.frame.write_events`).
:mod:`geo.io.acled`
    ACLED exports read into the same frame.
:mod:`geo.io.batch`
    Streaming batch extraction of a corpus (process pool, resume).
:mod:`geo.io.dask_engine`
    The same batch extraction on Dask.
:mod:`geo.io.outputs`
    Where outputs go and how they are written (atomic files, locks, CSV cells).

Importing this package imports none of them: geopandas is loaded only by the modules that need it.
"""
