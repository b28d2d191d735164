"""Pipeline stages, in order. Each module exposes one function ``Page -> Page``."""
from banmian.stages.normalize import normalize
from banmian.stages.measure import measure
from banmian.stages.split_columns import split_columns
from banmian.stages.classify import classify
from banmian.stages.paragraphs import paragraphs
from banmian.stages.reassemble import reassemble
from banmian.stages.segment import segment
from banmian.stages.headlines import headlines
from banmian.stages.metadata import metadata

STAGES = [normalize, measure, split_columns, classify, paragraphs, reassemble, segment, headlines, metadata]
