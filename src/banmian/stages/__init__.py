"""Pipeline stages, in order. Each module exposes one function ``Page -> Page``."""
from banmian.stages.unlayout import unlayout
from banmian.stages.normalize import normalize
from banmian.stages.measure import measure
from banmian.stages.split_columns import split_columns
from banmian.stages.glued_lines import glued_lines
from banmian.stages.unweave import unweave
from banmian.stages.classify import classify
from banmian.stages.stream_blanks import stream_blanks
from banmian.stages.split_head_rows import split_head_rows
from banmian.stages.paragraphs import paragraphs
from banmian.stages.heads_tail import heads_tail
from banmian.stages.reassemble import reassemble
from banmian.stages.segment import segment
from banmian.stages.headlines import headlines
from banmian.stages.metadata import metadata
from banmian.stages.layout import layout
from banmian.stages.place_heads import place_heads
from banmian.stages.entities import entities
from banmian.confidence import confidence

# The stages that make and classify a page's lines (stream_blanks reads a page's lines again with them).
LINE_STAGES = [normalize, measure, split_columns, glued_lines, unweave, classify]
STAGES = [unlayout, normalize, measure, split_columns, glued_lines, unweave, classify, stream_blanks, split_head_rows, paragraphs, heads_tail, reassemble, segment, headlines, metadata,
          entities, confidence]

# PDF pages: geometry replaces the text path's inference of columns, kinds, paragraphs and order.
PDF_STAGES = [normalize, layout, segment, place_heads, metadata, entities, confidence]
